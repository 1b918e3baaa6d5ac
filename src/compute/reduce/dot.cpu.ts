/** TypeScript twin of dot.wgsl: float64 blocks with a pairwise combine (see f64-sum.ts). */
import { blockedSum } from './f64-sum';
import { ReduceError } from './errors';

/** Σ x·y */
export function dotCpu(x: Float32Array, y: Float32Array): number {
  if (x.length !== y.length) throw new ReduceError(`dot: x has ${x.length} values but y has ${y.length}`);
  return blockedSum(x.length, (lo, hi) => {
    // Four accumulators: one chain of float64 additions is latency-bound.
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    let i = lo;
    for (; i + 3 < hi; i += 4) {
      s0 += x[i] * y[i];
      s1 += x[i + 1] * y[i + 1];
      s2 += x[i + 2] * y[i + 2];
      s3 += x[i + 3] * y[i + 3];
    }
    for (; i < hi; i++) s0 += x[i] * y[i];
    return (s0 + s1) + (s2 + s3);
  });
}
