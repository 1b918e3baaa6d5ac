import { describe, expect, it } from 'vitest';
import type { DisplayStats } from '../../compute/engine/types';
import { autoLimits, checkLimits, defaultLut, isSigned } from './contrast';

function stats(min: number, max: number, p: [number, number, number, number, number, number]): DisplayStats {
  return {
    count: 100, nanCount: 0, min, max, mean: (min + max) / 2, std: 1,
    percentiles: { '0.1': p[0], '1': p[1], '2': p[2], '98': p[3], '99': p[4], '99.9': p[5] },
    histogram: { min, max, counts: [1, 2, 3] },
  };
}

describe('auto contrast', () => {
  const unsigned = stats(0, 255, [2, 5, 8, 200, 220, 250]);
  const signed = stats(-4, 10, [-3, -2, -1, 6, 7, 9]);

  it('takes the preset percentiles', () => {
    expect(autoLimits(unsigned, 'p0.1-99.9', 'grey')).toEqual([2, 250]);
    expect(autoLimits(unsigned, 'p1-99', 'grey')).toEqual([5, 220]);
    expect(autoLimits(unsigned, 'p2-98', 'bone')).toEqual([8, 200]);
    expect(autoLimits(unsigned, 'min-max', 'inverted')).toEqual([0, 255]);
  });

  it('is symmetric about 0 with the diverging LUT', () => {
    expect(autoLimits(signed, 'p0.1-99.9', 'diverging')).toEqual([-9, 9]);
    expect(autoLimits(signed, 'min-max', 'diverging')).toEqual([-10, 10]);
  });

  it('picks the diverging LUT for signed data only', () => {
    expect(isSigned(signed)).toBe(true);
    expect(defaultLut(signed)).toBe('diverging');
    expect(defaultLut(unsigned)).toBe('grey');
  });

  it('widens a flat window: first to min–max, then to a unit window', () => {
    expect(autoLimits(stats(0, 10, [3, 3, 3, 3, 3, 3]), 'p1-99', 'grey')).toEqual([0, 10]);
    expect(autoLimits(stats(7, 7, [7, 7, 7, 7, 7, 7]), 'p1-99', 'grey')).toEqual([6.5, 7.5]);
  });

  it('rejects limits that are not numbers or not increasing', () => {
    expect(checkLimits(1, 2)).toBeNull();
    expect(checkLimits(2, 2)).toMatch(/must be above/);
    expect(checkLimits(Number.NaN, 2)).toMatch(/must be numbers/);
  });
});
