import { describe, expect, it } from 'vitest';
import { PeriValueError } from '../errors';
import { erf, erfReference } from './erf';
import { Tile, type Vec3 } from '../tile';
import { sphereBoxValues, sphereDrawBox, surfaceDistance } from './sphere-geometry';
import { SPHERE_ALPHA_DEFAULTS, SPHERE_METHODS, TRIM_CUT, resolveSphereMethod, sphereCut, sphereFunction } from './sphere-functions';

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

  it('the tabulated Taylor evaluation is within 2 ulps of 1 of mpmath (40 digits) and follows the series / fraction', () => {
    // mpmath.erf at 40 digits, rounded to float64
    const exact: [number, number][] = [
      [0.13, 0.14586711483569575], [0.2499999, 0.27632628416682137], [0.37, 0.39920598404299923],
      [0.5, 0.5204998778130465], [0.8125, 0.749464025586362], [1.0, 0.8427007929497149],
      [1.3, 0.9340079449406524], [1.5625, 0.9728746138209335], [1.9, 0.9927904292352575],
      [2.1, 0.997020533343667], [2.37, 0.9991967897836264], [2.4999, 0.9995928300996666],
      [2.5001, 0.9995932657565293], [2.8, 0.9999249868053346], [3.3, 0.9999969422902035],
      [4.1, 0.9999999932999724], [4.7, 0.9999999999700474], [5.5, 0.9999999999999927], [5.99, 1.0],
    ];
    for (const [x, v] of exact) {
      expect(Math.abs(erf(x) - v)).toBeLessThanOrEqual(4.5e-16);
      expect(erf(-x)).toBe(-erf(x));
    }
    // the reference sums growing series terms near 2.5 and is itself off by up to 1.1e-15 there
    let worst = 0;
    for (let i = -100_000; i <= 100_000; i++) {
      const x = (6.5 * i) / 100_000 + 1e-7 * Math.sin(i);
      worst = Math.max(worst, Math.abs(erf(x) - erfReference(x)));
    }
    expect(worst).toBeLessThanOrEqual(1.6e-15);
    expect(erf(1e-9) / erfReference(1e-9)).toBeCloseTo(1, 14);
    expect(erf(Number.NaN)).toBeNaN();
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

describe('sphereBoxValues', () => {
  it('computes dr and f only off the flat regions, with the same bits as every voxel computed', () => {
    const bounds = new Tile([40, 40, 40]);
    const pos: Vec3 = [20.3, 19.77, 20.51];
    let shell = 0;
    for (const method of SPHERE_METHODS) {
      const fn = sphereFunction(method);
      const alpha = SPHERE_ALPHA_DEFAULTS[method];
      for (const zscale of [0.5, 0.9, 1, 1.4]) {
        for (const a of [0.4, 2.2, 5.05]) {
          const box = sphereDrawBox(pos, a, zscale, 4, bounds);
          const got = sphereBoxValues(box, pos, a, zscale, fn, alpha);
          const want = new Float64Array(box.volume);
          let i = 0;
          for (let z = box.l[0]; z < box.r[0]; z++) {
            for (let y = box.l[1]; y < box.r[1]; y++) {
              for (let x = box.l[2]; x < box.r[2]; x++) want[i++] = fn(surfaceDistance(z, y, x, pos, a, zscale), a, alpha);
            }
          }
          expect(got).toEqual(want);
          shell += want.filter((v) => v > 0 && v < 1).length;
        }
      }
    }
    expect(shell).toBeGreaterThan(1000);
    expect(sphereCut(sphereFunction('exact-gaussian-trim'), 0.27595)).toBe(TRIM_CUT);
    expect(sphereCut(sphereFunction('logistic'), 6.5)).toBe(Infinity);
  });
});
