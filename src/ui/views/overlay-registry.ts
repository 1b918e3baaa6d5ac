/** Extra drawings on top of the slice views (the fit mode's particle markers), in CSS px. */
import type { Plane } from '../../compute/engine/types';
import type { Placement } from '../render/plane-geometry';
import type { LucidState } from '../store';

export type OverlayPainter = (ctx: CanvasRenderingContext2D, plane: Plane, p: Placement, s: LucidState) => void;

const painters = new Set<OverlayPainter>();

export function addOverlayPainter(f: OverlayPainter): () => void {
  painters.add(f);
  return () => painters.delete(f);
}

export function paintOverlays(ctx: CanvasRenderingContext2D, plane: Plane, p: Placement, s: LucidState): void {
  for (const f of painters) f(ctx, plane, p, s);
}
