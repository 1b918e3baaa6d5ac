import { describe, expect, it } from 'vitest';
import { computeVolumeStats, VolumeStatsError } from './volume-stats';
import { binIndex, binning, histogramPercentile } from './volume-stats.common';
import { GpuContext } from '../gpu/context';
import { FakeDevice } from '../gpu/fake-device';
import { computeVolumeStatsCpu } from './volume-stats.cpu';
import { computeVolumeStatsGpu } from './volume-stats.gpu';
import { floatFromOrderKey, MomentsAccumulator, orderKey, PARTIAL_BYTES } from './volume-stats.partials';
import { mulberry32 } from './reduce.fixtures';

/** Float64 statistics computed the obvious way, for comparison. */
function naive(data: Float32Array) {
  const finite = Array.from(data).filter((v) => Number.isFinite(v));
  const mean = finite.reduce((a, v) => a + v, 0) / finite.length;
  const variance = finite.reduce((a, v) => a + (v - mean) ** 2, 0) / finite.length;
  return {
    count: finite.length,
    min: Math.min(...finite),
    max: Math.max(...finite),
    mean,
    std: Math.sqrt(variance),
    nanCount: Array.from(data).filter((v) => Number.isNaN(v)).length,
    infCount: Array.from(data).filter((v) => v === Infinity || v === -Infinity).length,
    sorted: finite.sort((a, b) => a - b),
  };
}

function randomVolume(n: number, seed: number, offset = 100, spread = 1000): Float32Array {
  const rand = mulberry32(seed);
  const data = new Float32Array(n);
  for (let i = 0; i < n; i++) data[i] = offset + spread * rand() * rand();
  return data;
}

describe('computeVolumeStatsCpu (the twin) against float64', () => {
  it('matches count, min, max, mean, std and the NaN/Inf counts', async () => {
    const data = randomVolume(20_000, 1);
    data[5] = NaN;
    data[77] = Infinity;
    data[999] = -Infinity;
    data[1234] = NaN;
    const ref = naive(data);
    const s = await computeVolumeStatsCpu(data);
    expect(s.count).toBe(ref.count);
    expect(s.nanCount).toBe(2);
    expect(s.infCount).toBe(2);
    expect(s.min).toBe(ref.min);
    expect(s.max).toBe(ref.max);
    expect(Math.abs(s.mean / ref.mean - 1)).toBeLessThan(1e-12);
    expect(Math.abs(s.std / ref.std - 1)).toBeLessThan(1e-12);
  });

  it('puts each value in the float64 bin unless it sits on a bin edge', async () => {
    const data = randomVolume(20_000, 2);
    const s = await computeVolumeStatsCpu(data, { bins: 512 });
    const total = s.histogram.counts.reduce((a, c) => a + c, 0);
    expect(total).toBe(s.count);
    const b = binning(s.min, s.max, 512);
    const width = (s.max - s.min) / 512;
    for (const v of data) {
      const exact = Math.min(Math.floor((v - s.min) / width), 511);
      const got = binIndex(v, b);
      if (got !== exact) {
        const edge = s.min + Math.max(got, exact) * width;
        expect(Math.abs(v - edge)).toBeLessThan(1e-5 * Math.abs(v));
      }
    }
  });

  it('counts integers exactly when each has its own bin', async () => {
    const rand = mulberry32(3);
    const data = Float32Array.from({ length: 5000 }, () => Math.floor(rand() * 100));
    data[0] = 0;
    data[1] = 99;
    const s = await computeVolumeStatsCpu(data, { bins: 100 });
    const expected = new Uint32Array(100);
    for (const v of data) expected[v]++;
    expect(Array.from(s.histogram.counts)).toEqual(Array.from(expected));
  });

  it('gives percentiles within one bin of the sorted-sample quantile, exact at 0 and 100', async () => {
    const data = randomVolume(50_000, 4);
    const ref = naive(data);
    const s = await computeVolumeStatsCpu(data, { bins: 4096 });
    const width = (s.max - s.min) / 4096;
    expect(s.percentile(0)).toBe(ref.min);
    expect(s.percentile(100)).toBe(ref.max);
    for (const p of [0.1, 1, 25, 50, 75, 99, 99.9]) {
      const q = ref.sorted[Math.min(Math.floor((p / 100) * ref.count), ref.count - 1)];
      expect(Math.abs(s.percentile(p) - q)).toBeLessThanOrEqual(width);
    }
  });

  it('handles a constant volume', async () => {
    const data = new Float32Array(1000).fill(7.25);
    const s = await computeVolumeStatsCpu(data, { bins: 16 });
    expect([s.min, s.max, s.mean, s.std]).toEqual([7.25, 7.25, 7.25, 0]);
    expect(s.histogram.counts[0]).toBe(1000);
    expect(s.percentile(50)).toBe(7.25);
  });

  it('handles an empty or all-NaN volume', async () => {
    for (const data of [new Float32Array(0), new Float32Array(10).fill(NaN)]) {
      const s = await computeVolumeStatsCpu(data, { bins: 8 });
      expect(s.count).toBe(0);
      expect(s.nanCount).toBe(data.length);
      expect(s.min).toBeNaN();
      expect(s.mean).toBeNaN();
      expect(s.percentile(50)).toBeNaN();
      expect(Array.from(s.histogram.counts)).toEqual(new Array(8).fill(0));
    }
  });

  it('bins a range wider than the largest f32 difference', async () => {
    const data = Float32Array.from([-3e38, 0, 3e38]);
    const s = await computeVolumeStatsCpu(data, { bins: 4 });
    expect(binning(s.min, s.max, 4).k).toBe(0.5);
    expect(Array.from(s.histogram.counts)).toEqual([1, 0, 1, 1]);
  });

  it('orders -0 below +0 as the kernel does', async () => {
    const s = await computeVolumeStatsCpu(Float32Array.from([0, -0, 0]));
    expect(Object.is(s.min, -0)).toBe(true);
    expect(Object.is(s.max, 0)).toBe(true);
  });

  it('rejects bad bins and percentiles with clear errors', async () => {
    const data = new Float32Array(4);
    for (const bins of [0, 1.5, 2 ** 20 + 1]) {
      await expect(computeVolumeStatsCpu(data, { bins })).rejects.toThrow(VolumeStatsError);
    }
    const s = await computeVolumeStatsCpu(data);
    expect(() => s.percentile(101)).toThrow('Percentile must be between 0 and 100, got 101');
    expect(() => s.percentile(NaN)).toThrow(VolumeStatsError);
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(computeVolumeStatsCpu(new Float32Array(10), { signal: controller.signal })).rejects.toThrow(/abort/i);
  });

  it('is what computeVolumeStats runs without a GPU context', async () => {
    const data = randomVolume(1000, 5);
    const a = await computeVolumeStats(null, data, { bins: 64 });
    const b = await computeVolumeStatsCpu(data, { bins: 64 });
    expect(a.mean).toBe(b.mean);
    expect(Array.from(a.histogram.counts)).toEqual(Array.from(b.histogram.counts));
  });
});

