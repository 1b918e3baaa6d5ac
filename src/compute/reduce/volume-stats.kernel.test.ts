import { expect, it } from 'vitest';
import type { GpuContext } from '../gpu/context';
import { GpuLimitError } from '../gpu/errors';
import { describeGpu } from '../gpu/test-gpu';
import type { VolumeStats } from './volume-stats';
import { computeVolumeStatsCpu } from './volume-stats.cpu';
import { computeVolumeStatsGpu, type VolumeStatsGpuOptions } from './volume-stats.gpu';
import { mulberry32 } from './reduce.fixtures';

/** Intensity-like data (offset + skewed spread), with NaN and ±Inf sprinkled in when asked. */
function volume(n: number, seed: number, specials = 0): Float32Array {
  const rand = mulberry32(seed);
  const data = new Float32Array(n);
  for (let i = 0; i < n; i++) data[i] = 100 + 4000 * rand() * rand();
  const kinds = [NaN, Infinity, -Infinity];
  for (let s = 0; s < specials; s++) data[Math.floor(rand() * n)] = kinds[s % 3];
  return data;
}

/** Runs `fn` inside a validation error scope and asserts that nothing escaped into it. */
async function validated<T>(ctx: GpuContext, fn: () => Promise<T>): Promise<T> {
  ctx.device.pushErrorScope('validation');
  let result: T;
  try {
    result = await fn();
  } finally {
    const error = await ctx.device.popErrorScope();
    expect(error?.message ?? null).toBeNull();
  }
  return result;
}

function relativeError(a: number, b: number): number {
  return b === 0 ? Math.abs(a) : Math.abs(a / b - 1);
}

/** Exact for counts, min, max and histogram; ≤ 1e-5 relative for mean and std. */
function expectSameStats(gpu: VolumeStats, cpu: VolumeStats): void {
  expect([gpu.count, gpu.nanCount, gpu.infCount]).toEqual([cpu.count, cpu.nanCount, cpu.infCount]);
  expect(gpu.min).toBe(cpu.min);
  expect(gpu.max).toBe(cpu.max);
  const a = gpu.histogram.counts;
  const b = cpu.histogram.counts;
  expect(a.length).toBe(b.length);
  const firstDiff = a.findIndex((c, i) => c !== b[i]);
  expect(firstDiff, `bin ${firstDiff}: gpu ${a[firstDiff]} vs twin ${b[firstDiff]}`).toBe(-1);
  if (cpu.count === 0) {
    expect(gpu.mean).toBeNaN();
    return;
  }
  expect(relativeError(gpu.mean, cpu.mean)).toBeLessThanOrEqual(1e-5);
  expect(relativeError(gpu.std, cpu.std)).toBeLessThanOrEqual(1e-5);
  for (const p of [0, 1, 50, 99, 100]) expect(gpu.percentile(p)).toBe(cpu.percentile(p));
}

async function compare(ctx: GpuContext, data: Float32Array, options: VolumeStatsGpuOptions = {}) {
  const gpu = await validated(ctx, () => computeVolumeStatsGpu(ctx, data, options));
  const cpu = await computeVolumeStatsCpu(data, { bins: options.bins });
  expectSameStats(gpu, cpu);
  return gpu;
}

await describeGpu('volume-stats kernels vs twin', (ctx) => {
  for (const n of [1, 255, 257, 1_000_003]) {
    it(`matches the twin for ${n.toLocaleString('en-US')} values`, async () => {
      const stats = await compare(ctx, volume(n, n, n > 1000 ? 30 : 0));
      expect(stats.count).toBe(n > 1000 ? n - 30 : n);
    });
  }

  it('dispatches past 65,535 workgroups (workgroup histogram, 4 invocations a group)', async () => {
    const n = 4 * 65_536 + 7; // 65,538 workgroups in both passes
    const tuning = { workgroupSize: 4, momentsItemsPerThread: 1, histogramItemsPerThread: 1 };
    await compare(ctx, volume(n, 7, 12), { bins: 64, tuning: { ...tuning, histogramMode: 'workgroup' } });
  });

  it('dispatches past 65,535 workgroups (global histogram, 1 invocation a group)', async () => {
    const n = 65_536 + 7;
    const tuning = { workgroupSize: 1, momentsItemsPerThread: 1, histogramItemsPerThread: 1 };
    await compare(ctx, volume(n, 8, 12), { bins: 256, tuning: { ...tuning, histogramMode: 'global' } });
  });

  it('excludes and counts NaN and ±Inf, including a volume with nothing else', async () => {
    const data = volume(5000, 9);
    data.fill(NaN, 0, 100);
    data.fill(Infinity, 100, 103);
    data.fill(-Infinity, 4990);
    const stats = await compare(ctx, data);
    expect([stats.nanCount, stats.infCount, stats.count]).toEqual([100, 13, 4887]);
    const none = await compare(ctx, Float32Array.from([NaN, Infinity, NaN, -Infinity]), { bins: 16 });
    expect([none.count, none.nanCount, none.infCount]).toEqual([0, 2, 2]);
    expect(none.min).toBeNaN();
  });

  it('handles a constant volume', async () => {
    const stats = await compare(ctx, new Float32Array(70_000).fill(-3.5), { bins: 32 });
    expect([stats.min, stats.max, stats.std, stats.histogram.counts[0]]).toEqual([-3.5, -3.5, 0, 70_000]);
  });

  it('keeps exact extremes: -0, subnormals and a range wider than f32 can subtract', async () => {
    await compare(ctx, Float32Array.from([0, -0, 1e-40, -1e-42, 5, 0]), { bins: 8 });
    await compare(ctx, Float32Array.from([-3e38, -2e38, -1e38, -1, 0, 2, 1e38, 2e38, 3.4e38]), { bins: 16 });
  });

  it('splits a volume into several bindings', async () => {
    await compare(ctx, volume(2500, 10, 9), { bins: 128, tuning: { maxChunkElements: 1000 } });
  });

  it('uses global atomics when the bins do not fit in workgroup memory', async () => {
    const bins = ctx.limits.maxComputeWorkgroupStorageSize / 4 + 100;
    await compare(ctx, volume(30_000, 11), { bins });
    const forced = { bins, tuning: { histogramMode: 'workgroup' as const } };
    await expect(computeVolumeStatsGpu(ctx, volume(10, 1), forced)).rejects.toThrow(GpuLimitError);
    await expect(computeVolumeStatsGpu(ctx, volume(10, 1), forced)).rejects.toThrow(/maxComputeWorkgroupStorageSize/);
  });

  it('refuses a chunk larger than maxStorageBufferBindingSize', async () => {
    const tooBig = ctx.limits.maxStorageBufferBindingSize / 4 + 1;
    const run = computeVolumeStatsGpu(ctx, volume(10, 1), { tuning: { maxChunkElements: tooBig } });
    await expect(run).rejects.toThrow(/maxStorageBufferBindingSize is [\d,]+ bytes/);
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(computeVolumeStatsGpu(ctx, volume(10, 1), { signal: controller.signal })).rejects.toThrow(/abort/i);
  });
});
