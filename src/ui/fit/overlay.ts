/**
 * OrthoPrefeature on the data views: every particle's cross-section in cyan (PERI's part_col), the
 * selected one in magenta, and the featuring preview dashed in yellow before a state exists.
 */
import type { Plane } from '../../compute/engine/types';
import { sliceToScreen, type Placement } from '../render/plane-geometry';
import type { LucidState } from '../store';
import { addOverlayPainter } from '../views/overlay-registry';
import { cachedParticles, featurePreview } from './fit-cache';
import { crossSection, toVolume, type Mark } from './particle-marks';

const PARTICLE = 'rgba(0, 255, 255, 0.9)';
const SELECTED = 'rgba(255, 80, 255, 1)';
const PREVIEW = 'rgba(255, 220, 60, 0.95)';

function ellipse(ctx: CanvasRenderingContext2D, p: Placement, m: Mark): void {
  const { sx, sy } = sliceToScreen(p, m.col, m.row);
  ctx.beginPath();
  ctx.ellipse(sx, sy, Math.max(0.5, m.rCol * p.px), Math.max(0.5, m.rRow * p.py), 0, 0, 2 * Math.PI);
  ctx.stroke();
}

export function paintFitOverlay(ctx: CanvasRenderingContext2D, plane: Plane, p: Placement, s: LucidState): void {
  if (!s.fitMode || !s.volume) return;
  const zscale = s.session?.zscale ?? 1;
  ctx.save();
  ctx.setLineDash([]);
  const preview = featurePreview();
  if (preview && !s.session) {
    ctx.strokeStyle = PREVIEW;
    ctx.setLineDash([4, 3]);
    ctx.lineWidth = 1.2;
    for (const pos of preview.pos) {
      const m = crossSection(plane, toVolume(pos, preview.origin), preview.radius, zscale, s.cursor);
      if (m) ellipse(ctx, p, m);
    }
    ctx.setLineDash([]);
  }
  if (s.session) {
    const origin = s.session.crop.l;
    for (const part of cachedParticles()) {
      const m = crossSection(plane, toVolume([part.z, part.y, part.x], origin), part.a, zscale, s.cursor);
      if (!m) continue;
      const selected = part.id === s.selectedParticle;
      ctx.strokeStyle = selected ? SELECTED : PARTICLE;
      ctx.lineWidth = selected ? 2.5 : 1.3;
      ellipse(ctx, p, m);
    }
  }
  ctx.restore();
}

export function attachFitOverlay(): () => void {
  return addOverlayPainter(paintFitOverlay);
}
