/**
 * Host side of bluestein.wgsl: FFTs of lengths that are not 2·3·5·7-smooth, as a circular
 * convolution of smooth length M = nextSmoothSize(2n − 1) (see the shader for the steps). Costs two
 * length-M transforms plus three element-wise passes, and a scratch of count·M complex values.
 */
import bluesteinWgsl from '../../shaders/fft/bluestein.wgsl';
import { planFftCpu } from './fft.cpu';
import type { LineGeometry, LineTransformGpu } from './line.gpu';
import { bluesteinChirp } from './line-fft.cpu';
import { encodePass } from '../gpu/pass';
import { f32Bits, type PlanResources } from './resources.gpu';
import { nextSmoothSize } from './smooth';

const WG = 64;

export function bluesteinPaddedLength(n: number): number {
  return nextSmoothSize(2 * n - 1);
}

/** FFT_M of the wrapped kernel conj(w[k]) (k and M − k for k < n), divided by M. */
export function bluesteinKernelSpectrum(chirp: Float64Array, n: number, m: number): Float32Array {
  const b = new Float32Array(2 * m);
  for (let k = 0; k < n; k++) {
    for (const j of k === 0 ? [0] : [k, m - k]) {
      b[2 * j] = chirp[2 * k];
      b[2 * j + 1] = -chirp[2 * k + 1];
    }
  }
  planFftCpu([1, 1, m]).forward(b);
  for (let i = 0; i < b.length; i++) b[i] /= m;
  return b;
}

export class BluesteinLineFft implements LineTransformGpu {
  private readonly pipelines: Record<'chirp_in' | 'pointwise' | 'chirp_out', GPUComputePipeline>;
  private readonly params: { forward: GPUBuffer; inverse: GPUBuffer };
  private readonly padBytes: number;
  private readonly chirp: GPUBuffer;
  private readonly spectrum: GPUBuffer;

  /** `padded` transforms the count lines of length M in the pad buffer (contiguous), inverse unscaled. */
  constructor(
    private readonly res: PlanResources,
    private readonly g: LineGeometry,
    readonly m: number,
    private readonly padded: LineTransformGpu,
    inverseScale: number,
  ) {
    const { ctx } = res;
    const pipeline = (entry: string) => ctx.pipeline(`bluestein ${g.n}`, bluesteinWgsl, entry, { WG });
    this.pipelines = { chirp_in: pipeline('chirp_in'), pointwise: pipeline('pointwise'), chirp_out: pipeline('chirp_out') };
    const words = (conj: boolean, scale: number) => [g.count, g.inner, g.n, m, conj ? 1 : 0, f32Bits(scale)];
    this.params = {
      forward: res.uniform(words(false, 1), 'bluestein params'),
      inverse: res.uniform(words(true, inverseScale), 'bluestein params'),
    };
    this.padBytes = 8 * m * g.count;
    res.reserveScratch('bluestein-pad', this.padBytes);
    const chirp = bluesteinChirp(g.n);
    this.chirp = res.table(Float32Array.from(chirp), `bluestein ${g.n} chirp`);
    this.spectrum = res.table(bluesteinKernelSpectrum(chirp, g.n, m), `bluestein ${g.n} kernel spectrum`);
  }

  record(enc: GPUCommandEncoder, src: GPUBufferBinding, dst: GPUBufferBinding, inverse: boolean): void {
    const params = { buffer: inverse ? this.params.inverse : this.params.forward };
    const { count, n } = this.g;
    const pad = { ...this.res.sharedScratch('bluestein-pad'), size: this.padBytes };
    this.dispatch(enc, 'chirp_in', { 0: params, 1: src, 3: { buffer: this.chirp }, 5: pad }, count * this.m);
    this.padded.record(enc, pad, pad, false);
    this.dispatch(enc, 'pointwise', { 0: params, 4: { buffer: this.spectrum }, 5: pad }, count * this.m);
    this.padded.record(enc, pad, pad, true);
    this.dispatch(enc, 'chirp_out', { 0: params, 2: dst, 3: { buffer: this.chirp }, 5: pad }, count * n);
  }

  private dispatch(
    enc: GPUCommandEncoder,
    entry: keyof BluesteinLineFft['pipelines'],
    entries: Record<number, GPUBufferBinding>,
    threads: number,
  ): void {
    encodePass(this.res.ctx, enc, {
      label: `bluestein ${this.g.n} ${entry}`,
      pipeline: this.pipelines[entry],
      bindings: entries,
      workgroups: Math.ceil(threads / WG),
    });
  }
}
