/**
 * GpuRfftPlan: real 3-D FFT to and from the half spectrum [nz, ny, nx/2+1] (scipy's rfftn layout).
 * Along x, two real rows travel as one complex line (z = a + i·b) and are separated afterwards;
 * rows that fit in workgroup memory do this inside one kernel (fft-line.wgsl main_r2c/main_c2r),
 * others go through rfft.wgsl around a complex line transform. y and z are complex transforms of
 * the half spectrum. No slab splitting: bindings past the limit throw GpuLimitError.
 */
import rfftWgsl from '../../shaders/fft/rfft.wgsl';
import type { GpuContext } from '../gpu/context';
import { GpuLimitError } from '../gpu/errors';
import { bluesteinPaddedLength } from './bluestein.gpu';
import { FftShapeError } from './errors';
import { lineLayout, lineParams, linePipeline } from './fft-line.gpu';
import { bindingLimit, type GpuFftOptions } from './fft.gpu';
import type { LineTransformGpu } from './line.gpu';
import { createLineTransform, lineStrategy } from './line-transform.gpu';
import { encodePass } from '../gpu/pass';
import { PlanResources } from './resources.gpu';
import { axisLines, checkShape, halfShape, voxelCount3, type Shape3 } from './shape';

const WG = 64;

interface RealRows {
  forward(enc: GPUCommandEncoder, real: GPUBufferBinding, half: GPUBufferBinding): void;
  inverse(enc: GPUCommandEncoder, half: GPUBufferBinding, real: GPUBufferBinding): void;
}

export class GpuRfftPlan {
  readonly shape: Shape3;
  readonly halfShape: Shape3;
  readonly realBytes: number;
  readonly halfBytes: number;
  private readonly res: PlanResources;
  private readonly rows: RealRows;
  /** y then z transforms of the half spectrum (lengths > 1 only). */
  private readonly outer: LineTransformGpu[];

  static create(ctx: GpuContext, shape: Shape3, opts: GpuFftOptions = {}): GpuRfftPlan {
    return new GpuRfftPlan(ctx, checkShape(shape), opts);
  }

  private constructor(ctx: GpuContext, shape: Shape3, opts: GpuFftOptions) {
    this.shape = shape;
    this.halfShape = halfShape(shape);
    this.realBytes = 4 * voxelCount3(shape);
    this.halfBytes = 8 * voxelCount3(this.halfShape);
    checkBindings(ctx, shape, this.halfShape, bindingLimit(ctx, opts));
    this.res = new PlanResources(ctx, opts.label ?? `rfft ${shape.join('×')}`);
    const hs = this.halfShape;
    this.outer = ([1, 0] as const).filter((a) => hs[a] > 1).map((a) => {
      const { n, inner, count } = axisLines(hs, a);
      return createLineTransform(this.res, { n, inner, count }, 1 / n);
    });
    if (this.outer.length > 0) this.res.reserveScratch('rfft-half', this.halfBytes);
    const nRows = shape[0] * shape[1];
    this.rows = lineStrategy(ctx.limits, shape[2]) === 'workgroup'
      ? new FusedRealRows(this.res, shape[2], nRows)
      : new StagedRealRows(this.res, shape[2], nRows);
  }

  /** Half spectrum of `realIn` (4·N bytes of f32) into `halfOut` (8·nz·ny·(nx/2+1) bytes). */
  forward(enc: GPUCommandEncoder, realIn: GPUBuffer, halfOut: GPUBuffer): void {
    this.checkSize(realIn, this.realBytes);
    this.checkSize(halfOut, this.halfBytes);
    const half = { buffer: halfOut, offset: 0, size: this.halfBytes };
    this.rows.forward(enc, { buffer: realIn, offset: 0, size: this.realBytes }, half);
    for (const t of this.outer) t.record(enc, half, half, false);
  }

  /** Real array (normalised by 1/N) whose half spectrum is `halfIn`; `halfIn` is not modified. */
  inverse(enc: GPUCommandEncoder, halfIn: GPUBuffer, realOut: GPUBuffer): void {
    this.checkSize(halfIn, this.halfBytes);
    this.checkSize(realOut, this.realBytes);
    let half: GPUBufferBinding = { buffer: halfIn, offset: 0, size: this.halfBytes };
    if (this.outer.length > 0) {
      const work = { ...this.res.sharedScratch('rfft-half'), size: this.halfBytes };
      this.outer.forEach((t, i) => t.record(enc, i === 0 ? half : work, work, true));
      half = work;
    }
    this.rows.inverse(enc, half, { buffer: realOut, offset: 0, size: this.realBytes });
  }

  destroy(): void {
    this.res.destroy();
  }

  private checkSize(buf: GPUBuffer, bytes: number): void {
    if (buf.size < bytes) {
      throw new FftShapeError(
        `GPU buffer "${buf.label}" has ${buf.size} bytes; a real FFT of shape ${this.shape.join('×')} needs ${bytes} there`,
      );
    }
  }
}

