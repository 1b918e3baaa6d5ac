/**
 * Exact confocal PSFs on a grid: normalisation and mirror symmetry, the pinhole PSF against a
 * point-by-point evaluation, PERI's line quadrature against a fine trapezoid along the line, and
 * the polychromatic detection.
 */
import { describe, expect, it } from 'vitest';
import { ConfocalPsfEvaluator, detectionSpectrum, type ConfocalOptics } from './confocal-exact';
import { lineScanQuadrature } from './quadrature';
import { angularRule, focalIntensities, phaseTable, radialTable } from './vectorial';

const LENS = { alpha: 1.1, n2n1: 0.95 };
const STEP = 0.9; // grid step in 1/k
const quadrant = (n: number) => Float64Array.from({ length: n }, (_, i) => i * STEP);
const Z = [-1.7, 0, 2.1];
const ZINT = 15;

function hsymAsym(rho: number, z: number, zint: number, apodize: boolean, withK3 = true) {
  const rule = angularRule(LENS);
  const r = focalIntensities(radialTable(rule, [rho]), phaseTable(rule, [z], zint, apodize), true, withK3);
  return { hsym: r.hsym[0], hasym: r.hasym![0] };
}

describe('ConfocalPsfEvaluator', () => {
  const pinhole: ConfocalOptics = { scan: 'pinhole', ...LENS, kfki: 0.9, sigkf: null };

  it('pinhole PSF: unit sum, mirror symmetric, equal to a point-by-point evaluation', () => {
    const ev = new ConfocalPsfEvaluator(pinhole, { x: quadrant(3), y: quadrant(3) });
    const psf = ev.evaluate(Z, ZINT);
    expect(psf.length).toBe(3 * 5 * 5);
    expect(psf.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
    const want = new Float64Array(psf.length);
    for (let k = 0; k < 3; k++)
      for (let y = -2; y <= 2; y++)
        for (let x = -2; x <= 2; x++) {
          const rho = Math.hypot(x, y) * STEP;
          const ilm = hsymAsym(rho, Z[k], ZINT, true);
          const det = hsymAsym(0.9 * rho, 0.9 * Z[k], 0.9 * ZINT, false).hsym;
          want[(k * 5 + y + 2) * 5 + x + 2] = (ilm.hsym + Math.cos(2 * Math.atan2(y, x)) * ilm.hasym) * det;
        }
    const total = want.reduce((a, b) => a + b, 0);
    want.forEach((w, i) => expect(psf[i]).toBeCloseTo(w / total, 14));
    expect(psf[(1 * 5 + 0) * 5 + 1]).toBe(psf[(1 * 5 + 4) * 5 + 3]);
  });

  it("line-scan illumination is PERI's sum 2·Σ_a w_a [h_sym + cos 2φ_a·h_asym](√(x_a² + y²), z)", () => {
    const line: ConfocalOptics = { scan: 'line', ...LENS, kfki: 0.9, sigkf: null, polarAngle: 0.3 };
    const ev = new ConfocalPsfEvaluator(line, { x: quadrant(2), y: quadrant(3) });
    const ilm = ev.illumination([1.3, -0.4], ZINT);
    const q = lineScanQuadrature(20);
    [1.3, -0.4].forEach((z, k) => {
      for (let yi = 0; yi < 3; yi++) {
        const y = yi * STEP;
        let want = 0;
        q.nodes.forEach((xa, a) => {
          const h = hsymAsym(Math.hypot(xa, y), z, ZINT, true);
          want += 2 * q.weights[a] * (h.hsym + Math.cos(2 * (Math.atan2(y, xa) - 0.3)) * h.hasym);
        });
        expect(ilm[k * 3 + yi]).toBeCloseTo(want, 13);
      }
    });
  });

  it('line-scan illumination approximates the converged line integral (PERI’s 20-point rule: ~2%)', () => {
    const line: ConfocalOptics = { scan: 'line', ...LENS, kfki: 0.9, sigkf: null };
    const ilm = new ConfocalPsfEvaluator(line, { x: quadrant(2), y: quadrant(3) }).illumination([1.3], ZINT);
    const fine = angularRule({ ...LENS, npts: 100 });
    const dx = 0.05;
    const xs = Float64Array.from({ length: 2001 }, (_, i) => i * dx);
    for (const yi of [0, 2]) {
      const y = yi * STEP;
      const { hsym, hasym } = focalIntensities(radialTable(fine, xs.map((x) => Math.hypot(x, y))), phaseTable(fine, [1.3], ZINT, true), true);
      let acc = 0;
      xs.forEach((x, i) => (acc += (i === 0 || i === xs.length - 1 ? 0.5 : 1) * (hsym[i] + Math.cos(2 * Math.atan2(y, x)) * hasym![i]) * dx));
      expect(Math.abs(ilm[yi] - 2 * acc) / (2 * acc)).toBeLessThan(0.025);
    }
  });

  it('line-scan PSF is h_ilm(y, z) × h_det(x, y, z), unit sum and mirror symmetric', () => {
    const line: ConfocalOptics = { scan: 'line', ...LENS, kfki: 1.1, sigkf: null };
    const ev = new ConfocalPsfEvaluator(line, { x: quadrant(3), y: quadrant(2) });
    const psf = ev.evaluate(Z, ZINT);
    expect(psf.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 14);
    const ilm = ev.illumination(Z, ZINT);
    // ratio of two points on one y row is the detection ratio alone
    const det = (x: number, y: number, k: number) => hsymAsym(1.1 * Math.hypot(x, y) * STEP, 1.1 * Z[k], 1.1 * ZINT, false).hsym;
    const at = (k: number, y: number, x: number) => psf[(k * 3 + y + 1) * 5 + x + 2];
    expect(at(2, 1, 2) / at(2, 1, 0)).toBeCloseTo(det(2, 1, 2) / det(0, 1, 2), 12);
    expect((at(0, 1, 0) / at(0, 0, 0)) * (det(0, 0, 0) / det(0, 1, 0))).toBeCloseTo(ilm[0 * 2 + 1] / ilm[0], 12);
    expect(at(1, -1, -2)).toBe(at(1, 1, 2));
  });

  it('polychromatic detection: Gauss–Hermite spectrum, sigkf = 0 equals monochromatic', () => {
    const s = detectionSpectrum(1, 0.2, 3);
    [1 - 0.2 * Math.sqrt(3), 1, 1 + 0.2 * Math.sqrt(3)].forEach((v, i) => expect(s.k[i]).toBeCloseTo(v, 15));
    expect(s.w[1]).toBeCloseTo(2 / 3, 15);
    expect(detectionSpectrum(0.1, 0.5, 3).k[0]).toBeCloseTo(Math.abs(0.1 - 0.5 * Math.sqrt(3)), 15);
    const grid = { x: quadrant(2), y: quadrant(2) };
    const mono = new ConfocalPsfEvaluator({ ...pinhole, sigkf: null }, grid).evaluate(Z, ZINT);
    const zero = new ConfocalPsfEvaluator({ ...pinhole, sigkf: 0, nkpts: 3 }, grid).evaluate(Z, ZINT);
    const wide = new ConfocalPsfEvaluator({ ...pinhole, sigkf: 0.15, nkpts: 3 }, grid).evaluate(Z, ZINT);
    mono.forEach((v, i) => expect(zero[i]).toBeCloseTo(v, 15));
    expect(Math.max(...wide.map((v, i) => Math.abs(v - mono[i])))).toBeGreaterThan(1e-4);
  });

  it('refuses grids that do not start at 0', () => {
    expect(() => new ConfocalPsfEvaluator(pinhole, { x: Float64Array.of(0.5, 1), y: quadrant(2) })).toThrow(/start at 0/);
  });
});
