/** The depth-dependent exact PSF: units, the interface clamp, drift measurement and the drift line. */
import { describe, expect, it } from 'vitest';
import { ExactConfocalPsf, driftAt, type ConfocalGeometry } from './confocal-depth';
import type { ConfocalOptics } from './confocal-exact';

const OPTICS: ConfocalOptics = { scan: 'line', alpha: 1.1, n2n1: 0.95, kfki: 0.9, sigkf: 0.1, nkpts: 3 };
const GEOM: ConfocalGeometry = { pxsize: 0.125, laserWavelength: 0.5, zslab: 4, zscale: 0.9 };
const SUPPORT = [11, 7, 9] as const;

describe('ExactConfocalPsf', () => {
  it('converts pixels to 1/k and depths to pixels above the interface', () => {
    const psf = new ExactConfocalPsf(OPTICS, GEOM, SUPPORT);
    expect(psf.p2k(4)).toBeCloseTo((2 * Math.PI * 0.125 * 4) / 0.5, 14);
    expect(psf.tz(10)).toBeCloseTo(6 * 0.9, 14);
  });

  it('slices are unit-sum, mirror symmetric in x and y, and move with the offset above the interface', () => {
    const psf = new ExactConfocalPsf(OPTICS, GEOM, SUPPORT);
    const a = psf.slice(20, 0);
    expect(a.length).toBe(11 * 7 * 9);
    expect(a.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 13);
    const at = (p: Float64Array, z: number, y: number, x: number) => p[((z + 5) * 7 + y + 3) * 9 + x + 4];
    expect(at(a, 2, -3, 4)).toBe(at(a, 2, 3, -4));
    expect(Math.abs(at(psf.slice(20, 0.5), 0, 0, 0) - at(a, 0, 0, 0))).toBeGreaterThan(1e-4);
  });

  it('below the interface zint = 0 and the offset is ignored (PERI)', () => {
    const psf = new ExactConfocalPsf(OPTICS, GEOM, SUPPORT);
    expect(Array.from(psf.slice(2, 1.7))).toEqual(Array.from(psf.slice(2, 0)));
    expect(Array.from(psf.slice(4, 0))).toEqual(Array.from(psf.slice(1, 0)));
  });

  it('a matched, aberration-free lens has no drift; a mismatched one drifts linearly with depth', () => {
    const matched = new ExactConfocalPsf({ ...OPTICS, n2n1: 1, sigkf: null }, { ...GEOM, zscale: 1 }, SUPPORT);
    expect(Math.abs(matched.measureDrift(30, 3))).toBeLessThan(1e-12);
    const psf = new ExactConfocalPsf(OPTICS, GEOM, SUPPORT);
    const line = psf.driftLine(4, 40, 4);
    expect(driftAt(line, 4)).toBeCloseTo(psf.measureDrift(4, 4), 12);
    expect(driftAt(line, 40)).toBeCloseTo(psf.measureDrift(40, 4), 12);
    expect(line.slope).toBeLessThan(0);
  });

  it('re-centring converges: each iteration shrinks the correction', () => {
    const psf = new ExactConfocalPsf(OPTICS, GEOM, SUPPORT);
    const d = [1, 2, 3, 4].map((n) => psf.measureDrift(40, n));
    expect(Math.abs(d[3] - d[2])).toBeLessThan(Math.abs(d[1] - d[0]));
  });

  it('uses the minimum-norm line when both ends coincide (numpy lstsq)', () => {
    const psf = new ExactConfocalPsf(OPTICS, GEOM, SUPPORT);
    const d = psf.measureDrift(30, 2);
    const line = psf.driftLine(30, 30, 2);
    expect(driftAt(line, 30)).toBeCloseTo(d, 12);
    expect(line.intercept).toBeCloseTo(d / 901, 12);
  });

  it('rejects even supports and non-physical geometry', () => {
    expect(() => new ExactConfocalPsf(OPTICS, GEOM, [10, 7, 9])).toThrow(/odd/);
    expect(() => new ExactConfocalPsf(OPTICS, { ...GEOM, laserWavelength: 0 }, SUPPORT)).toThrow(/laserWavelength/);
  });
});
