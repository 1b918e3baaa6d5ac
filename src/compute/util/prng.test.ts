import { describe, expect, it } from 'vitest';
import { Prng, PrngError, deriveSeed, logFactorial } from './prng';

function stats(draw: () => number, n: number): { mean: number; variance: number } {
  let s = 0;
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    const v = draw();
    s += v;
    s2 += v * v;
  }
  const mean = s / n;
  return { mean, variance: s2 / n - mean * mean };
}

describe('Prng', () => {
  it('repeats its stream for the same seed and differs for another', () => {
    const a = new Prng(42);
    const b = new Prng(42);
    const c = new Prng(43);
    const sa = Array.from({ length: 8 }, () => a.nextU32());
    const sb = Array.from({ length: 8 }, () => b.nextU32());
    const sc = Array.from({ length: 8 }, () => c.nextU32());
    expect(sa).toEqual(sb);
    expect(sa).not.toEqual(sc);
    expect(new Set(sa).size).toBe(8);
  });

  it('gives uniforms in [0,1) with mean 1/2 and variance 1/12', () => {
    const g = new Prng(7);
    let min = 1;
    let max = 0;
    const { mean, variance } = stats(() => {
      const u = g.uniform();
      min = Math.min(min, u);
      max = Math.max(max, u);
      return u;
    }, 50_000);
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    expect(mean).toBeCloseTo(0.5, 2);
    expect(variance).toBeCloseTo(1 / 12, 2);
  });

  it('gives integers covering [0, n)', () => {
    const g = new Prng(3);
    const counts = new Array(5).fill(0);
    for (let i = 0; i < 5000; i++) counts[g.int(5)]++;
    for (const c of counts) expect(c).toBeGreaterThan(900);
    expect(() => g.int(0)).toThrow(PrngError);
  });

  it('gives standard normals', () => {
    const g = new Prng(11);
    const { mean, variance } = stats(() => g.normal(), 50_000);
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(variance).toBeGreaterThan(0.97);
    expect(variance).toBeLessThan(1.03);
  });

  it.each([0.5, 3, 9.5, 10, 40, 600])('gives Poisson deviates with mean = variance = %s', (lambda) => {
    const g = new Prng(5);
    const n = 40_000;
    const { mean, variance } = stats(() => g.poisson(lambda), n);
    const se = Math.sqrt(lambda / n);
    expect(Math.abs(mean - lambda)).toBeLessThan(5 * se);
    expect(variance / lambda).toBeGreaterThan(0.95);
    expect(variance / lambda).toBeLessThan(1.05);
  });

  it('matches the Poisson probability of zero for a small mean', () => {
    const g = new Prng(9);
    let zeros = 0;
    for (let i = 0; i < 40_000; i++) if (g.poisson(1.5) === 0) zeros++;
    expect(zeros / 40_000).toBeCloseTo(Math.exp(-1.5), 2);
  });

  it('rejects bad seeds and bad Poisson means with a clear message', () => {
    expect(() => new Prng(1.5)).toThrow(/seed must be a finite integer/);
    expect(() => new Prng(Number.NaN)).toThrow(PrngError);
    const g = new Prng(1);
    expect(() => g.poisson(-1)).toThrow(/Poisson mean/);
    expect(() => g.poisson(Number.POSITIVE_INFINITY)).toThrow(PrngError);
  });

  it('derives distinct sub-stream seeds', () => {
    const seeds = [0, 1, 2, 3].map((s) => deriveSeed(1234, s));
    expect(new Set(seeds).size).toBe(4);
    expect(deriveSeed(1234, 2)).toBe(seeds[2]);
  });
});

describe('logFactorial', () => {
  it('agrees with a direct sum of logs on both sides of the table', () => {
    let direct = 0;
    for (let k = 1; k <= 200; k++) {
      direct += Math.log(k);
      expect(logFactorial(k)).toBeCloseTo(direct, 9);
    }
    expect(logFactorial(0)).toBe(0);
  });
});
