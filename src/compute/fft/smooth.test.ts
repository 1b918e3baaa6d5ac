import { describe, expect, it } from 'vitest';
import { FftShapeError } from './errors';
import { isSmoothSize, nextFastSize, nextSmoothSize, primeFactors } from './smooth';
import { pffftSupports } from './pffft';

describe('isSmoothSize', () => {
  it('accepts exactly the 2·3·5·7-smooth sizes', () => {
    for (const n of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 14, 49, 96, 112, 210, 256, 1000, 2 ** 20]) {
      expect(isSmoothSize(n), `${n}`).toBe(true);
    }
    for (const n of [0, -4, 1.5, 11, 13, 17, 22, 97, 121, 2 * 11 * 7, 1009]) {
      expect(isSmoothSize(n), `${n}`).toBe(false);
    }
  });
});

describe('nextSmoothSize', () => {
  it('returns known next sizes', () => {
    const cases: [number, number][] = [
      [1, 1], [11, 12], [13, 14], [17, 18], [23, 24], [97, 98], [121, 125], [211, 216], [1001, 1008], [1025, 1029],
    ];
    for (const [n, m] of cases) expect(nextSmoothSize(n), `${n}`).toBe(m);
  });

  it('is the smallest smooth size ≥ n (brute force up to 3000)', () => {
    for (let n = 1; n <= 3000; n++) {
      const m = nextSmoothSize(n);
      expect(m).toBeGreaterThanOrEqual(n);
      expect(primeFactors(m).every((p) => p <= 7), `${m}`).toBe(true);
      for (let k = n; k < m; k++) expect(primeFactors(k).some((p) => p > 7), `${k}`).toBe(true);
    }
  });

  it('rounds fractional sizes up and rejects unusable ones', () => {
    expect(nextSmoothSize(10.2)).toBe(12);
    expect(nextSmoothSize(0)).toBe(1);
    expect(() => nextSmoothSize(Number.NaN)).toThrow(FftShapeError);
    expect(() => nextSmoothSize(2 ** 31)).toThrow(/2\^30/);
  });
});

describe('primeFactors', () => {
  it('factors into primes in increasing order', () => {
    expect(primeFactors(1)).toEqual([]);
    expect(primeFactors(360)).toEqual([2, 2, 2, 3, 3, 5]);
    expect(primeFactors(97)).toEqual([97]);
    expect(primeFactors(2 * 7 * 7 * 101)).toEqual([2, 7, 7, 101]);
  });
});

describe('nextFastSize', () => {
  it('gpu: the next 2·3·5·7-smooth size', () => {
    for (const n of [1, 11, 97, 113, 1001]) expect(nextFastSize(n, 'gpu')).toBe(nextSmoothSize(n));
  });

  it('cpu: the next size PFFFT transforms directly, multiples of 16 from 16 on', () => {
    const cases: [number, number][] = [[1, 1], [3, 4], [5, 8], [9, 12], [13, 16], [17, 32], [97, 128], [100, 128], [112, 128], [150, 160], [200, 240]];
    for (const [n, m] of cases) expect(nextFastSize(n, 'cpu'), `${n}`).toBe(m);
    for (let n = 1; n <= 600; n++) {
      const m = nextFastSize(n, 'cpu');
      expect(m >= n && pffftSupports(m) || m === 1, `${n} -> ${m}`).toBe(true);
    }
  });
});