function checkBindings(ctx: GpuContext, shape: Shape3, hs: Shape3, limit: number): void {
  const pad = (n: number) => (n > 1 && lineStrategy(ctx.limits, n) === 'bluestein' ? bluesteinPaddedLength(n) / n : 1);
  const half = 8 * voxelCount3(hs);
  const needs = [4 * voxelCount3(shape), half * Math.max(pad(hs[0]), pad(hs[1])), 8 * Math.ceil((shape[0] * shape[1]) / 2) * shape[2] * pad(shape[2])];
  const worst = Math.max(...needs);
  if (worst > limit) {
    throw new GpuLimitError('maxStorageBufferBindingSize', limit, Math.ceil(worst),
      `A real FFT of shape ${shape.join('×')} (one binding of its arrays or scratch)`);
  }
}

/** Rows that fit in workgroup memory: pack, transform and separate in one kernel each way. */
class FusedRealRows implements RealRows {
  private readonly r2c: GPUComputePipeline;
  private readonly c2r: GPUComputePipeline;
  private readonly groups: number;
  private readonly params: { forward: GPUBuffer; inverse: GPUBuffer };

  constructor(private readonly res: PlanResources, private readonly nx: number, rows: number) {
    const pairs = Math.ceil(rows / 2);
    const layout = lineLayout(res.ctx.limits, nx, pairs)!;
    this.r2c = linePipeline(res, nx, layout, 'main_r2c');
    this.c2r = linePipeline(res, nx, layout, 'main_c2r');
    this.groups = Math.ceil(pairs / layout.lines);
    const nh = (nx >> 1) + 1;
    this.params = {
      forward: lineParams(res, nx, { count: pairs, inner: 1, conj: false, scale: 1, rows, nh }),
      inverse: lineParams(res, nx, { count: pairs, inner: 1, conj: true, scale: 1 / nx, rows, nh }),
    };
  }

  forward(enc: GPUCommandEncoder, real: GPUBufferBinding, half: GPUBufferBinding): void {
    this.dispatch(enc, this.r2c, { 0: { buffer: this.params.forward }, 1: half, 4: real });
  }

  inverse(enc: GPUCommandEncoder, half: GPUBufferBinding, real: GPUBufferBinding): void {
    this.dispatch(enc, this.c2r, { 0: { buffer: this.params.inverse }, 2: half, 5: real });
  }

  private dispatch(enc: GPUCommandEncoder, pipeline: GPUComputePipeline, entries: Record<number, GPUBufferBinding>) {
    entries[3] = { buffer: this.res.twiddle(this.nx) };
    encodePass(this.res.ctx, enc, { label: `rfft rows ${this.nx}`, pipeline, bindings: entries, workgroups: this.groups });
  }
}

/** Long or non-smooth rows: pack pairs into a scratch, complex line transform, separate. */
class StagedRealRows implements RealRows {
  private readonly pipelines: Record<string, GPUComputePipeline> = {};
  private readonly params: GPUBuffer;
  private readonly transform: LineTransformGpu;
  private readonly pairsBytes: number;
  private readonly pairs: number;

  constructor(private readonly res: PlanResources, private readonly nx: number, rows: number) {
    this.pairs = Math.ceil(rows / 2);
    this.pairsBytes = 8 * this.pairs * nx;
    for (const e of ['pack_pairs', 'unpack_pairs', 'pack_hermitian', 'unpack_real']) {
      this.pipelines[e] = res.ctx.pipeline(`rfft ${e}`, rfftWgsl, e, { WG });
    }
    this.params = res.uniform([rows, this.pairs, nx, (nx >> 1) + 1], 'rfft params');
    this.transform = createLineTransform(res, { n: nx, count: this.pairs, inner: 1 }, 1 / nx);
    res.reserveScratch('rfft-pairs', this.pairsBytes);
  }

  forward(enc: GPUCommandEncoder, real: GPUBufferBinding, half: GPUBufferBinding): void {
    const pairs = this.pairsBinding();
    this.dispatch(enc, 'pack_pairs', { 3: real, 2: pairs }, this.pairs * this.nx);
    this.transform.record(enc, pairs, pairs, false);
    this.dispatch(enc, 'unpack_pairs', { 1: pairs, 2: half }, this.pairs * ((this.nx >> 1) + 1));
  }

  inverse(enc: GPUCommandEncoder, half: GPUBufferBinding, real: GPUBufferBinding): void {
    const pairs = this.pairsBinding();
    this.dispatch(enc, 'pack_hermitian', { 1: half, 2: pairs }, this.pairs * this.nx);
    this.transform.record(enc, pairs, pairs, true);
    this.dispatch(enc, 'unpack_real', { 1: pairs, 4: real }, this.pairs * this.nx);
  }

  private pairsBinding(): GPUBufferBinding {
    return { ...this.res.sharedScratch('rfft-pairs'), size: this.pairsBytes };
  }

  private dispatch(enc: GPUCommandEncoder, entry: string, entries: Record<number, GPUBufferBinding>, threads: number) {
    entries[0] = { buffer: this.params };
    encodePass(this.res.ctx, enc, {
      label: `rfft ${entry} ${this.nx}`,
      pipeline: this.pipelines[entry],
      bindings: entries,
      workgroups: Math.ceil(threads / WG),
    });
  }
}
