import type { DisplayStats } from '../../compute/engine/types';

const W = 220;
const H = 56;

/** Where a value falls across the histogram's range, in [0, W]. */
function xOf(v: number, min: number, max: number): number {
  if (max <= min) return 0;
  return Math.min(W, Math.max(0, ((v - min) / (max - min)) * W));
}

/** Sparkline of the volume histogram (log counts) with the contrast limits marked. */
export function Histogram({ histogram, clim }: { histogram: DisplayStats['histogram']; clim: [number, number] }) {
  const { counts, min, max } = histogram;
  const peak = Math.log1p(Math.max(1, ...counts));
  const bw = W / Math.max(1, counts.length);
  let path = `M0 ${H}`;
  counts.forEach((c, i) => {
    const y = H - (Math.log1p(c) / peak) * (H - 2);
    path += ` L${(i * bw).toFixed(2)} ${y.toFixed(2)} L${((i + 1) * bw).toFixed(2)} ${y.toFixed(2)}`;
  });
  path += ` L${W} ${H} Z`;
  const lo = xOf(clim[0], min, max);
  const hi = xOf(clim[1], min, max);
  return (
    <svg className="histogram" viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" data-testid="histogram" role="img" aria-label="Histogram of the volume (log counts) with the contrast limits">
      <rect x={lo} y={0} width={Math.max(0, hi - lo)} height={H} className="histogram-window" />
      <path d={path} className="histogram-bars" />
      <line x1={lo} x2={lo} y1={0} y2={H} className="histogram-limit" />
      <line x1={hi} x2={hi} y1={0} y2={H} className="histogram-limit" />
    </svg>
  );
}
