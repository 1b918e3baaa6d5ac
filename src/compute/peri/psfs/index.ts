/**
 * PERI's PSF components (category 'psf') and their registry names (PERI's `allpsfs`, plus the
 * pinhole variant of the fixed-support Chebyshev PSF).
 */
import { PeriValueError } from '../errors';
import { FixedSSChebLinePSF, FixedSSChebPinholePSF, type ExactPsfOptions } from './exact-cheb';
import { AnisotropicGaussian, AnisotropicGaussianXYZ, type AnisotropicGaussianOptions, type AnisotropicGaussianXYZOptions } from './gaussian';
import { Gaussian4DLegPoly, Gaussian4DPoly, type Gaussian4DOptions } from './gaussian4d';
import { IdentityPSF } from './identity';
import type { PsfComponent } from './psf';

export type { PsfComponent } from './psf';
export { PsfBase, wrapCentredKernel } from './psf';
export { IdentityPSF } from './identity';
export { AnisotropicGaussian, AnisotropicGaussianXYZ, GAUSSIAN_ERROR } from './gaussian';
export type { AnisotropicGaussianOptions, AnisotropicGaussianXYZOptions } from './gaussian';
export { Gaussian4DPoly, Gaussian4DLegPoly, legendreSeries } from './gaussian4d';
export type { Gaussian4DOptions } from './gaussian4d';
export { FixedSSChebPSF, FixedSSChebLinePSF, FixedSSChebPinholePSF } from './exact-cheb';
export type { ChebyshevKernels, ExactPsfOptions } from './exact-cheb';
export { chebCombineCpu } from './cheb-combine.cpu';
export { chebCombineGpu, recordChebCombine } from './cheb-combine.gpu';
export { gaussianMinKernel, gaussianTileKernelCpu, gaussianKernelScale } from './gaussian-kernel.cpu';
export type { GaussianKernelSpec } from './gaussian-kernel.cpu';
export { gaussianTileKernelGpu, recordGaussianKernel } from './gaussian-kernel.gpu';
export { ChebPsfGpu } from './exact-cheb.gpu';

export interface PsfOptionsByName {
  identity: Record<string, never>;
  gauss2d: AnisotropicGaussianOptions;
  gauss3d: AnisotropicGaussianXYZOptions;
  gauss4d: Gaussian4DOptions;
  'gauss4d-leg': Gaussian4DOptions;
  'cheb-linescan-fixedss': ExactPsfOptions;
  'cheb-pinhole-fixedss': ExactPsfOptions;
}

export type PsfName = keyof PsfOptionsByName;

export const PSF_NAMES: readonly PsfName[] = ['identity', 'gauss2d', 'gauss3d', 'gauss4d', 'gauss4d-leg', 'cheb-linescan-fixedss', 'cheb-pinhole-fixedss'];

/** A PSF by PERI registry name. */
export function createPsf<N extends PsfName>(name: N, opts: PsfOptionsByName[N] = {} as PsfOptionsByName[N]): PsfComponent {
  switch (name) {
    case 'identity':
      return new IdentityPSF();
    case 'gauss2d':
      return new AnisotropicGaussian(opts as AnisotropicGaussianOptions);
    case 'gauss3d':
      return new AnisotropicGaussianXYZ(opts as AnisotropicGaussianXYZOptions);
    case 'gauss4d':
      return new Gaussian4DPoly(opts as Gaussian4DOptions);
    case 'gauss4d-leg':
      return new Gaussian4DLegPoly(opts as Gaussian4DOptions);
    case 'cheb-linescan-fixedss':
      return new FixedSSChebLinePSF(opts as ExactPsfOptions);
    case 'cheb-pinhole-fixedss':
      return new FixedSSChebPinholePSF(opts as ExactPsfOptions);
    default:
      throw new PeriValueError(`unknown PSF '${String(name)}'; known: ${PSF_NAMES.join(', ')}`);
  }
}
