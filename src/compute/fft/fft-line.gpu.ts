/**
 * Host side of fft-line.wgsl: batched FFTs of lines that fit in workgroup memory (two halves of
 * 8·n bytes per line for the Stockham ping-pong), several lines per workgroup.
 */
import fftLineWgsl from '../../shaders/fft/fft-line.wgsl';
import { sameBinding, type LineGeometry, type LineTransformGpu } from './line.gpu';
import { packRadices, radixSchedule } from './radix';
import { encodePass } from '../gpu/pass';
import { f32Bits, type PlanResources } from './resources.gpu';

/** Most lines one workgroup takes (enough for 128-byte coalesced runs on strided axes). */
const MAX_LINES = 16;
const MAX_THREADS = 256;

export interface LineLayout {
  lines: number;
  threads: number;
}

/** Workgroup layout for lines of n, or null when one line does not fit in workgroup memory. */
export function lineLayout(limits: GPUSupportedLimits, n: number, count: number): LineLayout | null {
  const capacity = Math.floor(limits.maxComputeWorkgroupStorageSize / 16);
  if (n > capacity || (n > 1 && radixSchedule(n).length > 8)) return null;
  const maxThreads = Math.min(MAX_THREADS, limits.maxComputeInvocationsPerWorkgroup, limits.maxComputeWorkgroupSizeX);
  let lines = 1;
  while (lines * 2 <= MAX_LINES && lines * 2 * n <= capacity && lines < count && lines * 2 <= maxThreads) lines *= 2;
  const radices = n > 1 ? radixSchedule(n) : [1];
  const butterflies = n / Math.min(...radices);
  const threads = Math.max(1, Math.min(Math.ceil(butterflies), Math.floor(maxThreads / lines)));
  return { lines, threads: lines * threads };
}

export type LineEntry = 'main' | 'main_copy' | 'main_r2c' | 'main_c2r';

/** Pipeline for lines of n with the given layout and entry point (cached by the context). */
export function linePipeline(res: PlanResources, n: number, layout: LineLayout, entry: LineEntry): GPUComputePipeline {
  const constants = { N: n, LINES: layout.lines, WG: layout.threads };
  return res.ctx.pipeline(`fft-line ${n}`, fftLineWgsl, entry, constants);
}

/** Params struct of fft-line.wgsl. */
export function lineParams(
  res: PlanResources,
  n: number,
  p: { count: number; inner: number; conj: boolean; scale: number; rows?: number; nh?: number },
): GPUBuffer {
  const radices = n > 1 ? radixSchedule(n) : [];
  const words = [p.count, p.inner, p.conj ? 1 : 0, f32Bits(p.scale), 0, p.rows ?? 0, p.nh ?? 0, radices.length, packRadices(radices)];
  return res.uniform(words, 'fft-line params');
}

export class WorkgroupLineFft implements LineTransformGpu {
  private readonly inPlace: GPUComputePipeline;
  private copying: GPUComputePipeline | null = null;
  private readonly groups: number;
  private readonly params: { forward: GPUBuffer; inverse: GPUBuffer };

  private readonly layout: LineLayout;

  constructor(private readonly res: PlanResources, private readonly g: LineGeometry, layout: LineLayout, inverseScale: number) {
    this.inPlace = linePipeline(res, g.n, layout, 'main');
    this.layout = layout;
    this.groups = Math.ceil(g.count / layout.lines);
    this.params = {
      forward: lineParams(res, g.n, { count: g.count, inner: g.inner, conj: false, scale: 1 }),
      inverse: lineParams(res, g.n, { count: g.count, inner: g.inner, conj: true, scale: inverseScale }),
    };
  }

  record(enc: GPUCommandEncoder, src: GPUBufferBinding, dst: GPUBufferBinding, inverse: boolean): void {
    const inPlace = sameBinding(src, dst);
    // Out of place only in GpuRfftPlan.inverse: compile that pipeline on first use.
    const pipeline = inPlace ? this.inPlace : (this.copying ??= linePipeline(this.res, this.g.n, this.layout, 'main_copy'));
    const entries: Record<number, GPUBufferBinding> = {
      0: { buffer: inverse ? this.params.inverse : this.params.forward },
      1: dst,
      3: { buffer: this.res.twiddle(this.g.n) },
    };
    if (!inPlace) entries[2] = src;
    encodePass(this.res.ctx, enc, { label: `fft-line ${this.g.n}`, pipeline, bindings: entries, workgroups: this.groups });
  }
}
