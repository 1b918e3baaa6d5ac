import { describe, expect, it } from 'vitest';
import { dotCpu } from './dot.cpu';
import { ReduceError } from './errors';
import { meanVarianceCpu, minMaxCpu, sumCpu, sumSquaresCpu } from './moments.cpu';
import { referenceSum, relativeError, residualLike } from './reduce.fixtures';

const N = 10_000_000;

describe('CPU reductions over 10⁷ voxels match float64 to 1e-7', () => {
  const residuals = residualLike(N, 11);
  const offset = residualLike(N, 12, 0.05, 1000);
  const other = residualLike(N, 13, 0.05, 0.5);

  it('sum of squares (PERI error) of residuals', () => {
    const want = referenceSum(N, (i) => residuals[i] * residuals[i]);
    expect(relativeError(sumSquaresCpu(residuals), want)).toBeLessThan(1e-7);
  });

  it('sum with a large offset, and of zero-mean residuals relative to Σ|x|', () => {
    const want = referenceSum(N, (i) => offset[i]);
    expect(relativeError(sumCpu(offset), want)).toBeLessThan(1e-7);
    const abs = referenceSum(N, (i) => Math.abs(residuals[i]));
    const s = referenceSum(N, (i) => residuals[i]);
    expect(Math.abs(sumCpu(residuals) - s) / abs).toBeLessThan(1e-12);
    expect(relativeError(sumCpu(residuals), s)).toBeLessThan(1e-7);
  });

  it('dot product and sum of squares with an offset', () => {
    expect(relativeError(dotCpu(residuals, other), referenceSum(N, (i) => residuals[i] * other[i]))).toBeLessThan(1e-7);
    expect(relativeError(sumSquaresCpu(offset), referenceSum(N, (i) => offset[i] * offset[i]))).toBeLessThan(1e-7);
  });

  it('mean and variance with a large offset', () => {
    const mean = referenceSum(N, (i) => offset[i]) / N;
    const m2 = referenceSum(N, (i) => (offset[i] - mean) ** 2);
    const got = meanVarianceCpu(offset);
    expect(relativeError(got.mean, mean)).toBeLessThan(1e-12);
    expect(relativeError(got.variance, m2 / N)).toBeLessThan(1e-7);
    expect(got.variance).toBeCloseTo(0.0025, 4);
    expect(meanVarianceCpu(offset, { ddof: 1 }).variance).toBeCloseTo((m2 / (N - 1)), 12);
  });
});

describe('CPU reductions on small inputs', () => {
  it('minMax skips NaN and reports all-NaN as NaN', () => {
    expect(minMaxCpu(new Float32Array([3, NaN, -2, 7, 0]))).toEqual({ min: -2, max: 7 });
    const allNan = minMaxCpu(new Float32Array([NaN, NaN]));
    expect(allNan.min).toBeNaN();
  });

  it('meanVariance of a hand-computed example', () => {
    const mv = meanVarianceCpu(new Float32Array([2, 4, 4, 4, 5, 5, 7, 9]));
    expect(mv).toEqual({ n: 8, mean: 5, variance: 4 });
    expect(meanVarianceCpu(new Float32Array([1, 3]), { ddof: 1 }).variance).toBe(2);
  });

  it('empty inputs: sums are 0, statistics are refused', () => {
    expect(sumCpu(new Float32Array(0))).toBe(0);
    expect(() => minMaxCpu(new Float32Array(0))).toThrow(ReduceError);
    expect(() => meanVarianceCpu(new Float32Array(0))).toThrow(/empty/);
    expect(() => meanVarianceCpu(new Float32Array(1), { ddof: 1 })).toThrow(/at least 2/);
    expect(() => dotCpu(new Float32Array(2), new Float32Array(3))).toThrow(/2 values but y has 3/);
  });
});
