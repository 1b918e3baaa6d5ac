import { describe, expect, it } from 'vitest';
import { PeriValueError } from '../errors';
import { erf } from './erf';
import { SPHERE_ALPHA_DEFAULTS, TRIM_CUT, resolveSphereMethod, sphereFunction } from './sphere-functions';

describe('erf (float64)', () => {
  it('matches reference values to a few ulps on both sides of the series / continued-fraction switch', () => {
    const ref: [number, number][] = [
      [0.5, 0.5204998778130465],
      [1, 0.8427007929497149],
      [-1.5, -0.9661051464753108],
      [2, 0.9953222650189527],
      [2.6, 0.9997639655834707],
      [3, 0.9999779095030014],
      [4.5, 0.9999999998033839],
    ];
    for (const [x, v] of ref) expect(Math.abs(erf(x) - v)).toBeLessThanOrEqual(2e-15);
    expect(erf(0)).toBe(0);
    expect(erf(7)).toBe(1);
    expect(erf(-7)).toBe(-1);
  });
});

describe('sphere interpolation functions', () => {
  it("resolves PERI's nominal default 'exact-gaussian-fast' to the trimmed exact Gaussian", () => {
    expect(resolveSphereMethod('exact-gaussian-fast')).toBe('exact-gaussian-trim');
    expect(sphereFunction('exact-gaussian-fast')).toBe(sphereFunction('exact-gaussian-trim'));
    expect(() => resolveSphereMethod('gaussian')).toThrow(PeriValueError);
  });

  it("uses PERI's alpha defaults", () => {
    expect(SPHERE_ALPHA_DEFAULTS).toMatchObject({ 'exact-gaussian-trim': 0.27595, lerp: 0.4539, logistic: 6.5, triangle: 0.6618, 'constrained-cubic': 0.8499, bool: 0 });
  });

  it('the trimmed Gaussian equals the full one to 1e-7 inside the cut, and 0 / 1 beyond it', () => {
    const trim = sphereFunction('exact-gaussian-trim');
    const full = sphereFunction('exact-gaussian');
    const alpha = 0.27595;
    for (let dr = -TRIM_CUT; dr <= TRIM_CUT; dr += 0.01) expect(Math.abs(trim(dr, 5, alpha) - full(dr, 5, alpha))).toBeLessThan(1e-7);
    expect(trim(1.61, 5, alpha)).toBe(0);
    expect(trim(-1.61, 5, alpha)).toBe(1);
    expect(full(-3, 5, alpha)).toBeCloseTo(1, 12);
    // The curvature term makes the surface value fall just below 1/2.
    expect(trim(0, 5, alpha)).toBeCloseTo(0.5 - Math.sqrt(0.5 / Math.PI) * (alpha / 5), 12);
  });

  it('each profile is 1 inside and 0 outside its transition, and 1/2 at the surface where symmetric', () => {
    const a = 5;
    const cases: [string, number][] = [['lerp', 0.4539], ['logistic', 6.5], ['triangle', 0.6618]];
    for (const [m, alpha] of cases) {
      const f = sphereFunction(m);
      expect(f(-1e-12, a, alpha)).toBeCloseTo(0.5, 10);
      expect(f(1e-12, a, alpha)).toBeCloseTo(0.5, 10);
      expect(f(-3, a, alpha)).toBeGreaterThan(1 - 1e-8);
      expect(f(3, a, alpha)).toBeLessThan(1e-8);
    }
    expect(sphereFunction('lerp')(-0.4539, a, 0.4539)).toBe(1);
    expect(sphereFunction('triangle')(0.6618, a, 0.6618)).toBe(0);
    // PERI's triangle CDF uses strict inequalities on both sides, so exactly at the surface it is 1.
    expect(sphereFunction('triangle')(0, a, 0.6618)).toBe(1);
    const cubic = sphereFunction('constrained-cubic');
    expect(cubic(-Math.sqrt(3) / 2, a, 0.8499)).toBeCloseTo(1, 14);
    expect(cubic(Math.sqrt(3) / 2, a, 0.8499)).toBeCloseTo(0, 14);
    expect(sphereFunction('bool')(-1e-9, a, 0)).toBe(1);
    expect(sphereFunction('bool')(0, a, 0)).toBe(0);
  });
});
