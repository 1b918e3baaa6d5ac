/** A model stage on a tile, on the CPU: pre-blur expression, PSF, post-blur expression. */
import { PeriValueError } from '../errors';
import type { PsfComponent } from '../psfs/psf';
import type { Tile } from '../tile';
import { blurOnTile } from './blur';
import { modelPostCpu, modelPreCpu } from './expression.cpu';
import { isIdentityPost, type FieldRef, type ModelStage } from './stage';

/** Fields of the stage's references on the tile (row-major, tile.volume values). */
export type FieldSource = (ref: string) => Float32Array;

export function evaluateStageCpu(stage: ModelStage, tile: Tile, fields: FieldSource, psf: PsfComponent | null): Float32Array {
  const get = (r: FieldRef) => (r === null ? null : fields(r));
  const pre = modelPreCpu(stage.pre.c, get(stage.pre.a), get(stage.pre.b), new Float32Array(tile.volume));
  let h = pre;
  if (stage.blur) {
    if (!psf) throw new PeriValueError('this model blurs with a PSF but the state has no psf component');
    h = blurOnTile(psf, pre, tile, true);
  }
  if (isIdentityPost(stage.post)) return h;
  return modelPostCpu(stage.post.d, h, get(stage.post.a), get(stage.post.b), h);
}
