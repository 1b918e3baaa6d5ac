/**
 * GPU convolutions on arrays that live on the GPU: real FFT (GpuRfftPlan), complex product with
 * the cached half-spectrum OTF (ElementwiseGpu), inverse FFT; for "same" convolution a pad kernel
 * before and a crop kernel after, all in one submission. Twins: convolve.cpu.ts.
 */
import type { GpuContext } from '../gpu/context';
import { GpuRfftPlan } from '../fft/fft';
import { ElementwiseGpu } from '../elementwise/elementwise.gpu';
import { STORAGE_RW, type GpuArray } from '../elementwise/gpu-array';
import { checkPsfFits, checkPsfKernel, hermitianHalf, isPsfKernel, otfLayout, psfScale, wrapPsf, type ConvKernel, type PsfKernel } from './kernel';
import { defaultOtfCache, identity, type OtfCache } from './otf-cache';
import { otfKey, samePaddedShape } from './convolve.cpu';
import { encodeCrop, encodePad, type BindingOptions } from './pad.gpu';
import { checkShape3, count3, type Padding, type Shape3 } from './shape';
import { ConvError } from './errors';

export interface ConvGpuOptions extends BindingOptions {
  cache?: OtfCache;
}

export interface SameGpuOptions extends ConvGpuOptions {
  padding?: Padding;
}

/** The real-FFT plan for `shape` on this context (cached with the OTFs). */
export function gpuRfftPlan(ctx: GpuContext, shape: Shape3, options: ConvGpuOptions = {}): GpuRfftPlan {
  const cache = options.cache ?? defaultOtfCache;
  const key = `gpu${identity(ctx)}|plan|${shape.join('x')}|${options.maxBindingBytes ?? 'device'}`;
  return cache.get(key, () => {
    const plan = GpuRfftPlan.create(ctx, shape, { maxBindingBytes: options.maxBindingBytes });
    return { value: plan, bytes: 0, dispose: () => plan.destroy(), valid: () => !ctx.isLost };
  });
}

/** The kernel's half-spectrum OTF for `shape` in a GPU buffer (cached; computed on the GPU from a PSF). */
export async function halfOtfGpu(ctx: GpuContext, kernel: ConvKernel, shape: Shape3,
  options: ConvGpuOptions = {}): Promise<GpuArray> {
  const cache = options.cache ?? defaultOtfCache;
  const plan = gpuRfftPlan(ctx, shape, options);
  const length = plan.halfBytes / 4;
  const buffer = await cache.getAsync(otfKey(kernel, shape, `gpu${identity(ctx)}`), async () => {
    const buf = isPsfKernel(kernel) ? await psfOtf(ctx, kernel, shape, plan) : otfUpload(ctx, kernel.otf, shape);
    return { value: buf, bytes: plan.halfBytes, dispose: () => buf.destroy(), valid: () => !ctx.isLost };
  });
  return { buffer, length };
}

async function psfOtf(ctx: GpuContext, kernel: PsfKernel, shape: Shape3, plan: GpuRfftPlan): Promise<GPUBuffer> {
  const wrapped = ctx.upload(wrapPsf(kernel.psf, checkPsfKernel(kernel), shape, psfScale(kernel)), STORAGE_RW, 'wrapped PSF');
  const otf = ctx.createBuffer(plan.halfBytes, STORAGE_RW, `OTF ${shape.join('×')}`);
  try {
    await ctx.run('conv/otf', (enc) => plan.forward(enc, wrapped, otf));
    return otf;
  } catch (error) {
    otf.destroy();
    throw error;
  } finally {
    wrapped.destroy();
  }
}

function otfUpload(ctx: GpuContext, otf: Float32Array, shape: Shape3): GPUBuffer {
  const half = otfLayout(otf, shape) === 'half' ? otf : hermitianHalf(otf, shape);
  return ctx.upload(half, STORAGE_RW, `OTF ${shape.join('×')}`);
}

function checkImage(what: string, arr: GpuArray, shape: Shape3): void {
  if (arr.length !== count3(shape)) {
    throw new ConvError(`${what} has ${arr.length} values but its shape ${shape.join('×')} needs ${count3(shape)}`);
  }
}

/** Records image → spectrum → ×OTF → out on one encoder; `half` is scratch for the spectrum. */
function recordCircular(enc: GPUCommandEncoder, plan: GpuRfftPlan, ew: ElementwiseGpu,
  image: GPUBuffer, otf: GpuArray, half: GPUBuffer, out: GPUBuffer): void {
  const spectrum = { buffer: half, length: otf.length };
  plan.forward(enc, image, half);
  ew.complexMul(enc, otf, spectrum);
  plan.inverse(enc, half, out);
}

/** Circular convolution of a GPU image; the result goes to `out` (default: in place). */
export async function convolveCircularGpu(ctx: GpuContext, image: GpuArray, shape: Shape3, kernel: ConvKernel,
  out: GpuArray = image, options: ConvGpuOptions = {}): Promise<void> {
  const s = checkShape3('image shape', shape);
  checkImage('image', image, s);
  checkImage('output', out, s);
  if (isPsfKernel(kernel)) checkPsfFits(checkPsfKernel(kernel), s, 'image (circular convolution)');
  const plan = gpuRfftPlan(ctx, s, options);
  const otf = await halfOtfGpu(ctx, kernel, s, options);
  const half = ctx.pool.acquire(plan.halfBytes, STORAGE_RW, 'conv spectrum');
  const ew = new ElementwiseGpu(ctx, options);
  try {
    await ctx.run('conv/circular', (enc) => recordCircular(enc, plan, ew, image.buffer, otf, half, out.buffer));
  } finally {
    ew.release();
    ctx.pool.release(half);
  }
}

/** Linear ("same") convolution of a GPU image into `out` (default: in place); see convolveSameCpu. */
export async function convolveSameGpu(ctx: GpuContext, image: GpuArray, shape: Shape3, psf: PsfKernel,
  out: GpuArray = image, options: SameGpuOptions = {}): Promise<void> {
  const s = checkShape3('image shape', shape);
  checkImage('image', image, s);
  checkImage('output', out, s);
  const padded = samePaddedShape(s, checkPsfKernel(psf));
  const plan = gpuRfftPlan(ctx, padded, options);
  const otf = await halfOtfGpu(ctx, psf, padded, options);
  const big = { buffer: ctx.pool.acquire(plan.realBytes, STORAGE_RW, 'conv padded'), length: count3(padded) };
  const half = ctx.pool.acquire(plan.halfBytes, STORAGE_RW, 'conv spectrum');
  const ew = new ElementwiseGpu(ctx, options);
  const transient: GPUBuffer[] = [];
  try {
    await ctx.run('conv/same', (enc) => {
      encodePad(ctx, enc, image, s, big, padded, options.padding ?? 'zero', transient, options);
      recordCircular(enc, plan, ew, big.buffer, otf, half, big.buffer);
      encodeCrop(ctx, enc, big, padded, out, s, transient, options);
    });
  } finally {
    ew.release();
    for (const b of transient) b.destroy();
    ctx.pool.release(big.buffer);
    ctx.pool.release(half);
  }
}
