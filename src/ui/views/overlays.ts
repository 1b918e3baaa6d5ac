/** Canvas overlays of a slice view: slice outline, crosshair and scale bar (CSS px coordinates). */
import type { Plane } from '../../compute/engine/types';
import { PLANE_AXES, sliceToScreen, type Axis, type Cursor, type Placement } from '../render/plane-geometry';
import { scaleBar } from '../render/scale-bar';

/** Axis colours as in Neuroglancer: x red, y green, z blue. A view's frame takes its normal's colour. */
export const AXIS_COLOURS: Record<Axis, string> = {
  x: 'rgba(255, 96, 96, 0.85)',
  y: 'rgba(110, 220, 110, 0.85)',
  z: 'rgba(110, 160, 255, 0.9)',
};

export function drawOutline(ctx: CanvasRenderingContext2D, p: Placement): void {
  ctx.strokeStyle = 'rgba(255, 255, 255, 0.18)';
  ctx.lineWidth = 1;
  ctx.strokeRect(Math.round(p.ox) - 0.5, Math.round(p.oy) - 0.5, Math.round(p.cols * p.px) + 1, Math.round(p.rows * p.py) + 1);
}

/**
 * Two lines through the cursor voxel: the vertical one is where the plane normal to the column
 * axis cuts this view, so it takes that axis' colour (likewise for the horizontal one).
 */
export function drawCrosshair(ctx: CanvasRenderingContext2D, plane: Plane, p: Placement, cursor: Cursor): void {
  const a = PLANE_AXES[plane];
  const { sx, sy } = sliceToScreen(p, cursor[a.col], cursor[a.row]);
  const x = Math.round(sx) + 0.5;
  const y = Math.round(sy) + 0.5;
  const right = p.ox + p.cols * p.px;
  const bottom = p.oy + p.rows * p.py;
  const gap = Math.max(4, Math.min(p.px, p.py) * 0.8);
  ctx.lineWidth = 1;
  ctx.setLineDash([]);
  ctx.strokeStyle = AXIS_COLOURS[a.col];
  line(ctx, x, p.oy, x, y - gap);
  line(ctx, x, y + gap, x, bottom);
  ctx.strokeStyle = AXIS_COLOURS[a.row];
  line(ctx, p.ox, y, x - gap, y);
  line(ctx, x + gap, y, right, y);
}

function line(ctx: CanvasRenderingContext2D, x0: number, y0: number, x1: number, y1: number): void {
  ctx.beginPath();
  ctx.moveTo(x0, y0);
  ctx.lineTo(x1, y1);
  ctx.stroke();
}

/**
 * Horizontal bar in the physical unit of the column axis when its voxel size is known, else in
 * voxels ("px"), at the bottom right.
 */
export function drawScaleBar(
  ctx: CanvasRenderingContext2D,
  p: Placement,
  colSize: number | null,
  unit: string | null,
  view: { width: number; height: number },
): void {
  const physical = colSize !== null && Number.isFinite(colSize) && colSize > 0;
  const bar = scaleBar(physical ? p.px / colSize : p.px, physical ? unit : null, Math.min(120, view.width / 4));
  if (!bar) return;
  const margin = 14;
  const x1 = view.width - margin;
  const x0 = x1 - bar.widthPx;
  const y = view.height - margin - 4;
  ctx.font = '12px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  ctx.fillStyle = 'rgba(0, 0, 0, 0.55)';
  ctx.fillRect(x0 - 6, y - 20, bar.widthPx + 12, 30);
  ctx.fillStyle = '#f2f2f2';
  ctx.fillRect(x0, y, bar.widthPx, 4);
  ctx.fillText(bar.label, (x0 + x1) / 2, y - 3);
}
