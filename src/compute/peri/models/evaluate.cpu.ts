/** A model stage on a tile, on the CPU: pre-blur expression, PSF, post-blur expression. */
import { PeriValueError } from '../errors';
import type { PsfComponent } from '../psfs/psf';
import type { Tile } from '../tile';
import { blurOnTile, type BlurOptions } from './blur';
import { modelPostCpu, modelPreCpu } from './expression.cpu';
import { isIdentityPost, type FieldRef, type ModelStage } from './stage';

/** Fields of the stage's references on the tile (row-major, tile.volume values). */
export type FieldSource = (ref: string) => Float32Array;

/** Work buffers a caller may lend (tile.volume values each): the pre-blur field and H of it. */
export interface StageBuffers {
  pre?: Float32Array;
  h?: Float32Array;
}

/**
 * The whole stage (arguments as `blurredPreCpu`): `blur` says where the result is needed (`valid`)
 * and whether the pre-blur field is mostly zero. With `buffers.h` the result may be that buffer.
 */
export function evaluateStageCpu(...args: Parameters<typeof blurredPreCpu>): Float32Array {
  const [stage, , fields] = args;
  const h = blurredPreCpu(...args);
  return postCpu(stage, h, fields, h);
}

/** The first half of a stage: h = H(pre), or pre when the stage does not blur. */
export function blurredPreCpu(
  stage: ModelStage,
  tile: Tile,
  fields: FieldSource,
  psf: PsfComponent | null,
  blur: Pick<BlurOptions, 'valid' | 'skipZeros' | 'fftShape'> = {},
  buffers: StageBuffers = {},
): Float32Array {
  const get = (r: FieldRef) => (r === null ? null : fields(r));
  const out = stage.blur ? (buffers.pre ?? new Float32Array(tile.volume)) : (buffers.h ?? new Float32Array(tile.volume));
  const pre = modelPreCpu(stage.pre.c, get(stage.pre.a), get(stage.pre.b), out);
  if (!stage.blur) return pre;
  if (!psf) throw new PeriValueError('this model blurs with a PSF but the state has no psf component');
  return blurOnTile(psf, pre, tile, { ...blur, consume: true, out: buffers.h });
}

/** The second half: the post-blur expression of h into `out` (which may be h itself). */
export function postCpu(stage: ModelStage, h: Float32Array, fields: FieldSource, out: Float32Array): Float32Array {
  if (isIdentityPost(stage.post)) {
    if (out !== h) out.set(h);
    return out;
  }
  const get = (r: FieldRef) => (r === null ? null : fields(r));
  return modelPostCpu(stage.post.d, h, get(stage.post.a), get(stage.post.b), out);
}
