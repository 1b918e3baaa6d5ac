/**
 * TypeScript twins of the moment reductions (moments.wgsl): float64 accumulation in blocks
 * with a pairwise combine (f64-sum.ts), so they are accurate to ~1e-13 relative and serve as the
 * reference for the GPU versions.
 */
import { BLOCK, blockedSum, pairwiseSum } from './f64-sum';
import { dotCpu } from './dot.cpu';
import { checkNotEmpty, ReduceError } from './errors';

export interface MinMax {
  min: number;
  max: number;
}

export interface MeanVariance {
  n: number;
  mean: number;
  /** Σ(x − mean)² / (n − ddof). */
  variance: number;
}

export interface MeanVarianceOptions {
  /** Delta degrees of freedom: 0 (default) gives the population variance, 1 the sample variance. */
  ddof?: 0 | 1;
}

/** Σ x */
export function sumCpu(x: Float32Array): number {
  return blockedSum(x.length, (lo, hi) => {
    // Four accumulators: one chain of float64 additions is latency-bound.
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    let i = lo;
    for (; i + 3 < hi; i += 4) {
      s0 += x[i];
      s1 += x[i + 1];
      s2 += x[i + 2];
      s3 += x[i + 3];
    }
    for (; i < hi; i++) s0 += x[i];
    return (s0 + s1) + (s2 + s3);
  });
}

/** Σ x² (PERI's error when x holds residuals). */
export function sumSquaresCpu(x: Float32Array): number {
  return dotCpu(x, x);
}

/** Smallest and largest value; NaN values are skipped (all NaN gives NaN, NaN). */
export function minMaxCpu(x: Float32Array): MinMax {
  checkNotEmpty('minMax', x.length);
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return min > max ? { min: NaN, max: NaN } : { min, max };
}

/** Mean and variance by two passes: the mean, then Σ(x − mean)² corrected by (Σ(x − mean))²/n. */
export function meanVarianceCpu(x: Float32Array, options: MeanVarianceOptions = {}): MeanVariance {
  const n = x.length;
  const ddof = checkDdof(n, options.ddof);
  const mean = sumCpu(x) / n;
  const blocks = Math.ceil(n / BLOCK);
  const s1 = new Float64Array(blocks);
  const s2 = new Float64Array(blocks);
  for (let b = 0; b < blocks; b++) {
    let a1 = 0;
    let a2 = 0;
    for (let i = b * BLOCK; i < Math.min(n, (b + 1) * BLOCK); i++) {
      const d = x[i] - mean;
      a1 += d;
      a2 += d * d;
    }
    s1[b] = a1;
    s2[b] = a2;
  }
  const d1 = pairwiseSum(s1);
  const d2 = pairwiseSum(s2);
  return { n, mean, variance: centredVariance(n, d1, d2, ddof) };
}

/** Variance from sums about any centre c close to the mean: (Σ(x−c)² − (Σ(x−c))²/n)/(n − ddof). */
export function centredVariance(n: number, d1: number, d2: number, ddof: number): number {
  return Math.max(0, d2 - (d1 * d1) / n) / (n - ddof);
}

export function checkDdof(n: number, ddof: number | undefined): number {
  const d = ddof ?? 0;
  if (d !== 0 && d !== 1) throw new ReduceError(`meanVariance: ddof must be 0 or 1, got ${ddof}`);
  checkNotEmpty('meanVariance', n);
  if (n - d <= 0) throw new ReduceError(`meanVariance with ddof = 1 needs at least 2 values, got ${n}`);
  return d;
}
