/** Navigation: the cursor (z, y, x), zoom/pan per view, the plane layout and overlay toggles. */
import type { Plane } from '../../compute/engine/types';
import {
  axisLength, IDENTITY_TRANSFORM, type Axis, type Cursor, type ViewTransform,
} from '../render/plane-geometry';
import type { SliceCreator } from './types';

export type Layout = 'ortho' | 'xy';

/** A voxel of a volume with its value, as shown by the readout. */
export interface VoxelReading extends Cursor {
  volumeId: string;
  value: number;
}

export interface HoverReading extends Cursor {
  plane: Plane;
  /** Value from the displayed slice; null while that slice is not loaded. */
  value: number | null;
}

export interface ViewSlice {
  cursor: Cursor;
  /** Value at the cursor, read from the engine; null until it arrives. */
  cursorValue: VoxelReading | null;
  hover: HoverReading | null;
  transforms: Record<Plane, ViewTransform>;
  layout: Layout;
  showScaleBar: boolean;
  showCrosshair: boolean;
  /** Moves the cursor (clamped to the volume); omitted axes stay. */
  setCursor: (c: Partial<Cursor>) => void;
  moveCursor: (axis: Axis, delta: number) => void;
  setCursorValue: (r: VoxelReading | null) => void;
  setHover: (h: HoverReading | null) => void;
  setTransform: (plane: Plane, t: ViewTransform) => void;
  /** Resets zoom and pan of one view, or of all. */
  resetView: (plane?: Plane) => void;
  toggleScaleBar: () => void;
  toggleCrosshair: () => void;
  toggleLayout: () => void;
}

function clampAxis(v: number, n: number): number {
  if (!Number.isFinite(v)) return 0;
  return Math.min(n - 1, Math.max(0, Math.round(v)));
}

export const createViewSlice: SliceCreator<ViewSlice> = (set, get) => ({
  cursor: { z: 0, y: 0, x: 0 },
  cursorValue: null,
  hover: null,
  transforms: { xy: IDENTITY_TRANSFORM, xz: IDENTITY_TRANSFORM, yz: IDENTITY_TRANSFORM },
  layout: 'ortho',
  showScaleBar: true,
  showCrosshair: true,
  setCursor: (c) => {
    const { volume, cursor } = get();
    if (!volume) return;
    const next = { ...cursor, ...c };
    const clamped: Cursor = {
      z: clampAxis(next.z, axisLength(volume.shape, 'z')),
      y: clampAxis(next.y, axisLength(volume.shape, 'y')),
      x: clampAxis(next.x, axisLength(volume.shape, 'x')),
    };
    if (clamped.z !== cursor.z || clamped.y !== cursor.y || clamped.x !== cursor.x) set({ cursor: clamped });
  },
  moveCursor: (axis, delta) => get().setCursor({ [axis]: get().cursor[axis] + delta }),
  setCursorValue: (r) => set({ cursorValue: r }),
  setHover: (h) => set({ hover: h }),
  setTransform: (plane, t) => set((s) => ({ transforms: { ...s.transforms, [plane]: t } })),
  resetView: (plane) =>
    set((s) => ({
      transforms: plane
        ? { ...s.transforms, [plane]: IDENTITY_TRANSFORM }
        : { xy: IDENTITY_TRANSFORM, xz: IDENTITY_TRANSFORM, yz: IDENTITY_TRANSFORM },
    })),
  toggleScaleBar: () => set((s) => ({ showScaleBar: !s.showScaleBar })),
  toggleCrosshair: () => set((s) => ({ showCrosshair: !s.showCrosshair })),
  toggleLayout: () => set((s) => ({ layout: s.layout === 'ortho' ? 'xy' : 'ortho' })),
});

/** The reading belongs to the cursor of the volume shown (not to an earlier position or volume). */
export function readingMatches(r: VoxelReading | null, volumeId: string | undefined, c: Cursor): r is VoxelReading {
  return r !== null && r.volumeId === volumeId && r.z === c.z && r.y === c.y && r.x === c.x;
}
