import { expect, it } from 'vitest';
import { describeGpu } from '../gpu/test-gpu';
import { GpuLimitError } from '../gpu/errors';
import type { GpuContext } from '../gpu/context';
import type { GpuArray } from '../elementwise/gpu-array';
import { Prng } from '../util/prng';
import { dotGpu } from './dot.gpu';
import { histogramCpu } from './histogram.cpu';
import { histogramGpu } from './histogram.gpu';
import { minMaxCpu } from './moments.cpu';
import { meanVarianceGpu, minMaxGpu, sumGpu, sumSquaresGpu } from './moments.gpu';
import { referenceSum, relativeError, residualLike } from './reduce.fixtures';
import { reduceTilesCpu, type Shape3 } from './reduce-tiles.cpu';
import { reduceTilesGpu } from './reduce-tiles.gpu';
import * as reduce from './reduce';

const N = 10_000_000;

function toGpu(ctx: GpuContext, a: Float32Array): GpuArray {
  return { buffer: ctx.upload(a), length: a.length };
}

await describeGpu('reductions over 10⁷ voxels match float64 to 1e-7', (ctx) => {
  const residuals = residualLike(N, 21);
  const offset = residualLike(N, 22, 0.05, 1000);

  it('sum of squares, sum, dot, mean and variance of PERI-like residuals (σ = 0.05)', async () => {
    const x = toGpu(ctx, residuals);
    const y = toGpu(ctx, offset);
    try {
      const sq = referenceSum(N, (i) => residuals[i] * residuals[i]);
      expect(relativeError(await sumSquaresGpu(ctx, x), sq)).toBeLessThan(1e-7);
      const s = referenceSum(N, (i) => residuals[i]);
      const abs = referenceSum(N, (i) => Math.abs(residuals[i]));
      // A zero-mean sum is ill-conditioned: its error is bounded relative to Σ|x|.
      expect(Math.abs((await sumGpu(ctx, x)) - s) / abs).toBeLessThan(1e-7);
      const d = referenceSum(N, (i) => residuals[i] * offset[i]);
      expect(Math.abs((await dotGpu(ctx, x, y)) - d) / (1000 * abs)).toBeLessThan(1e-7);
      const mv = await meanVarianceGpu(ctx, x);
      const mean = s / N;
      expect(Math.abs(mv.mean - mean)).toBeLessThan(1e-7 * (abs / N));
      expect(relativeError(mv.variance, referenceSum(N, (i) => (residuals[i] - mean) ** 2) / N)).toBeLessThan(1e-7);
    } finally {
      x.buffer.destroy();
      y.buffer.destroy();
    }
  });

  it('large offset (1000 + 0.05·N(0,1)): sum, sum of squares, mean and variance', async () => {
    const x = toGpu(ctx, offset);
    try {
      const s = referenceSum(N, (i) => offset[i]);
      expect(relativeError(await sumGpu(ctx, x), s)).toBeLessThan(1e-7);
      expect(relativeError(await sumSquaresGpu(ctx, x), referenceSum(N, (i) => offset[i] * offset[i]))).toBeLessThan(1e-7);
      const mean = s / N;
      const mv = await meanVarianceGpu(ctx, x);
      expect(relativeError(mv.mean, mean)).toBeLessThan(1e-10);
      expect(relativeError(mv.variance, referenceSum(N, (i) => (offset[i] - mean) ** 2) / N)).toBeLessThan(1e-7);
      expect(await minMaxGpu(ctx, x)).toEqual(minMaxCpu(offset));
    } finally {
      x.buffer.destroy();
    }
  });
});

await describeGpu('reductions split at the binding limit', (ctx) => {
  const n = 100_007;
  const a = residualLike(n, 31, 1, 0.25);
  const b = residualLike(n, 32, 1, -0.5);
  const limit = { maxBindingBytes: 64 * 1024 }; // 16 Ki floats per piece: 7 pieces

  it('host and GPU inputs give the same sums in pieces as in one piece', async () => {
    const ga = toGpu(ctx, a);
    const gb = toGpu(ctx, b);
    const want = referenceSum(n, (i) => a[i] * a[i]);
    for (const input of [a, ga]) {
      expect(relativeError(await sumSquaresGpu(ctx, input, limit), want)).toBeLessThan(1e-7);
      expect(relativeError(await sumSquaresGpu(ctx, input), want)).toBeLessThan(1e-7);
    }
    const dot = referenceSum(n, (i) => a[i] * b[i]);
    expect(relativeError(await dotGpu(ctx, ga, b, limit), dot)).toBeLessThan(1e-6);
    expect(await minMaxGpu(ctx, ga, limit)).toEqual(minMaxCpu(a));
    ga.buffer.destroy();
    gb.buffer.destroy();
  });

  it('refuses with a message naming maxStorageBufferBindingSize when one chunk does not fit', async () => {
    const small = { maxBindingBytes: 2048 };
    await expect(sumGpu(ctx, a, small)).rejects.toThrow(GpuLimitError);
    await expect(sumGpu(ctx, a, small)).rejects.toThrow(/maxStorageBufferBindingSize is 2,048 bytes/);
  });
});

