import { useLucid } from '../../store';
import { fitTrace } from '../fit-cache';

const W = 260;
const H = 90;
const PAD = 4;

/** Error versus time of the fits of this session (log scale), an SVG line redrawn on each report. */
export function ErrorPlot() {
  useLucid((s) => s.markersVersion);
  const pts = fitTrace().filter((p) => Number.isFinite(p.error) && p.error > 0);
  if (pts.length < 2) return <p className="hint" data-testid="error-plot-empty">The error-versus-time plot fills in while a fit runs.</p>;
  const t1 = Math.max(1, pts.at(-1)!.ms);
  const logs = pts.map((p) => Math.log10(p.error));
  const lo = Math.min(...logs);
  const hi = Math.max(...logs, lo + 1e-9);
  const x = (ms: number) => PAD + (ms / t1) * (W - 2 * PAD);
  const y = (l: number) => PAD + ((hi - l) / (hi - lo)) * (H - 2 * PAD);
  const d = pts.map((p, i) => `${i ? 'L' : 'M'}${x(p.ms).toFixed(1)} ${y(logs[i]).toFixed(1)}`).join(' ');
  return (
    <figure className="error-plot" data-testid="error-plot">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label="Error versus time, log scale">
        <path d={d} className="error-line" />
      </svg>
      <figcaption className="hint">
        error {pts[0].error.toPrecision(4)} → {pts.at(-1)!.error.toPrecision(4)} in {(t1 / 1000).toFixed(1)} s (log scale)
      </figcaption>
    </figure>
  );
}
