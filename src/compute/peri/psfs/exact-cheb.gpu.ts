/**
 * GPU path of the Chebyshev PSF's convolution (CPU: FixedSSChebPSF.execute): one real FFT of the
 * field, per kernel a complex product with its OTF and an inverse FFT into a stack, then
 * cheb-combine.wgsl. OTFs (from `FixedSSChebPSF.kernelSpectra`) stay on the GPU until replaced.
 */
import { GpuRfftPlan, type Shape3 } from '../../fft/fft';
import type { GpuContext } from '../../gpu/context';
import { BufferUsage } from '../../gpu/usage';
import { ElementwiseGpu } from '../../elementwise/elementwise.gpu';
import { PeriShapeError } from '../errors';
import type { Vec3 } from '../tile';
import { recordChebCombine } from './cheb-combine.gpu';

const RW = BufferUsage.STORAGE | BufferUsage.COPY_SRC | BufferUsage.COPY_DST;

export class ChebPsfGpu {
  private readonly plan: GpuRfftPlan;
  private readonly n: number;
  private readonly halfFloats: number;
  private readonly spectrum: GPUBuffer;
  private readonly work: GPUBuffer;
  private readonly real: GPUBuffer;
  private otfs: GPUBuffer[] = [];
  private stack: GPUBuffer | null = null;

  constructor(
    private readonly ctx: GpuContext,
    readonly shape: Vec3,
  ) {
    this.plan = GpuRfftPlan.create(ctx, [...shape] as Shape3);
    this.n = shape[0] * shape[1] * shape[2];
    this.halfFloats = this.plan.halfBytes / 4;
    this.spectrum = ctx.createBuffer(this.plan.halfBytes, RW, 'cheb field spectrum');
    this.work = ctx.createBuffer(this.plan.halfBytes, RW, 'cheb product');
    this.real = ctx.createBuffer(this.plan.realBytes, RW, 'cheb convolution');
  }

  get degree(): number {
    return this.otfs.length;
  }

  /** Uploads the kernels' half spectra (each 2·nz·ny·(nx/2+1) floats). */
  setKernels(otfs: readonly Float32Array[]): void {
    if (otfs.length === 0) throw new PeriShapeError('ChebPsfGpu needs at least one kernel spectrum');
    otfs.forEach((o) => {
      if (o.length !== this.halfFloats) throw new PeriShapeError(`kernel spectrum has ${o.length} floats, the tile's half spectrum ${this.halfFloats}`);
    });
    this.releaseKernels();
    this.otfs = otfs.map((o, k) => this.ctx.upload(o, RW, `cheb otf ${k}`));
    this.ctx.checkBindingSize(otfs.length * this.n * 4, 'Chebyshev convolution stack');
    this.stack = this.ctx.createBuffer(otfs.length * this.n * 4, RW, 'cheb convolution stack');
  }

  /** Records out = Σ_k T_k·(field ⊛ c_k); `weights` holds nz × degree float32. Returns the cleanup to call after submission. */
  record(enc: GPUCommandEncoder, field: GPUBuffer, weights: GPUBuffer, out: GPUBuffer): () => void {
    if (!this.stack) throw new PeriShapeError('ChebPsfGpu: call setKernels before executing');
    const ew = new ElementwiseGpu(this.ctx);
    this.plan.forward(enc, field, this.spectrum);
    const spec = { buffer: this.spectrum, length: this.halfFloats };
    this.otfs.forEach((otf, k) => {
      enc.copyBufferToBuffer(otf, 0, this.work, 0, this.plan.halfBytes);
      ew.complexMul(enc, spec, { buffer: this.work, length: this.halfFloats });
      this.plan.inverse(enc, this.work, this.real);
      enc.copyBufferToBuffer(this.real, 0, this.stack!, k * this.n * 4, this.n * 4);
    });
    const params = recordChebCombine(this.ctx, enc, { conv: this.stack, weights, out }, this.shape, this.degree);
    return () => {
      params.destroy();
      ew.release();
    };
  }

  /** Uploads the field and weights, runs, and reads the blurred field back. */
  async execute(field: Float32Array, weights: ArrayLike<number>): Promise<Float32Array> {
    if (field.length !== this.n) throw new PeriShapeError(`field has ${field.length} values, the tile ${this.n}`);
    if (weights.length !== this.shape[0] * this.degree) throw new PeriShapeError(`weights hold ${weights.length} values, expected ${this.shape[0] * this.degree}`);
    const f = this.ctx.upload(field, RW, 'cheb field');
    const w = this.ctx.upload(Float32Array.from(weights), RW, 'cheb weights');
    const out = this.ctx.createBuffer(this.n * 4, RW, 'cheb out');
    let cleanup: (() => void) | null = null;
    try {
      await this.ctx.run('peri/psfs/cheb-execute', (enc) => {
        cleanup = this.record(enc, f, w, out);
      });
      return new Float32Array(await this.ctx.read(out, this.n * 4));
    } finally {
      (cleanup as (() => void) | null)?.();
      [f, w, out].forEach((b) => b.destroy());
    }
  }

  destroy(): void {
    this.releaseKernels();
    this.plan.destroy();
    [this.spectrum, this.work, this.real].forEach((b) => b.destroy());
  }

  private releaseKernels(): void {
    this.otfs.forEach((b) => b.destroy());
    this.otfs = [];
    this.stack?.destroy();
    this.stack = null;
  }
}