await describeGpu('histogram kernel vs twin', (ctx) => {
  it('counts every value in the same bin, with out-of-range and NaN counters, split or not', async () => {
    const rng = new Prng(41);
    const x = Float32Array.from({ length: 50_001 }, (_, i) => (i % 997 === 0 ? NaN : rng.normal() * 2));
    x[5] = 3; // exactly the upper edge: last bin
    x[6] = -3; // exactly the lower edge: first bin
    const bins = { min: -3, max: 3, count: 1000 };
    const want = histogramCpu(x, bins);
    for (const opts of [{}, { maxBindingBytes: 32 * 1024 }]) {
      const got = await histogramGpu(ctx, x, bins, opts);
      expect([...got.counts]).toEqual([...want.counts]);
      expect([got.below, got.above, got.nan]).toEqual([want.below, want.above, want.nan]);
    }
    expect(want.nan).toBe(51);
  });
});

await describeGpu('tile moments kernel vs twin', (ctx) => {
  const shape: Shape3 = [19, 23, 29];
  const rng = new Prng(51);
  const x = Float32Array.from({ length: 19 * 23 * 29 }, () => rng.normal() + 3);

  function expectSame(got: ReturnType<typeof reduceTilesCpu>, want: ReturnType<typeof reduceTilesCpu>) {
    expect(got.grid).toEqual(want.grid);
    expect([...got.count]).toEqual([...want.count]);
    expect([...got.min]).toEqual([...want.min]);
    expect([...got.max]).toEqual([...want.max]);
    for (let t = 0; t < want.count.length; t++) {
      expect(relativeError(got.sum[t], want.sum[t])).toBeLessThan(1e-6);
      expect(relativeError(got.sumSquares[t], want.sumSquares[t])).toBeLessThan(1e-6);
    }
  }

  it('small tiles and tiles of several chunks (8×16×16 = 2048 voxels), with cut edge tiles', async () => {
    const gx = toGpu(ctx, x);
    for (const tile of [[4, 5, 6], [8, 16, 16], [19, 23, 29]] as Shape3[]) {
      expectSame(await reduceTilesGpu(ctx, gx, shape, tile), reduceTilesCpu(x, shape, tile));
    }
    gx.buffer.destroy();
  });

  it('slabs of tile rows at unaligned offsets when the volume is past the binding limit', async () => {
    const gx = toGpu(ctx, x);
    const tile: Shape3 = [3, 5, 7];
    const limit = { maxBindingBytes: 3 * 23 * 29 * 4 * 2 + 256 }; // two tile rows per slab
    const want = reduceTilesCpu(x, shape, tile);
    expectSame(await reduceTilesGpu(ctx, gx, shape, tile, limit), want);
    expectSame(await reduceTilesGpu(ctx, x, shape, tile, limit), want);
    gx.buffer.destroy();
  });

  it('refuses a tile row larger than the binding limit, naming the limit', async () => {
    await expect(reduceTilesGpu(ctx, x, shape, [10, 5, 5], { maxBindingBytes: 4096 }))
      .rejects.toThrow(/maxStorageBufferBindingSize is 4,096 bytes/);
  });
});

await describeGpu('backend-choosing entry points (reduce.ts)', (ctx) => {
  it('give the same answers with a context (GPU) and with null (twins)', async () => {
    const x = residualLike(9_999, 61, 1, 2);
    const y = residualLike(9_999, 62, 1, -1);
    for (const backend of [ctx, null]) {
      expect(relativeError(await reduce.sum(backend, x), referenceSum(x.length, (i) => x[i]))).toBeLessThan(1e-7);
      expect(relativeError(await reduce.sumSquares(backend, x), referenceSum(x.length, (i) => x[i] * x[i]))).toBeLessThan(1e-7);
      expect(relativeError(await reduce.dot(backend, x, y), referenceSum(x.length, (i) => x[i] * y[i]))).toBeLessThan(1e-6);
      expect(await reduce.minMax(backend, x)).toEqual(minMaxCpu(x));
      expect((await reduce.meanVariance(backend, x, { ddof: 1 })).variance).toBeCloseTo(1, 1);
      expect((await reduce.histogram(backend, x, { min: 0, max: 4, count: 8 })).counts).toEqual(histogramCpu(x, { min: 0, max: 4, count: 8 }).counts);
      expect((await reduce.reduceTiles(backend, x, [3, 3, 1111], [2, 2, 500])).count.length).toBe(12);
    }
  });
});
