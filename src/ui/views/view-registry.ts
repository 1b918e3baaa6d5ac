/** The mounted slice views, so that test hooks can map voxels to screen points. */
import type { Plane } from '../../compute/engine/types';
import { PLANE_AXES, sliceToScreen, type Cursor, type Placement } from '../render/plane-geometry';

interface MountedView {
  canvas: HTMLCanvasElement;
  placement: () => Placement | null;
}

const views = new Map<Plane, MountedView>();

export function registerView(plane: Plane, view: MountedView): () => void {
  views.set(plane, view);
  return () => {
    if (views.get(plane) === view) views.delete(plane);
  };
}

/** Client (page) coordinates of the centre of a voxel in a view; null if the view is not shown. */
export function clientPoint(plane: Plane, voxel: Cursor): { x: number; y: number } | null {
  const view = views.get(plane);
  const p = view?.placement();
  if (!view || !p) return null;
  const a = PLANE_AXES[plane];
  const { sx, sy } = sliceToScreen(p, voxel[a.col], voxel[a.row]);
  const rect = view.canvas.getBoundingClientRect();
  return { x: rect.left + sx, y: rect.top + sy };
}
