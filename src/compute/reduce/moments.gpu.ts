/**
 * GPU moment reductions (moments.wgsl): per-chunk float32 pairwise partials, combined on the host
 * in float64. Inputs are GPU arrays or host arrays (uploaded piece by piece); arrays longer than
 * one storage binding are split into pieces (pieces.gpu.ts).
 */
import type { GpuContext } from '../gpu/context';
import src from '../../shaders/reduce/moments.wgsl';
import { pairwiseSum } from './f64-sum';
import { checkNotEmpty } from './errors';
import { centredVariance, checkDdof, type MeanVariance, type MeanVarianceOptions, type MinMax } from './moments.cpu';
import { recordPiece, runPieces, type F32Input, type ReduceGpuOptions } from './pieces.gpu';

const KERNEL = 'reduce/moments';

/** Float64 combination of the partials of one moments pass. */
export interface Moments {
  n: number;
  /** Σ(x − shift) */
  sum: number;
  /** Σ(x − shift)² */
  sumSquares: number;
  min: number;
  max: number;
}

/** One pass of moments.wgsl about `shift` (rounded to float32, as the kernel sees it). */
export async function momentsGpu(ctx: GpuContext, x: F32Input, shift = 0, options: ReduceGpuOptions = {}): Promise<Moments> {
  const n = x.length;
  if (n === 0) return { n, sum: 0, sumSquares: 0, min: NaN, max: NaN };
  const pipeline = ctx.pipeline(KERNEL, src);
  const raw = await runPieces(ctx, {
    kernel: KERNEL,
    inputs: [x],
    partialBytes: 16,
    params: (count) => momentsParams(count, shift),
    record: (enc, piece) => recordPiece(ctx, enc, pipeline, KERNEL, piece),
  }, options);
  return combineMoments(n, new Float32Array(raw));
}

function momentsParams(count: number, shift: number): ArrayBuffer {
  const raw = new ArrayBuffer(32);
  new Uint32Array(raw, 0, 1)[0] = count;
  new Float32Array(raw, 16, 1)[0] = shift;
  return raw;
}

/** Partials are vec4 (sum, sum of squares, min, max) per chunk. */
export function combineMoments(n: number, partials: Float32Array): Moments {
  const chunks = partials.length / 4;
  const sums = new Float64Array(chunks);
  const squares = new Float64Array(chunks);
  let min = Infinity;
  let max = -Infinity;
  for (let c = 0; c < chunks; c++) {
    sums[c] = partials[4 * c];
    squares[c] = partials[4 * c + 1];
    min = Math.min(min, partials[4 * c + 2]);
    max = Math.max(max, partials[4 * c + 3]);
  }
  return { n, sum: pairwiseSum(sums), sumSquares: pairwiseSum(squares), min, max };
}

/** Σ x */
export async function sumGpu(ctx: GpuContext, x: F32Input, options?: ReduceGpuOptions): Promise<number> {
  return (await momentsGpu(ctx, x, 0, options)).sum;
}

/** Σ x² */
export async function sumSquaresGpu(ctx: GpuContext, x: F32Input, options?: ReduceGpuOptions): Promise<number> {
  return (await momentsGpu(ctx, x, 0, options)).sumSquares;
}

/** Smallest and largest value (NaN inputs give an unspecified result on the GPU). */
export async function minMaxGpu(ctx: GpuContext, x: F32Input, options?: ReduceGpuOptions): Promise<MinMax> {
  checkNotEmpty('minMax', x.length);
  const m = await momentsGpu(ctx, x, 0, options);
  return { min: m.min, max: m.max };
}

/**
 * Mean and variance in two passes: the mean, then the moments about c = float32(mean). The variance
 * is (Σ(x−c)² − (Σ(x−c))²/n)/(n − ddof): exact for any c, and free of cancellation because c is
 * within float32 rounding of the mean (a one-pass Σx² − (Σx)²/n would lose everything for data
 * with a large offset).
 */
export async function meanVarianceGpu(ctx: GpuContext, x: F32Input,
  options: MeanVarianceOptions & ReduceGpuOptions = {}): Promise<MeanVariance> {
  const n = x.length;
  const ddof = checkDdof(n, options.ddof);
  const first = await momentsGpu(ctx, x, 0, options);
  const c = Math.fround(first.sum / n);
  const second = await momentsGpu(ctx, x, c, options);
  // Moments about c give the mean again, more precisely than the first pass: mean = c + Σ(x−c)/n.
  return { n, mean: c + second.sum / n, variance: centredVariance(n, second.sum, second.sumSquares, ddof) };
}
