/**
 * TypeScript twin of the volume-statistics kernels: the reference in kernel tests and the CPU
 * fallback. Mean and M2 in float64; histogram bins computed exactly as the WGSL does (f32).
 */
import {
  binIndex,
  binning,
  buildVolumeStats,
  resolveBins,
  type Binning,
  type Moments,
  type VolumeStats,
  type VolumeStatsOptions,
} from './volume-stats.common';

/** Elements between abort checks (and yields to the event loop when a signal is given). */
const BLOCK = 1 << 22;

export async function computeVolumeStatsCpu(
  data: Float32Array,
  options: VolumeStatsOptions = {},
): Promise<VolumeStats> {
  const bins = resolveBins(options.bins);
  const signal = options.signal;
  signal?.throwIfAborted();
  const scan = await inBlocks(data.length, signal, emptyScan(), (s, e, acc) => scanRange(data, s, e, acc));
  const mean = scan.count > 0 ? scan.sum / scan.count : 0;
  const counts = new Uint32Array(bins);
  let m2 = 0;
  if (scan.count > 0) {
    const b = binning(scan.min, scan.max, bins);
    m2 = await inBlocks(data.length, signal, 0, (s, e, acc) => acc + binRange(data, s, e, b, mean, counts));
  }
  const { count, min, max, nanCount, infCount } = scan;
  const moments: Moments = { count, min, max, mean, m2, nanCount, infCount };
  return buildVolumeStats(moments, counts);
}

interface Scan {
  count: number;
  min: number;
  max: number;
  sum: number;
  nanCount: number;
  infCount: number;
}

/**
 * Float64 mean and M2 of the finite values, for when the kernel's f32 accumulators overflow
 * (deviations beyond about 1e19).
 */
export function finiteMeanAndM2(data: Float32Array): { mean: number; m2: number } {
  let count = 0;
  let sum = 0;
  for (const v of data) {
    if (Number.isFinite(v)) {
      count++;
      sum += v;
    }
  }
  const mean = count > 0 ? sum / count : 0;
  let m2 = 0;
  for (const v of data) if (Number.isFinite(v)) m2 += (v - mean) * (v - mean);
  return { mean, m2 };
}

function emptyScan(): Scan {
  return { count: 0, min: Infinity, max: -Infinity, sum: 0, nanCount: 0, infCount: 0 };
}

/** Counts, min, max and sum of data[start, end) added to `acc`. */
function scanRange(data: Float32Array, start: number, end: number, acc: Scan): Scan {
  let { count, min, max, sum, nanCount, infCount } = acc;
  for (let i = start; i < end; i++) {
    const v = data[i];
    if (v !== v) {
      nanCount++;
      continue;
    }
    if (v === Infinity || v === -Infinity) {
      infCount++;
      continue;
    }
    count++;
    sum += v;
    // -0 orders below +0, as in the kernel's integer keys.
    if (v < min || (v === min && Object.is(v, -0))) min = v;
    if (v > max || (v === max && Object.is(max, -0))) max = v;
  }
  return { count, min, max, sum, nanCount, infCount };
}

/** Adds data[start, end) to the histogram; returns the sum of squared deviations from `mean`. */
function binRange(
  data: Float32Array,
  start: number,
  end: number,
  b: Binning,
  mean: number,
  counts: Uint32Array,
): number {
  let m2 = 0;
  for (let i = start; i < end; i++) {
    const v = data[i];
    if (!Number.isFinite(v)) continue;
    counts[binIndex(v, b)]++;
    const d = v - mean;
    m2 += d * d;
  }
  return m2;
}

async function inBlocks<A>(
  n: number,
  signal: AbortSignal | undefined,
  initial: A,
  step: (start: number, end: number, acc: A) => A,
): Promise<A> {
  let acc = initial;
  for (let start = 0; start < n; start += BLOCK) {
    acc = step(start, Math.min(start + BLOCK, n), acc);
    if (signal) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      signal.throwIfAborted();
    }
  }
  return acc;
}
