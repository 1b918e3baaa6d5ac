/**
 * Convolution entry points for host arrays: on the GPU when a context is given (upload, convolve,
 * read back), else with the CPU twins. GPU-resident pipelines use convolve.gpu.ts directly.
 */
import type { GpuContext } from '../gpu/context';
import { STORAGE_RW } from '../elementwise/gpu-array';
import { convolveCircularCpu, convolveSameCpu, type SameOptions } from './convolve.cpu';
import { convolveCircularGpu, convolveSameGpu, type ConvGpuOptions, type SameGpuOptions } from './convolve.gpu';
import type { ConvKernel, PsfKernel } from './kernel';
import type { Shape3 } from './shape';

export type { ConvKernel, PsfKernel, OtfKernel } from './kernel';
export type { Padding, Shape3 } from './shape';
export { psf2otf, otf2psf } from './psf2otf';
export { OtfCache, defaultOtfCache } from './otf-cache';
export { ConvError } from './errors';
export { convolveCircularCpu, convolveSameCpu, samePaddedShape, halfOtfCpu } from './convolve.cpu';
export { convolveCircularGpu, convolveSameGpu, halfOtfGpu, gpuRfftPlan } from './convolve.gpu';

/** Circular convolution (PERI semantics): GPU when `ctx` is given, else CPU. */
export async function convolveCircular(ctx: GpuContext | null, image: Float32Array, shape: Shape3, kernel: ConvKernel,
  options: ConvGpuOptions = {}): Promise<Float32Array> {
  if (!ctx) return convolveCircularCpu(image, shape, kernel, options);
  return onGpu(ctx, image, (arr) => convolveCircularGpu(ctx, arr, shape, kernel, arr, options));
}

/** Linear ("same") convolution with zero or mirror padding: GPU when `ctx` is given, else CPU. */
export async function convolveSame(ctx: GpuContext | null, image: Float32Array, shape: Shape3, psf: PsfKernel,
  options: SameOptions & SameGpuOptions = {}): Promise<Float32Array> {
  if (!ctx) return convolveSameCpu(image, shape, psf, options);
  return onGpu(ctx, image, (arr) => convolveSameGpu(ctx, arr, shape, psf, arr, options));
}

async function onGpu(ctx: GpuContext, image: Float32Array,
  work: (arr: { buffer: GPUBuffer; length: number }) => Promise<void>): Promise<Float32Array> {
  const arr = { buffer: ctx.upload(image, STORAGE_RW, 'conv image'), length: image.length };
  try {
    await work(arr);
    return new Float32Array(await ctx.read(arr.buffer, image.length * 4));
  } finally {
    arr.buffer.destroy();
  }
}
