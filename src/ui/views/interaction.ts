/**
 * Pointer gestures a mode can take over on the slice views (the fit mode's add / remove / grab /
 * optimize). Points are continuous volume coordinates, voxel centres at integers. Without a
 * handler, or when it declines, the views do what the viewer always does (cursor, pan, slices).
 */
import type { Plane } from '../../compute/engine/types';
import { PLANE_AXES, screenToSlice, type Cursor, type Placement } from '../render/plane-geometry';

export interface VoxelInteraction {
  /** A click (press and release without dragging); true when handled (the cursor stays). */
  click(plane: Plane, point: Cursor): boolean;
  /** A press; true takes the gesture: the drag goes to `drag`, not to panning. */
  press?(plane: Plane, point: Cursor): boolean;
  drag?(plane: Plane, point: Cursor): void;
  release?(plane: Plane, point: Cursor): void;
  /** Wheel steps (±1, ×10 with shift); true when handled (no slice step). */
  wheel?(plane: Plane, point: Cursor, steps: number): boolean;
}

let current: VoxelInteraction | null = null;

export function setInteraction(i: VoxelInteraction | null): void {
  current = i;
}

export function interaction(): VoxelInteraction | null {
  return current;
}

/** The continuous point under a screen position, the plane's own axis at `cursor`; null outside. */
export function pointAt(plane: Plane, cursor: Cursor, p: Placement, sx: number, sy: number): Cursor | null {
  const { col, row } = screenToSlice(p, sx, sy);
  if (col < 0 || row < 0 || col >= p.cols || row >= p.rows) return null;
  const a = PLANE_AXES[plane];
  return { ...cursor, [a.col]: col - 0.5, [a.row]: row - 0.5 };
}
