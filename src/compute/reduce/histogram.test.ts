import { describe, expect, it } from 'vitest';
import { Prng } from '../util/prng';
import { ReduceError } from './errors';
import { binEdges, histogramCpu, MAX_HISTOGRAM_BINS } from './histogram.cpu';

describe('histogram twin', () => {
  it('counts a hand-computed example with numpy bin rules', () => {
    // Bins over [0, 4] in 4: [0,1) [1,2) [2,3) [3,4]; 4 itself goes to the last bin.
    const x = new Float32Array([0, 0.5, 1, 1.99, 2, 3.5, 4, -0.1, 4.01, NaN, -Infinity, Infinity]);
    const h = histogramCpu(x, { min: 0, max: 4, count: 4 });
    expect([...h.counts]).toEqual([2, 2, 1, 2]);
    expect([h.below, h.above, h.nan]).toEqual([2, 2, 1]);
  });

  it('agrees with float64 binning for values away from bin edges', () => {
    const bins = { min: -2.5, max: 2.5, count: 37 };
    const width = 5 / 37;
    const rng = new Prng(3);
    const want = new Uint32Array(37);
    const x = Float32Array.from({ length: 5000 }, () => {
      const b = rng.int(37);
      want[b]++;
      return -2.5 + (b + 0.5 + rng.range(-0.4, 0.4)) * width;
    });
    const h = histogramCpu(x, bins);
    expect([...h.counts]).toEqual([...want]);
    expect(binEdges(bins)[37]).toBe(2.5);
  });

  it('refuses bad bins with a clear message', () => {
    const x = new Float32Array(4);
    expect(() => histogramCpu(x, { min: 0, max: 1, count: 0 })).toThrow(ReduceError);
    expect(() => histogramCpu(x, { min: 0, max: 1, count: MAX_HISTOGRAM_BINS + 1 })).toThrow(/1 to 4093/);
    expect(() => histogramCpu(x, { min: 1, max: 1, count: 4 })).toThrow(/min < max/);
    expect(() => histogramCpu(x, { min: 0, max: NaN, count: 4 })).toThrow(/finite/);
  });
});
