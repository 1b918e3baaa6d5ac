/** The mounted right-hand views, for test hooks: screen points of crop voxels, what each last drew. */
import type { Plane } from '../../compute/engine/types';
import type { PeriSlice } from '../../workers/protocol';
import { PLANE_AXES, sliceToScreen, type Cursor, type Placement } from '../render/plane-geometry';

interface Mounted {
  canvas: HTMLCanvasElement;
  placement: () => Placement | null;
  /** The slice index the view shows now (crop pixels). */
  index: () => number | null;
  /** Paints a section that came with fit progress. */
  showLive: (slice: PeriSlice & { index: number }) => void;
}

const views = new Map<Plane, Mounted>();
const drawn = new Map<Plane, { key: string; index: number }>();

export function registerManipulatorView(plane: Plane, view: Mounted): () => void {
  views.set(plane, view);
  return () => {
    if (views.get(plane) === view) views.delete(plane);
    drawn.delete(plane);
  };
}

export function recordManipulator(plane: Plane, key: string, index: number): void {
  drawn.set(plane, { key, index });
}

/** What a view last drew: `sessionId|kind|component|r or k|version` and the slice index. */
export function manipulatorDrawn(plane: Plane): { key: string; index: number } | null {
  return drawn.get(plane) ?? null;
}

/** Client coordinates of a crop voxel's centre in a right-hand view. */
export function manipulatorPoint(plane: Plane, voxel: Cursor): { x: number; y: number } | null {
  const v = views.get(plane);
  const p = v?.placement();
  if (!v || !p) return null;
  const a = PLANE_AXES[plane];
  const { sx, sy } = sliceToScreen(p, voxel[a.col], voxel[a.row]);
  const r = v.canvas.getBoundingClientRect();
  return { x: r.left + sx, y: r.top + sy };
}

/** The sections the mounted views show (sent with a fit so that the engine returns them live). */
export function liveSections(): { plane: Plane; index: number }[] {
  return [...views].flatMap(([plane, v]) => {
    const index = v.index();
    return index === null ? [] : [{ plane, index }];
  });
}

export function showLiveSlices(slices: readonly (PeriSlice & { plane: Plane; index: number })[]): void {
  for (const s of slices) {
    const v = views.get(s.plane);
    if (v && v.index() === s.index) v.showLive(s);
  }
}
