/**
 * H(field) on the GPU for a tile of the padded grid (the CPU path: blur.ts). Shift-invariant PSFs
 * (the Gaussian PSFs) multiply the field's half spectrum by the PSF's OTF; the exact Chebyshev PSFs
 * convolve with each coefficient kernel and combine the results with T_k(ẑ(z)) (cheb-combine).
 * PSFs without a GPU path (the z-dependent Gaussian4D) return false: the caller blurs on the CPU.
 */
import { ElementwiseGpu } from '../../elementwise/elementwise.gpu';
import { GpuRfftPlan } from '../../fft/rfft.gpu';
import { halfShape } from '../../fft/fft';
import type { GpuContext } from '../../gpu/context';
import { BufferUsage } from '../../gpu/usage';
import { FixedSSChebPSF } from '../psfs/exact-cheb';
import { recordChebCombine } from '../psfs/cheb-combine.gpu';
import { IdentityPSF } from '../psfs/identity';
import { GaussianKernelPsf } from '../psfs/kernel-psf';
import type { PsfComponent } from '../psfs/psf';
import type { Tile } from '../tile';

const RW = BufferUsage.STORAGE | BufferUsage.COPY_SRC | BufferUsage.COPY_DST;

/** GPU objects a recorded blur needs until its submission is done. */
export class GpuBlurResources {
  readonly buffers: GPUBuffer[] = [];
  readonly plans: GpuRfftPlan[] = [];
  readonly kernels: ElementwiseGpu[] = [];

  release(): void {
    this.kernels.forEach((k) => k.release());
    this.plans.forEach((p) => p.destroy());
    this.buffers.forEach((b) => b.destroy());
  }
}

export function hasGpuBlur(psf: PsfComponent): boolean {
  return psf instanceof IdentityPSF || psf instanceof GaussianKernelPsf || psf instanceof FixedSSChebPSF;
}

/**
 * Records `field` ← H(field) on `tile` (field: tile.volume float32, STORAGE | COPY_SRC | COPY_DST).
 * Returns false when this PSF has no GPU path.
 */
export function recordBlur(ctx: GpuContext, enc: GPUCommandEncoder, psf: PsfComponent, field: GPUBuffer, tile: Tile, res: GpuBlurResources): boolean {
  if (psf instanceof IdentityPSF) return true;
  if (!(psf instanceof GaussianKernelPsf) && !(psf instanceof FixedSSChebPSF)) return false;
  const shape = tile.shape;
  const nHalf = 2 * halfShape(shape).reduce((a, b) => a * b, 1);
  const plan = GpuRfftPlan.create(ctx, shape, { label: 'peri blur' });
  res.plans.push(plan);
  const ew = new ElementwiseGpu(ctx);
  res.kernels.push(ew);
  const spectrum = ctx.createBuffer(nHalf * 4, RW, 'blur spectrum');
  res.buffers.push(spectrum);
  plan.forward(enc, field, spectrum);
  if (psf instanceof GaussianKernelPsf) {
    const otf = ctx.upload(psf.otf(shape), RW, 'blur otf');
    res.buffers.push(otf);
    ew.complexMul(enc, { buffer: otf, length: nHalf }, { buffer: spectrum, length: nHalf });
    plan.inverse(enc, spectrum, field);
    return true;
  }
  const n = tile.volume;
  const spectra = psf.kernelSpectra(shape);
  const stacked = ctx.createBuffer(spectra.length * n * 4, RW, 'cheb convolutions');
  const product = ctx.createBuffer(nHalf * 4, RW, 'cheb product');
  const conv = ctx.createBuffer(n * 4, RW, 'cheb convolution');
  res.buffers.push(stacked, product, conv);
  spectra.forEach((s, k) => {
    const otf = ctx.upload(s, RW, `cheb otf ${k}`);
    res.buffers.push(otf);
    enc.copyBufferToBuffer(spectrum, 0, product, 0, nHalf * 4);
    ew.complexMul(enc, { buffer: otf, length: nHalf }, { buffer: product, length: nHalf });
    plan.inverse(enc, product, conv);
    enc.copyBufferToBuffer(conv, 0, stacked, k * n * 4, n * 4);
  });
  const weights = ctx.upload(Float32Array.from(psf.chebyshevWeights(tile)), BufferUsage.STORAGE, 'cheb weights');
  res.buffers.push(weights, recordChebCombine(ctx, enc, { conv: stacked, weights, out: field }, shape, spectra.length));
  return true;
}
