/**
 * Host wrappers of the element-wise kernels. `ElementwiseGpu` records operations into the caller's
 * command encoder (so an algorithm submits many of them at once); the `…Gpu` functions run one
 * operation each and mirror the twins in elementwise.cpu.ts. Arrays longer than one storage binding
 * are processed in pieces bound at aligned offsets.
 */
import type { GpuContext } from '../gpu/context';
import { encodePass } from '../gpu/pass';
import elementwiseSrc from '../../shaders/elementwise/elementwise.wgsl';
import complexMulSrc from '../../shaders/elementwise/complex-mul.wgsl';
import { bindingLimits, splitForBinding, type BindingSegment } from './binding-split';
import { checkClampBounds, checkComplexLength, checkFinite, checkSameLength } from './errors';
import { checkArrayFits, refuseBinding, UNIFORM_PARAMS, type GpuArray } from './gpu-array';

const WG_SIZE = 256;

/** Values of the override constant OP in elementwise.wgsl. */
const OP = { axpy: 0, mul: 1, add: 2, safeDiv: 3, scale: 10, clamp: 11, pow: 12 } as const;
type OpName = keyof typeof OP;

export interface ElementwiseGpuOptions {
  /** A binding limit below the device's, to exercise the splitting in tests. */
  maxBindingBytes?: number;
}

export class ElementwiseGpu {
  private params: GPUBuffer[] = [];

  constructor(
    private readonly ctx: GpuContext,
    private readonly options: ElementwiseGpuOptions = {},
  ) {}

  /** y ← a·x + y */
  axpy(enc: GPUCommandEncoder, a: number, x: GpuArray, y: GpuArray): void {
    checkFinite('axpy', 'a', a);
    this.binary(enc, 'axpy', x, y, a);
  }

  /** y ← x·y */
  mul(enc: GPUCommandEncoder, x: GpuArray, y: GpuArray): void {
    this.binary(enc, 'mul', x, y, 0);
  }

  /** y ← x + y */
  add(enc: GPUCommandEncoder, x: GpuArray, y: GpuArray): void {
    this.binary(enc, 'add', x, y, 0);
  }

  /** y ← x / y where |y| ≥ eps, 0 elsewhere. */
  safeDiv(enc: GPUCommandEncoder, x: GpuArray, y: GpuArray, eps: number): void {
    checkFinite('safeDiv', 'eps', eps);
    this.binary(enc, 'safeDiv', x, y, eps);
  }

  /** y ← a·y */
  scale(enc: GPUCommandEncoder, a: number, y: GpuArray): void {
    checkFinite('scale', 'a', a);
    this.unary(enc, 'scale', y, a, 0);
  }

  /** y ← min(max(y, lo), hi); infinite bounds give a one-sided clamp. */
  clamp(enc: GPUCommandEncoder, y: GpuArray, lo: number, hi: number): void {
    checkClampBounds(lo, hi);
    this.unary(enc, 'clamp', y, lo, hi);
  }

  /** y ← y^p for y > 0, 0 for y ≤ 0. */
  pow(enc: GPUCommandEncoder, y: GpuArray, p: number): void {
    checkFinite('pow', 'p', p);
    this.unary(enc, 'pow', y, p, 0);
  }

  /** y ← x·y, or conj(x)·y, on interleaved complex arrays (length = 2 × complex count). */
  complexMul(enc: GPUCommandEncoder, x: GpuArray, y: GpuArray, conjugate = false): void {
    checkSameLength('complexMul', x.length, y.length);
    checkComplexLength('complexMul', y.length);
    checkArrayFits('complexMul x', x);
    checkArrayFits('complexMul y', y);
    const pipeline = this.ctx.pipeline(
      conjugate ? 'elementwise/complexMulConj' : 'elementwise/complexMul',
      complexMulSrc, 'main', { CONJ: conjugate ? 1 : 0 },
    );
    for (const seg of this.segments('complexMul', y.length / 2, 8)) {
      this.dispatch(enc, pipeline, 'complexMul', seg, { 1: x, 2: y }, 0, 0);
    }
  }

  /** Destroys the parameter buffers of the operations recorded so far: call once their submission is done. */
  release(): void {
    for (const b of this.params) b.destroy();
    this.params = [];
  }

  private binary(enc: GPUCommandEncoder, op: OpName, x: GpuArray, y: GpuArray, a: number): void {
    checkSameLength(op, x.length, y.length);
    checkArrayFits(`${op} x`, x);
    checkArrayFits(`${op} y`, y);
    const pipeline = this.ctx.pipeline(`elementwise/${op}`, elementwiseSrc, 'binary', { OP: OP[op] });
    for (const seg of this.segments(op, y.length, 4)) this.dispatch(enc, pipeline, op, seg, { 1: x, 2: y }, a, 0);
  }