describe('histogramPercentile', () => {
  it('interpolates linearly inside the bin holding the rank', () => {
    const counts = new Uint32Array(10);
    counts[1] = 10;
    const h = { min: 0, max: 10, counts };
    expect(histogramPercentile(h, 50)).toBeCloseTo(1.5, 12);
    expect(histogramPercentile(h, 10)).toBeCloseTo(1.1, 12);
    counts[8] = 10;
    expect(histogramPercentile(h, 75)).toBeCloseTo(8.5, 12);
  });
});

describe('moments partials', () => {
  it('order keys sort like the floats and decode back', () => {
    const values = [-3.4e38, -1, -1e-40, -0, 0, 1e-40, 1, 2.5, 3.4e38].map(Math.fround);
    const keys = values.map(orderKey);
    for (let i = 1; i < keys.length; i++) expect(keys[i]).toBeGreaterThan(keys[i - 1]);
    for (const v of values) expect(Object.is(floatFromOrderKey(orderKey(v)), v)).toBe(true);
  });

  it('combines per-workgroup (count, mean, M2) into the float64 statistics of the whole', () => {
    const data = randomVolume(3000, 6);
    const groups = [data.subarray(0, 1000), data.subarray(1000, 1001), data.subarray(1001)];
    const raw = new ArrayBuffer((groups.length + 1) * PARTIAL_BYTES);
    const u = new Uint32Array(raw);
    const f = new Float32Array(raw);
    groups.forEach((g, i) => {
      const r = naive(g);
      u.set([r.count, i, 0, 0, orderKey(r.min), orderKey(r.max)], i * 8);
      f.set([r.mean, r.std * r.std * r.count], i * 8 + 6);
    });
    u.set([0, 0, 5, 0, 0xffffffff, 0], groups.length * 8); // an empty group holding only ±Inf
    const acc = new MomentsAccumulator();
    acc.add(raw);
    const m = acc.result();
    const ref = naive(data);
    expect([m.count, m.min, m.max, m.nanCount, m.infCount]).toEqual([3000, ref.min, ref.max, 3, 5]);
    expect(Math.abs(m.mean / ref.mean - 1)).toBeLessThan(1e-6);
    expect(Math.abs(Math.sqrt(m.m2 / m.count) / ref.std - 1)).toBeLessThan(1e-6);
  });
});

describe('computeVolumeStatsGpu option checks', () => {
  it('rejects bad tuning before any GPU work', async () => {
    const device = new FakeDevice();
    const ctx = new GpuContext(device.asDevice(), 'fake');
    const data = new Float32Array(16);
    const bad = [
      [{ workgroupSize: 48 }, /Workgroup size must be a power of two up to 256, got 48/],
      [{ workgroupSize: 512 }, /power of two up to 256/],
      [{ momentsItemsPerThread: 0 }, /momentsItemsPerThread must be a whole number from 1 to/],
      [{ histogramItemsPerThread: 2 ** 30 }, /histogramItemsPerThread/],
      [{ maxChunkElements: 0.5 }, /maxChunkElements/],
    ] as const;
    for (const [tuning, message] of bad) {
      await expect(computeVolumeStatsGpu(ctx, data, { tuning })).rejects.toThrow(message);
    }
    await expect(computeVolumeStatsGpu(ctx, data, { bins: 0 })).rejects.toThrow(VolumeStatsError);
    expect(device.buffers).toHaveLength(0);
    expect(device.submits).toBe(0);
  });
});
