/** Reduces the full volume statistics to what the viewer displays. */
import type { VolumeStats } from '../reduce/volume-stats';
import { DISPLAY_HISTOGRAM_BINS, DISPLAY_PERCENTILES, type DisplayStats, type PercentileKey } from './types';

/** Bins of the statistics histogram: fine enough for percentiles, a multiple of the display bins. */
export const STATS_BINS = 4096;

/**
 * Sums a fine histogram into `bins` coarse ones. Exact when the fine count is a multiple of `bins`;
 * otherwise each fine bin goes to the coarse bin holding its left edge.
 */
export function rebinHistogram(counts: ArrayLike<number>, bins: number): number[] {
  const out = new Array<number>(bins).fill(0);
  const n = counts.length;
  if (n === 0) return out;
  for (let i = 0; i < n; i++) out[Math.min(bins - 1, Math.floor((i * bins) / n))] += counts[i];
  return out;
}

export function toDisplayStats(stats: VolumeStats): DisplayStats {
  const empty = stats.count === 0;
  const finite = (v: number) => (empty || !Number.isFinite(v) ? 0 : v);
  const percentiles = {} as Record<PercentileKey, number>;
  for (const key of DISPLAY_PERCENTILES) percentiles[key] = finite(stats.percentile(Number(key)));
  return {
    count: stats.count,
    nanCount: stats.nanCount,
    min: finite(stats.min),
    max: finite(stats.max),
    mean: finite(stats.mean),
    std: finite(stats.std),
    percentiles,
    histogram: {
      min: finite(stats.histogram.min),
      max: finite(stats.histogram.max),
      counts: rebinHistogram(stats.histogram.counts, DISPLAY_HISTOGRAM_BINS),
    },
  };
}
