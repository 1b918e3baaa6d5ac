/** Types and the math shared by the volume-statistics kernel wrapper and its TypeScript twin. */

export interface VolumeHistogram {
  /** Range covered by the bins: the exact minimum and maximum of the finite values. */
  min: number;
  max: number;
  /** counts[b] holds values v with bin index b (see `binIndex`); the last bin includes max. */
  counts: Uint32Array;
}

export interface VolumeStats {
  /** Number of finite values; NaN and ±Inf are left out of every statistic below. */
  count: number;
  min: number;
  max: number;
  mean: number;
  /** Population standard deviation (divides by count). */
  std: number;
  nanCount: number;
  infCount: number;
  histogram: VolumeHistogram;
  /** Value below which p % (0..100) of the finite values lie, from the histogram. */
  percentile(p: number): number;
}

export interface VolumeStatsOptions {
  /** Histogram bins, 1 to 2^20 (default 4096). */
  bins?: number;
  signal?: AbortSignal;
}

export class VolumeStatsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VolumeStatsError';
  }
}

export const DEFAULT_BINS = 4096;
export const MAX_BINS = 1 << 20;

export function resolveBins(bins: number | undefined): number {
  const b = bins ?? DEFAULT_BINS;
  if (!Number.isInteger(b) || b < 1 || b > MAX_BINS) {
    throw new VolumeStatsError(`Histogram bins must be a whole number from 1 to ${MAX_BINS}, got ${b}`);
  }
  return b;
}

/** Float-32 constants of the bin mapping, shared bit for bit by the kernel and the twin. */
export interface Binning {
  bins: number;
  /** 1, or 0.5 when hi − lo overflows f32. */
  k: number;
  /** f32(lo · k). */
  loK: number;
  /** f32(bins / f32(hi·k − lo·k)); 0 for a constant volume, which puts everything in bin 0. */
  scale: number;
}

const f32 = Math.fround;
const F32_MAX = 3.4028234663852886e38;

export function binning(lo: number, hi: number, bins: number): Binning {
  let k = 1;
  let range = f32(hi - lo);
  if (!Number.isFinite(range)) {
    k = 0.5;
    range = f32(f32(hi * k) - f32(lo * k));
  }
  // A subnormal range would give an infinite scale; the largest f32 still maps hi to the end.
  const scale = range > 0 ? Math.min(f32(bins / range), F32_MAX) : 0;
  return { bins, k, loK: f32(lo * k), scale };
}

/** min(u32((v·k − loK) · scale), bins − 1), evaluated with f32 roundings like the WGSL. */
export function binIndex(v: number, b: Binning): number {
  const t = f32(f32(f32(v * b.k) - b.loK) * b.scale);
  return Math.min(Math.trunc(t), b.bins - 1);
}

/** Finite count, exact min/max and float64 mean and M2 (sum of squared deviations). */
export interface Moments {
  count: number;
  min: number;
  max: number;
  mean: number;
  m2: number;
  nanCount: number;
  infCount: number;
}

export function buildVolumeStats(m: Moments, counts: Uint32Array): VolumeStats {
  const empty = m.count === 0;
  const histogram: VolumeHistogram = {
    min: empty ? NaN : m.min,
    max: empty ? NaN : m.max,
    counts,
  };
  return {
    count: m.count,
    min: histogram.min,
    max: histogram.max,
    mean: empty ? NaN : m.mean,
    std: empty ? NaN : Math.sqrt(Math.max(m.m2, 0) / m.count),
    nanCount: m.nanCount,
    infCount: m.infCount,
    histogram,
    percentile: (p) => histogramPercentile(histogram, p),
  };
}

/**
 * Value at rank p/100 · total in the histogram, interpolating linearly inside the bin where the
 * rank falls (bins span [min, max] evenly); clamped to [min, max], so 0 and 100 give them exactly.
 */
export function histogramPercentile(h: VolumeHistogram, p: number): number {
  if (!Number.isFinite(p) || p < 0 || p > 100) {
    throw new VolumeStatsError(`Percentile must be between 0 and 100, got ${p}`);
  }
  let total = 0;
  for (const c of h.counts) total += c;
  if (total === 0) return NaN;
  if (p === 0) return h.min;
  if (p === 100) return h.max;
  const rank = (p / 100) * total;
  const width = (h.max - h.min) / h.counts.length;
  let below = 0;
  for (let b = 0; b < h.counts.length; b++) {
    const c = h.counts[b];
    if (c > 0 && below + c >= rank) {
      const value = h.min + (b + (rank - below) / c) * width;
      return Math.min(Math.max(value, h.min), h.max);
    }
    below += c;
  }
  return h.max;
}
