/**
 * PERI's Gaussian 3-D PSFs. The Gaussian's standard deviation is **the parameter value / 2** on
 * every axis, and the kernel is truncated where it falls below `error` (1/255) of its peak,
 * c = √(−2 ln error):
 * - AnisotropicGaussian ('gauss2d'): `psf-sig-z`, `psf-sig-rho`; cylinder cut-offs with PERI's
 *   swap reproduced: ρ ≤ c·sig-z and |z| ≤ c·sig-rho;
 * - AnisotropicGaussianXYZ ('gauss3d'): `psf-sigz`, `psf-sigy`, `psf-sigx`; box cut-offs |d_i| ≤ c·v_i.
 * The padding size is ceil of the cut-offs; the kernel box is that rounded up to even.
 */
import { PeriValueError } from '../errors';
import type { Vec3 } from '../tile';
import type { GaussianKernelSpec } from './gaussian-kernel.cpu';
import { GaussianKernelPsf } from './kernel-psf';

export const GAUSSIAN_ERROR = 1 / 255;

function cutFactor(error: number): number {
  if (!(error > 0 && error < 1)) throw new PeriValueError(`Gaussian PSF error level must be in (0, 1), got ${error}`);
  return Math.sqrt(-2 * Math.log(error));
}

function checkSigmas(values: readonly number[], names: readonly string[]): void {
  values.forEach((v, i) => {
    if (!(Math.abs(v) > 0) || !Number.isFinite(v)) throw new PeriValueError(`${names[i]} must be a finite non-zero width, got ${v}`);
  });
}

export interface AnisotropicGaussianOptions {
  /** (sig-z, sig-rho); PERI's default (2, 1). */
  sigmas?: readonly [number, number];
  error?: number;
}

export class AnisotropicGaussian extends GaussianKernelPsf {
  static readonly PARAMS = ['psf-sig-z', 'psf-sig-rho'] as const;
  readonly error: number;

  constructor(opts: AnisotropicGaussianOptions = {}) {
    const sigmas = opts.sigmas ?? [2, 1];
    checkSigmas(sigmas, AnisotropicGaussian.PARAMS);
    super(AnisotropicGaussian.PARAMS, sigmas);
    this.error = opts.error ?? GAUSSIAN_ERROR;
    cutFactor(this.error);
  }

  /** [pz, pr]: PERI computes pr from sig-z and pz from sig-rho (the swap is PERI's). */
  cutoffs(): [number, number] {
    const [vz, vr] = this.getValues(AnisotropicGaussian.PARAMS);
    const c = cutFactor(this.error);
    return [Math.abs(c * vr), Math.abs(c * vz)];
  }

  paddingShape(): Vec3 {
    const [pz, pr] = this.cutoffs();
    return [Math.ceil(pz), Math.ceil(pr), Math.ceil(pr)];
  }

  protected gaussian(): Omit<GaussianKernelSpec, 'support'> {
    const [vz, vr] = this.getValues(AnisotropicGaussian.PARAMS);
    checkSigmas([vz, vr], AnisotropicGaussian.PARAMS);
    const [pz, pr] = this.cutoffs();
    return { std: [vz / 2, vr / 2, vr / 2], cutoff: 'cylinder', cut: [pz, pr, pr] };
  }

  protected describe(): string {
    return 'AnisotropicGaussian PSF';
  }
}

export interface AnisotropicGaussianXYZOptions {
  /** (sigz, sigy, sigx); PERI's default (2, 0.5, 1). */
  sigmas?: readonly [number, number, number];
  error?: number;
}

export class AnisotropicGaussianXYZ extends GaussianKernelPsf {
  static readonly PARAMS = ['psf-sigz', 'psf-sigy', 'psf-sigx'] as const;
  readonly error: number;

  constructor(opts: AnisotropicGaussianXYZOptions = {}) {
    const sigmas = opts.sigmas ?? [2, 0.5, 1];
    checkSigmas(sigmas, AnisotropicGaussianXYZ.PARAMS);
    super(AnisotropicGaussianXYZ.PARAMS, sigmas);
    this.error = opts.error ?? GAUSSIAN_ERROR;
    cutFactor(this.error);
  }

  /** Box cut-offs c·|v_i| (z, y, x). */
  cutoffs(): Vec3 {
    const c = cutFactor(this.error);
    return this.getValues(AnisotropicGaussianXYZ.PARAMS).map((v) => Math.abs(c * v)) as Vec3;
  }

  paddingShape(): Vec3 {
    return this.cutoffs().map(Math.ceil) as Vec3;
  }

  protected gaussian(): Omit<GaussianKernelSpec, 'support'> {
    const v = this.getValues(AnisotropicGaussianXYZ.PARAMS);
    checkSigmas(v, AnisotropicGaussianXYZ.PARAMS);
    return { std: v.map((s) => s / 2) as Vec3, cutoff: 'box', cut: this.cutoffs() };
  }

  protected describe(): string {
    return 'AnisotropicGaussianXYZ PSF';
  }
}
