/**
 * Host wrappers of pad.wgsl and crop.wgsl (twins in pad.cpu.ts). They record into the caller's
 * encoder; whole arrays are bound, so an array past the binding limit is refused with a message
 * naming maxStorageBufferBindingSize (a convolution needs the whole volume in one FFT anyway).
 */
import type { GpuContext } from '../gpu/context';
import { encodePass } from '../gpu/pass';
import padSrc from '../../shaders/conv/pad.wgsl';
import cropSrc from '../../shaders/conv/crop.wgsl';
import { bindingLimits } from '../elementwise/binding-split';
import { checkArrayFits, refuseBinding, STORAGE_RW, UNIFORM_PARAMS, type GpuArray } from '../elementwise/gpu-array';
import { checkFits } from './pad.cpu';
import { count3, type Padding, type Shape3 } from './shape';
import { ConvError } from './errors';

const WG_SIZE = 256;

export interface BindingOptions {
  /** A binding limit below the device's, for tests. */
  maxBindingBytes?: number;
}

/** Refuses an array whose one binding would pass the limit. */
export function checkWholeBinding(ctx: GpuContext, what: string, floats: number, options: BindingOptions = {}): void {
  const limits = bindingLimits(ctx, options.maxBindingBytes);
  if (floats * 4 > limits.maxStorageBufferBindingSize) refuseBinding(what, floats * 4, limits);
}

function checkArray(what: string, arr: GpuArray, shape: Shape3): void {
  if (arr.length !== count3(shape)) {
    throw new ConvError(`${what} has ${arr.length} values but its shape ${shape.join('×')} needs ${count3(shape)}`);
  }
  checkArrayFits(what, arr);
}

export function encodePad(ctx: GpuContext, enc: GPUCommandEncoder, image: GpuArray, shape: Shape3, padded: GpuArray,
  paddedShape: Shape3, padding: Padding, transient: GPUBuffer[], options: BindingOptions = {}): void {
  checkFits(shape, paddedShape);
  checkArray('image', image, shape);
  checkArray('padded array', padded, paddedShape);
  checkWholeBinding(ctx, `Padding to ${paddedShape.join('×')}`, padded.length, options);
  const params = new Uint32Array([...shape, padding === 'mirror' ? 1 : 0, ...paddedShape, padded.length]);
  record(ctx, enc, 'conv/pad', padSrc, params, image, padded, transient);
}

export function encodeCrop(ctx: GpuContext, enc: GPUCommandEncoder, padded: GpuArray, paddedShape: Shape3,
  image: GpuArray, shape: Shape3, transient: GPUBuffer[], options: BindingOptions = {}): void {
  checkFits(shape, paddedShape);
  checkArray('padded array', padded, paddedShape);
  checkArray('image', image, shape);
  checkWholeBinding(ctx, `Cropping from ${paddedShape.join('×')}`, padded.length, options);
  const params = new Uint32Array([...shape, image.length, ...paddedShape, 0]);
  record(ctx, enc, 'conv/crop', cropSrc, params, padded, image, transient);
}

function record(ctx: GpuContext, enc: GPUCommandEncoder, kernel: string, code: string, params: Uint32Array,
  src: GpuArray, dst: GpuArray, transient: GPUBuffer[]): void {
  const pipeline = ctx.pipeline(kernel, code);
  const uniform = ctx.upload(params, UNIFORM_PARAMS, `${kernel} params`);
  transient.push(uniform);
  encodePass(ctx, enc, {
    label: kernel,
    pipeline,
    bindings: [{ buffer: uniform }, { buffer: src.buffer, offset: 0, size: src.length * 4 }, { buffer: dst.buffer, offset: 0, size: dst.length * 4 }],
    workgroups: Math.ceil(dst.length / WG_SIZE),
  });
}

/** Pads a GPU image into a new GPU array (twin: padCpu). */
export function padGpu(ctx: GpuContext, image: GpuArray, shape: Shape3, paddedShape: Shape3,
  padding: Padding, options?: BindingOptions): Promise<GpuArray> {
  return intoNewArray(ctx, 'conv/pad', paddedShape, 'padded',
    (enc, padded, transient) => encodePad(ctx, enc, image, shape, padded, paddedShape, padding, transient, options));
}

/** Crops a GPU array into a new GPU array (twin: cropCpu). */
export function cropGpu(ctx: GpuContext, padded: GpuArray, paddedShape: Shape3, shape: Shape3,
  options?: BindingOptions): Promise<GpuArray> {
  return intoNewArray(ctx, 'conv/crop', shape, 'cropped',
    (enc, image, transient) => encodeCrop(ctx, enc, padded, paddedShape, image, shape, transient, options));
}

/** Runs `encode` into a new array of `shape`; the array is freed when the run fails. */
async function intoNewArray(ctx: GpuContext, kernel: string, shape: Shape3, label: string,
  encode: (enc: GPUCommandEncoder, out: GpuArray, transient: GPUBuffer[]) => void): Promise<GpuArray> {
  const out = { buffer: ctx.createBuffer(count3(shape) * 4, STORAGE_RW, label), length: count3(shape) };
  const transient: GPUBuffer[] = [];
  try {
    await ctx.run(kernel, (enc) => encode(enc, out, transient));
  } catch (error) {
    out.buffer.destroy();
    throw error;
  } finally {
    for (const b of transient) b.destroy();
  }
  return out;
}
