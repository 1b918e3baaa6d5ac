/**
 * A separable field (fields/separable-field.cpu.ts) expanded on a tile, with the one- and two-term
 * cases (every polynomial ILM and background) as straight loops over hoisted planes: the same
 * arithmetic as evaluateSeparableCpu, hence the same values, in half the time. A full model
 * evaluation expands the ILM on a quarter of the padded grid after each of its changes.
 */
import { checkSeparable, evaluateSeparableCpu, type SeparableField } from '../fields/separable-field.cpu';
import { PeriShapeError } from '../errors';
import { Tile } from '../tile';

export function expandSeparable(f: SeparableField, tile: Tile): Float32Array {
  checkSeparable(f);
  if (!new Tile(f.shape).includes(tile)) throw new PeriShapeError(`${tile} is not inside the grid ${f.shape.join('×')}`);
  const K = f.xy.length;
  if (K > 2) return evaluateSeparableCpu(f, tile);
  const nx = f.shape[2];
  const { scale, offset } = f;
  const out = new Float32Array(tile.volume);
  const [xy0, z0] = [f.xy[0], f.z[0]];
  const [xy1, z1] = K === 2 ? [f.xy[1], f.z[1]] : [xy0, z0];
  let i = 0;
  for (let z = tile.l[0]; z < tile.r[0]; z++) {
    const [a, b] = [z0[z], z1[z]];
    for (let y = tile.l[1]; y < tile.r[1]; y++) {
      const row = y * nx;
      if (K === 1) {
        for (let x = tile.l[2]; x < tile.r[2]; x++) out[i++] = scale * (a * xy0[row + x]) + offset;
      } else {
        for (let x = tile.l[2]; x < tile.r[2]; x++) out[i++] = scale * (a * xy0[row + x] + b * xy1[row + x]) + offset;
      }
    }
  }
  return out;
}
