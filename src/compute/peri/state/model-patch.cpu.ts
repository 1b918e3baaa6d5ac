/**
 * TS twin of model-patch.wgsl: writes a local update into the padded model (add a difference or
 * set a full evaluation, from `src` holding `srcTile`, on the `patch` tile), rewrites the residuals
 * there and returns Σ(r_new² − r_old²) over the voxels in the image (float64).
 */
import { PeriShapeError } from '../errors';
import { Tile } from '../tile';

export interface ModelPatch {
  model: Float32Array;
  grid: Tile;
  src: Float32Array;
  srcTile: Tile;
  patch: Tile;
  mode: 'add' | 'set';
  data: Float32Array;
  residuals: Float32Array;
  /** The image inside the padded grid (data and residuals hold it). */
  image: Tile;
}

export function checkPatch(p: ModelPatch): void {
  if (!p.grid.includes(p.patch) || !p.srcTile.includes(p.patch)) throw new PeriShapeError(`model patch ${p.patch} must lie inside the grid ${p.grid} and the source ${p.srcTile}`);
  if (p.src.length !== p.srcTile.volume || p.model.length !== p.grid.volume) throw new PeriShapeError('model patch: array lengths do not match their tiles');
  if (p.data.length !== p.image.volume || p.residuals.length !== p.image.volume) throw new PeriShapeError('model patch: data and residuals must hold the image');
}

export function modelPatchCpu(p: ModelPatch): number {
  checkPatch(p);
  const [, gy, gx] = p.grid.shape;
  const [, sy, sx] = p.srcTile.shape;
  const [, iy, ix] = p.image.shape;
  const [pz, py, px] = p.patch.shape;
  const { model, src, data, residuals, image } = p;
  const add = p.mode === 'add';
  // x-range of each row inside the image
  const x0 = Math.max(p.patch.l[2], image.l[2]);
  const x1 = Math.min(p.patch.l[2] + px, image.r[2]);
  let delta = 0;
  for (let z = 0; z < pz; z++) {
    const gzi = p.patch.l[0] + z;
    for (let y = 0; y < py; y++) {
      const gyi = p.patch.l[1] + y;
      const g0 = (gzi * gy + gyi) * gx;
      const s0 = ((gzi - p.srcTile.l[0]) * sy + (gyi - p.srcTile.l[1])) * sx - p.srcTile.l[2];
      const [xa, xb] = [p.patch.l[2], p.patch.l[2] + px];
      if (add) for (let x = xa; x < xb; x++) model[g0 + x] += src[s0 + x];
      else model.set(src.subarray(s0 + xa, s0 + xb), g0 + xa);
      if (gzi < image.l[0] || gzi >= image.r[0] || gyi < image.l[1] || gyi >= image.r[1]) continue;
      const d0 = ((gzi - image.l[0]) * iy + (gyi - image.l[1])) * ix - image.l[2];
      for (let x = x0; x < x1; x++) {
        const r = Math.fround(data[d0 + x] - model[g0 + x]);
        const old = residuals[d0 + x];
        residuals[d0 + x] = r;
        delta += r * r - old * old;
      }
    }
  }
  return delta;
}