  private unary(enc: GPUCommandEncoder, op: OpName, y: GpuArray, a: number, b: number): void {
    checkArrayFits(`${op} y`, y);
    const pipeline = this.ctx.pipeline(`elementwise/${op}`, elementwiseSrc, 'unary', { OP: OP[op] });
    for (const seg of this.segments(op, y.length, 4)) this.dispatch(enc, pipeline, op, seg, { 2: y }, a, b);
  }

  private segments(op: string, n: number, bytesPerElement: number): BindingSegment[] {
    const limits = bindingLimits(this.ctx, this.options.maxBindingBytes);
    const segs = splitForBinding(n, bytesPerElement, limits);
    return segs ?? refuseBinding(`${op} (one aligned piece)`, limits.minStorageBufferOffsetAlignment, limits);
  }

  /** `arrays` maps binding numbers to arrays: 1 = x (read), 2 = y (read-write). */
  private dispatch(
    enc: GPUCommandEncoder, pipeline: GPUComputePipeline, op: string,
    seg: BindingSegment, arrays: Record<number, GpuArray>, a: number, b: number,
  ): void {
    const raw = new ArrayBuffer(32);
    new Uint32Array(raw, 0, 1)[0] = seg.count;
    new Float32Array(raw, 16, 2).set([a, b]);
    const params = this.ctx.upload(new Uint8Array(raw), UNIFORM_PARAMS, `${op} params`);
    this.params.push(params);
    const bindings: Record<number, GPUBufferBinding> = { 0: { buffer: params } };
    for (const [binding, arr] of Object.entries(arrays)) {
      bindings[Number(binding)] = { buffer: arr.buffer, offset: seg.byteOffset, size: seg.byteSize };
    }
    encodePass(this.ctx, enc, { label: `elementwise/${op}`, pipeline, bindings, workgroups: Math.ceil(seg.count / WG_SIZE) });
  }
}

/** Runs one recorded batch and frees its parameter buffers. */
async function runOne(ctx: GpuContext, kernel: string, record: (ew: ElementwiseGpu, enc: GPUCommandEncoder) => void,
  options?: ElementwiseGpuOptions): Promise<void> {
  const ew = new ElementwiseGpu(ctx, options);
  try {
    await ctx.run(kernel, (enc) => record(ew, enc));
  } finally {
    ew.release();
  }
}

export function axpyGpu(ctx: GpuContext, a: number, x: GpuArray, y: GpuArray, options?: ElementwiseGpuOptions): Promise<void> {
  return runOne(ctx, 'elementwise/axpy', (ew, enc) => ew.axpy(enc, a, x, y), options);
}
export function mulGpu(ctx: GpuContext, x: GpuArray, y: GpuArray, options?: ElementwiseGpuOptions): Promise<void> {
  return runOne(ctx, 'elementwise/mul', (ew, enc) => ew.mul(enc, x, y), options);
}
export function addGpu(ctx: GpuContext, x: GpuArray, y: GpuArray, options?: ElementwiseGpuOptions): Promise<void> {
  return runOne(ctx, 'elementwise/add', (ew, enc) => ew.add(enc, x, y), options);
}
export function safeDivGpu(ctx: GpuContext, x: GpuArray, y: GpuArray, eps: number, options?: ElementwiseGpuOptions): Promise<void> {
  return runOne(ctx, 'elementwise/safeDiv', (ew, enc) => ew.safeDiv(enc, x, y, eps), options);
}
export function scaleGpu(ctx: GpuContext, a: number, y: GpuArray, options?: ElementwiseGpuOptions): Promise<void> {
  return runOne(ctx, 'elementwise/scale', (ew, enc) => ew.scale(enc, a, y), options);
}
export function clampGpu(ctx: GpuContext, y: GpuArray, lo: number, hi: number, options?: ElementwiseGpuOptions): Promise<void> {
  return runOne(ctx, 'elementwise/clamp', (ew, enc) => ew.clamp(enc, y, lo, hi), options);
}
export function powGpu(ctx: GpuContext, y: GpuArray, p: number, options?: ElementwiseGpuOptions): Promise<void> {
  return runOne(ctx, 'elementwise/pow', (ew, enc) => ew.pow(enc, y, p), options);
}
export function complexMulGpu(ctx: GpuContext, x: GpuArray, y: GpuArray, conjugate = false,
  options?: ElementwiseGpuOptions): Promise<void> {
  return runOne(ctx, 'elementwise/complexMul', (ew, enc) => ew.complexMul(enc, x, y, conjugate), options);
}
