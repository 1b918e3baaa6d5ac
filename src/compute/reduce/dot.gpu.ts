/** GPU dot product (dot.wgsl): per-chunk float32 pairwise partials, combined on the host in float64. */
import type { GpuContext } from '../gpu/context';
import src from '../../shaders/reduce/dot.wgsl';
import { pairwiseSum } from './f64-sum';
import { recordPiece, runPieces, type F32Input, type ReduceGpuOptions, inputLength } from './pieces.gpu';

const KERNEL = 'reduce/dot';

/** Σ x·y */
export async function dotGpu(ctx: GpuContext, x: F32Input, y: F32Input, options: ReduceGpuOptions = {}): Promise<number> {
  const n = inputLength('dot', [x, y]);
  if (n === 0) return 0;
  const pipeline = ctx.pipeline(KERNEL, src);
  const raw = await runPieces(ctx, {
    kernel: KERNEL,
    inputs: [x, y],
    partialBytes: 4,
    params: (count) => new Uint32Array([count, 0, 0, 0]).buffer,
    record: (enc, piece) => recordPiece(ctx, enc, pipeline, KERNEL, piece),
  }, options);
  return pairwiseSum(new Float64Array(new Float32Array(raw)));
}
