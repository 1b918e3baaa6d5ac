/**
 * The full model of a state evaluated on the GPU: the state's current fields (P, I, B on the padded
 * grid) are uploaded, the fused pre-blur expression, the PSF and the post-blur expression run as
 * kernels, and the model is read back. Agrees with the CPU state's model (kernel test); a PSF with no
 * GPU path is applied on the CPU between the two kernels.
 */
import type { GpuContext } from '../../gpu/context';
import { BufferUsage } from '../../gpu/usage';
import { GpuBlurResources, recordBlur } from '../models/blur.gpu';
import { recordModelPost, recordModelPre } from '../models/expression.gpu';
import { isIdentityPost, type ModelStage } from '../models/stage';
import { copyTileOut, type Tile } from '../tile';
import type { PeriState } from './state';

const RW = BufferUsage.STORAGE | BufferUsage.COPY_SRC | BufferUsage.COPY_DST;

export interface RenderGpuOptions {
  /** Return the model on the padded grid instead of the image. */
  padded?: boolean;
}

async function runStage(ctx: GpuContext, state: PeriState, stage: ModelStage, tile: Tile): Promise<Float32Array> {
  const n = tile.volume;
  const uploads = new Map<string, GPUBuffer>();
  const field = (ref: string | null) => {
    if (ref === null) return null;
    let b = uploads.get(ref);
    if (!b) {
      b = ctx.upload(state.comps.field(ref, tile), BufferUsage.STORAGE | BufferUsage.COPY_DST, `field ${ref}`);
      uploads.set(ref, b);
    }
    return b;
  };
  const out = ctx.createBuffer(n * 4, RW, 'model');
  const res = new GpuBlurResources();
  const psf = state.comps.psf();
  try {
    let blurred = !stage.blur;
    await ctx.run('peri/model', (enc) => {
      res.buffers.push(...recordModelPre(ctx, enc, stage.pre.c, n, { a: field(stage.pre.a), b: field(stage.pre.b), out }));
      if (stage.blur && psf) blurred = recordBlur(ctx, enc, psf, out, tile, res);
    });
    if (!blurred) {
      const pre = new Float32Array(await ctx.read(out, n * 4));
      ctx.device.queue.writeBuffer(out, 0, psf!.execute(pre, tile) as Float32Array<ArrayBuffer>);
    }
    if (!isIdentityPost(stage.post)) {
      await ctx.run('peri/model-post', (enc) => {
        res.buffers.push(...recordModelPost(ctx, enc, stage.post.d, n, { a: field(stage.post.a), b: field(stage.post.b), out }));
      });
    }
    return new Float32Array(await ctx.read(out, n * 4));
  } finally {
    res.release();
    uploads.forEach((b) => b.destroy());
    out.destroy();
  }
}

/** The state's full model computed on the GPU (image region, or the padded grid). */
export async function renderModelGpu(ctx: GpuContext, state: PeriState, opts: RenderGpuOptions = {}): Promise<Float32Array> {
  const stage = state.imageModel.full((c) => state.comps.scalar(c));
  const padded = await runStage(ctx, state, stage, state.oshape);
  return opts.padded ? padded : copyTileOut(padded, state.oshape, state.ishape);
}
