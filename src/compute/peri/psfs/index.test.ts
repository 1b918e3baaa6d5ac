/** The PSF registry: PERI names to components. */
import { describe, expect, it } from 'vitest';
import { PeriValueError } from '../errors';
import {
  AnisotropicGaussian,
  AnisotropicGaussianXYZ,
  FixedSSChebLinePSF,
  FixedSSChebPinholePSF,
  Gaussian4DLegPoly,
  Gaussian4DPoly,
  IdentityPSF,
  PSF_NAMES,
  createPsf,
  type PsfName,
} from './index';

describe('createPsf', () => {
  it.each([
    ['identity', IdentityPSF],
    ['gauss2d', AnisotropicGaussian],
    ['gauss3d', AnisotropicGaussianXYZ],
    ['gauss4d', Gaussian4DPoly],
    ['gauss4d-leg', Gaussian4DLegPoly],
    ['cheb-linescan-fixedss', FixedSSChebLinePSF],
    ['cheb-pinhole-fixedss', FixedSSChebPinholePSF],
  ] as [PsfName, new () => unknown][])('%s', (name, cls) => {
    const psf = createPsf(name);
    expect(psf).toBeInstanceOf(cls);
    expect(psf.category).toBe('psf');
    expect(PSF_NAMES).toContain(name);
  });

  it('passes options and rejects unknown names', () => {
    expect(createPsf('gauss3d', { sigmas: [4, 2, 2.2] }).values).toEqual([4, 2, 2.2]);
    expect(() => createPsf('linescan' as PsfName)).toThrow(PeriValueError);
  });
});
