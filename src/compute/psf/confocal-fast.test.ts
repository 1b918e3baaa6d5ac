/**
 * The fast exact PSF (distinct ρ once, packed real/complex focal integrals, equal spectral points
 * once, repeated drift estimates reused) against the plain evaluation (`reference: true`): drift
 * lines, slices and Chebyshev kernels for several parameter sets, and the drift re-centring
 * against a plain loop.
 */
import { describe, expect, it, vi } from 'vitest';
import { ExactConfocalPsf, type ConfocalGeometry } from './confocal-depth';
import type { ConfocalOptics } from './confocal-exact';
import { relL2 } from '../fft/fft64.reference';

const SUPPORT = [35, 17, 25] as const;

const CASES: [string, ConfocalOptics, ConfocalGeometry][] = [
  ['PERI tutorial (line, polychromatic)', { scan: 'line', alpha: 1.17, n2n1: 0.98, kfki: 1.07, sigkf: -0.33, nkpts: 3 }, { pxsize: 0.125, laserWavelength: 0.45, zslab: -29.3, zscale: 0.89 }],
  ['walkthrough start (sigkf = 0: equal spectral points)', { scan: 'line', alpha: 1.173, n2n1: 1.44 / 1.518, kfki: 0.889, sigkf: 0, nkpts: 3 }, { pxsize: 0.125, laserWavelength: 0.488, zslab: 6, zscale: 1 }],
  ['complex Fresnel factors, sph6', { scan: 'line', alpha: 1.45, n2n1: 0.8, kfki: 0.95, sigkf: 0.1, nkpts: 3, sph6Ab: 0.2 }, { pxsize: 0.1, laserWavelength: 0.5, zslab: 3.5, zscale: 1.2 }],
  ['finite line width', { scan: 'line', alpha: 1.1, n2n1: 1.05, kfki: 0.9, sigkf: null, lineWidth: { width: 1.3, points: 3 } }, { pxsize: 0.125, laserWavelength: 0.488, zslab: 10, zscale: 0.9 }],
  ['pinhole, monochromatic', { scan: 'pinhole', alpha: 1.2, n2n1: 0.95, kfki: 0.92, sigkf: null }, { pxsize: 0.125, laserWavelength: 0.488, zslab: 2, zscale: 1 }],
];

describe('fast exact PSF = plain evaluation', () => {
  it.each(CASES)('%s: drift line, slices and Chebyshev kernels within 1e-13 relative', (_, optics, geometry) => {
    const fast = new ExactConfocalPsf(optics, geometry, SUPPORT);
    const plain = new ExactConfocalPsf(optics, geometry, SUPPORT, { reference: true });
    const lo = Math.max(0, geometry.zslab);
    const [df, dp] = [fast, plain].map((p) => p.driftLine(lo, 64, 11));
    expect(Math.abs(df.slope - dp.slope)).toBeLessThanOrEqual(1e-13 * Math.abs(dp.slope));
    expect(Math.abs(df.intercept - dp.intercept)).toBeLessThanOrEqual(1e-13 * Math.abs(dp.intercept));
    for (const [z, offset] of [[0, 0], [20, -1.3], [63, 0.4]]) expect(relL2(fast.slice(z, offset), plain.slice(z, offset))).toBeLessThan(1e-13);
    const kf = fast.chebyshevKernels([0, 64], dp, 6, 8);
    const kp = plain.chebyshevKernels([0, 64], dp, 6, 8);
    kf.forEach((c, k) => expect(relL2(c, kp[k])).toBeLessThan(1e-13));
  });
});

describe('drift re-centring', () => {
  /** The plain iteration: a new slice at every estimate. */
  function plainDrift(psf: ExactConfocalPsf, z: number, iterations: number): number {
    const [nz, ny, nx] = psf.support;
    let drift = 0;
    for (let it = 0; it < iterations; it++) {
      const s = psf.slice(z, drift);
      let moment = 0;
      let total = 0;
      for (let k = 0; k < nz; k++) {
        let plane = 0;
        for (let i = k * ny * nx; i < (k + 1) * ny * nx; i++) plane += s[i];
        moment += (k - (nz - 1) / 2) * plane;
        total += plane;
      }
      drift += moment / total;
    }
    return drift;
  }

  it('reuses the correction of a repeated estimate and gives the plain iteration’s drift exactly', () => {
    const [, optics, geometry] = CASES[0];
    const psf = new ExactConfocalPsf(optics, geometry, SUPPORT);
    const want = plainDrift(psf, 96, 11);
    const slices = vi.spyOn(psf, 'slice');
    expect(psf.measureDrift(96, 11)).toBe(want);
    // the estimate stops moving after 9 corrections for these parameters
    expect(slices.mock.calls.length).toBeLessThan(11);
    for (const z of [0, 40]) expect(psf.measureDrift(z, 11)).toBe(plainDrift(psf, z, 11));
  });
});
