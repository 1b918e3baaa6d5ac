/**
 * GpuFftPlan: complex FFT along any axes of a 3-D array in a GPU buffer, in place. Each
 * transformed axis is one batched line transform (workgroup memory, multi-pass or Bluestein; see
 * line-transform.gpu.ts). Arrays whose binding would pass maxStorageBufferBindingSize are
 * processed in slabs along the leading axis when that axis is not transformed.
 */
import type { GpuContext } from '../gpu/context';
import { GpuLimitError } from '../gpu/errors';
import { FftShapeError } from './errors';
import type { LineTransformGpu } from './line.gpu';
import { createLineTransform, lineStrategy } from './line-transform.gpu';
import { bluesteinPaddedLength } from './bluestein.gpu';
import { PlanResources } from './resources.gpu';
import { axisLines, checkAxes, checkShape, voxelCount3, type FftAxis, type Shape3 } from './shape';

export interface GpuFftOptions {
  /** Binding-size limit to plan for, when lower than the device's maxStorageBufferBindingSize. */
  maxBindingBytes?: number;
  label?: string;
}

interface Slab {
  binding: { offset: number; size: number };
  passes: LineTransformGpu[];
}

export class GpuFftPlan {
  readonly shape: Shape3;
  readonly axes: FftAxis[];
  /** Bytes of the complex array (8 per value). */
  readonly byteLength: number;
  private readonly res: PlanResources;
  private readonly slabs: Slab[];

  static create(ctx: GpuContext, shape: Shape3, axes?: readonly number[], opts: GpuFftOptions = {}): GpuFftPlan {
    return new GpuFftPlan(ctx, checkShape(shape), checkAxes(axes), opts);
  }

  private constructor(ctx: GpuContext, shape: Shape3, axes: FftAxis[], opts: GpuFftOptions) {
    this.shape = shape;
    this.axes = axes;
    this.byteLength = 8 * voxelCount3(shape);
    this.res = new PlanResources(ctx, opts.label ?? `fft ${shape.join('×')}`);
    const active = axes.filter((a) => shape[a] > 1);
    const limit = bindingLimit(ctx, opts);
    this.slabs = planSlabs(ctx, shape, active, limit).map(({ planes, offset }) => {
      const slabShape = withLeading(shape, planes);
      const size = 8 * voxelCount3(slabShape);
      // x first: the contiguous axis; every pass is in place.
      const passes = [...active].reverse().map((a) => {
        const { n, inner, count } = axisLines(slabShape, a);
        return createLineTransform(this.res, { n, inner, count }, 1 / n);
      });
      return { binding: { offset, size }, passes };
    });
  }

  forward(enc: GPUCommandEncoder, buf: GPUBuffer): void {
    this.record(enc, buf, false);
  }

  /** Inverse, normalised by 1/N (N = product of the transformed lengths). */
  inverse(enc: GPUCommandEncoder, buf: GPUBuffer): void {
    this.record(enc, buf, true);
  }

  destroy(): void {
    this.res.destroy();
  }

  private record(enc: GPUCommandEncoder, buf: GPUBuffer, inverse: boolean): void {
    if (buf.size < this.byteLength) {
      throw new FftShapeError(
        `GPU buffer "${buf.label}" has ${buf.size} bytes; an FFT of shape ${this.shape.join('×')} needs ${this.byteLength}`,
      );
    }
    for (const slab of this.slabs) {
      const b: GPUBufferBinding = { buffer: buf, ...slab.binding };
      for (const pass of slab.passes) pass.record(enc, b, b, inverse);
    }
  }
}

export function bindingLimit(ctx: GpuContext, opts: GpuFftOptions): number {
  const device = ctx.limits.maxStorageBufferBindingSize;
  const limit = Math.min(device, opts.maxBindingBytes ?? device);
  return Math.floor(limit / 4) * 4;
}

/** Largest binding one slab needs per byte of slab data: 1, or M/n for a Bluestein pad. */
function bindingFactor(limits: GPUSupportedLimits, shape: Shape3, active: FftAxis[]): number {
  let f = 1;
  for (const a of active) {
    if (lineStrategy(limits, shape[a]) === 'bluestein') f = Math.max(f, bluesteinPaddedLength(shape[a]) / shape[a]);
  }
  return f;
}

/** [planes, byte offset] of the slabs along axis 0 (a single slab when everything fits). */
function planSlabs(ctx: GpuContext, shape: Shape3, active: FftAxis[], limit: number) {
  const factor = bindingFactor(ctx.limits, shape, active);
  const total = 8 * voxelCount3(shape);
  const what = `An FFT of shape ${shape.join('×')} (complex array${factor > 1 ? ' and Bluestein scratch' : ''})`;
  if (total * factor <= limit) return [{ planes: shape[0], offset: 0 }];
  if (active.includes(0) || shape[0] === 1) {
    throw new GpuLimitError('maxStorageBufferBindingSize', limit, Math.ceil(total * factor),
      `${what}, which cannot be split because its leading axis is transformed,`);
  }
  const planeBytes = total / shape[0];
  const align = ctx.limits.minStorageBufferOffsetAlignment;
  const unit = align / gcd(planeBytes, align);
  const planes = Math.floor(limit / (planeBytes * factor) / unit) * unit;
  if (planes < 1) {
    throw new GpuLimitError('maxStorageBufferBindingSize', limit, Math.ceil(planeBytes * factor * unit),
      `${what}, split into slabs of ${unit} plane(s),`);
  }
  const slabs: { planes: number; offset: number }[] = [];
  for (let z = 0; z < shape[0]; z += planes) {
    slabs.push({ planes: Math.min(planes, shape[0] - z), offset: z * planeBytes });
  }
  return slabs;
}

function withLeading(shape: Shape3, planes: number): Shape3 {
  return [planes, shape[1], shape[2]];
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}
