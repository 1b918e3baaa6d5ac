import { describe, expect, it } from 'vitest';
import { computeVolumeStats } from '../reduce/volume-stats';
import { rebinHistogram, toDisplayStats } from './display-stats';

describe('rebinHistogram', () => {
  it('sums groups of fine bins exactly when the counts divide', () => {
    expect(rebinHistogram([1, 2, 3, 4, 5, 6, 7, 8], 4)).toEqual([3, 7, 11, 15]);
  });

  it('keeps the total for counts that do not divide, each fine bin going to one coarse bin', () => {
    const coarse = rebinHistogram([1, 1, 1, 1, 1], 2);
    expect(coarse).toEqual([3, 2]);
    expect(rebinHistogram([], 3)).toEqual([0, 0, 0]);
  });
});

describe('toDisplayStats', () => {
  it('gives finite numbers for a volume with no finite value', async () => {
    const stats = toDisplayStats(await computeVolumeStats(null, new Float32Array(10).fill(Number.NaN), { bins: 4096 }));
    expect(stats.count).toBe(0);
    expect(stats.nanCount).toBe(10);
    const numbers = [stats.min, stats.max, stats.mean, stats.std, ...Object.values(stats.percentiles), stats.histogram.min, stats.histogram.max];
    expect(numbers.every(Number.isFinite)).toBe(true);
    expect(stats.histogram.counts.every((c) => c === 0)).toBe(true);
  });

  it('handles a constant volume', async () => {
    const stats = toDisplayStats(await computeVolumeStats(null, new Float32Array(27).fill(3.5), { bins: 4096 }));
    expect(stats).toMatchObject({ count: 27, min: 3.5, max: 3.5, mean: 3.5, std: 0 });
    expect(stats.percentiles['0.1']).toBe(3.5);
    expect(stats.percentiles['99.9']).toBe(3.5);
    expect(stats.histogram.counts.reduce((a, b) => a + b, 0)).toBe(27);
  });
});
