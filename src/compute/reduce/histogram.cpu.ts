/**
 * Histograms with given bins (TypeScript twin of histogram.wgsl). Bins are equal-width over
 * [min, max], the last bin closed (as numpy.histogram); values outside are counted in `below` /
 * `above`, NaN in `nan`. Bin membership is decided in float32 arithmetic, identically to the kernel.
 */
import { ReduceError } from './errors';

/** Workgroup memory guaranteed by WebGPU (16 KiB) holds 4096 counters: the bins plus 3. */
export const MAX_HISTOGRAM_BINS = 4093;

export interface HistogramBins {
  min: number;
  max: number;
  count: number;
}

export interface Histogram {
  bins: HistogramBins;
  counts: Uint32Array;
  below: number;
  above: number;
  nan: number;
}

export function checkBins(bins: HistogramBins): void {
  const { min, max, count } = bins;
  if (!Number.isInteger(count) || count < 1 || count > MAX_HISTOGRAM_BINS) {
    throw new ReduceError(`histogram: bin count must be an integer from 1 to ${MAX_HISTOGRAM_BINS}, got ${count}`);
  }
  if (!Number.isFinite(min) || !Number.isFinite(max) || !(Math.fround(min) < Math.fround(max))) {
    throw new ReduceError(`histogram: bins need finite min < max (as float32), got min = ${min}, max = ${max}`);
  }
}

/** The float32 constants both implementations use: lo, hi and scale = count / (hi − lo). */
export function binConstants(bins: HistogramBins): { lo: number; hi: number; scale: number } {
  const lo = Math.fround(bins.min);
  const hi = Math.fround(bins.max);
  return { lo, hi, scale: Math.fround(bins.count / (hi - lo)) };
}

/** Bin edges (count + 1 values) in float64. */
export function binEdges(bins: HistogramBins): Float64Array {
  const edges = new Float64Array(bins.count + 1);
  for (let i = 0; i <= bins.count; i++) edges[i] = bins.min + ((bins.max - bins.min) * i) / bins.count;
  return edges;
}

export function histogramCpu(x: Float32Array, bins: HistogramBins): Histogram {
  checkBins(bins);
  const { lo, hi, scale } = binConstants(bins);
  const counts = new Uint32Array(bins.count);
  let below = 0;
  let above = 0;
  let nan = 0;
  const last = bins.count - 1;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (Number.isNaN(v)) nan++;
    else if (v < lo) below++;
    else if (v > hi) above++;
    else counts[Math.min(Math.floor(Math.fround(Math.fround(v - lo) * scale)), last)]++;
  }
  return { bins: { ...bins }, counts, below, above, nan };
}
