/**
 * Host side of fft-stage.wgsl: the multi-pass FFT for smooth lines too long for workgroup memory.
 * One dispatch per radix (reads and writes every point once: 16 bytes per complex value per
 * pass), ping-ponging between the destination and a scratch buffer of the same size.
 */
import fftStageWgsl from '../../shaders/fft/fft-stage.wgsl';
import { sameBinding, type LineGeometry, type LineTransformGpu } from './line.gpu';
import { radixSchedule } from './radix';
import { encodePass } from '../gpu/pass';
import { f32Bits, type PlanResources } from './resources.gpu';

const WG = 64;

interface Stage {
  pipeline: GPUComputePipeline;
  groups: number;
  params: { forward: GPUBuffer; inverse: GPUBuffer };
}

export class MultipassLineFft implements LineTransformGpu {
  private readonly stages: Stage[];
  private readonly bytes: number;

  constructor(private readonly res: PlanResources, private readonly g: LineGeometry, inverseScale: number) {
    const radices = radixSchedule(g.n);
    this.bytes = 8 * g.n * g.count;
    res.reserveScratch('fft-stage', this.bytes);
    let ns = 1;
    this.stages = radices.map((r, s) => {
      const first = s === 0;
      const last = s === radices.length - 1;
      const words = (conj: boolean, scale: number) =>
        [g.count, g.inner, ns, conj && first ? 1 : 0, conj && last ? 1 : 0, f32Bits(last ? scale : 1)];
      const stage: Stage = {
        pipeline: res.ctx.pipeline(`fft-stage ${g.n}`, fftStageWgsl, 'main', { N: g.n, R: r, WG }),
        groups: Math.ceil((g.count * g.n) / r / WG),
        params: {
          forward: res.uniform(words(false, 1), 'fft-stage params'),
          inverse: res.uniform(words(true, inverseScale), 'fft-stage params'),
        },
      };
      ns *= r;
      return stage;
    });
  }

  record(enc: GPUCommandEncoder, src: GPUBufferBinding, dst: GPUBufferBinding, inverse: boolean): void {
    const scratch: GPUBufferBinding = { ...this.res.sharedScratch('fft-stage'), size: this.bytes };
    const count = this.stages.length;
    let from = src;
    if (sameBinding(src, dst) && count % 2 === 1) {
      // An odd number of passes ending in dst must start outside it.
      enc.copyBufferToBuffer(src.buffer, src.offset ?? 0, scratch.buffer, 0, this.bytes);
      from = scratch;
    }
    this.stages.forEach((stage, s) => {
      const to = (count - 1 - s) % 2 === 0 ? dst : scratch;
      this.dispatch(enc, stage, from, to, inverse);
      from = to;
    });
  }

  private dispatch(enc: GPUCommandEncoder, stage: Stage, src: GPUBufferBinding, dst: GPUBufferBinding, inverse: boolean) {
    encodePass(this.res.ctx, enc, {
      label: `fft-stage ${this.g.n}`,
      pipeline: stage.pipeline,
      bindings: { 0: { buffer: inverse ? stage.params.inverse : stage.params.forward }, 1: src, 2: dst, 3: { buffer: this.res.twiddle(this.g.n) } },
      workgroups: stage.groups,
    });
  }
}
