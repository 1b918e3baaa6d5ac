/**
 * PERI's get_update_io_tiles: the region a change touches (`otile`), padded by half the PSF's reach
 * and reflected at the grid's edges (`outer`, where the change is convolved), the part of it that
 * is written back (`inner`), both in padded-grid coordinates.
 */
import { nextSmoothSize } from '../../fft/smooth';
import { Tile } from '../tile';
import { PeriStateError } from './errors';

export interface UpdateTiles {
  /** Tile the d-equation (or the full expression) is evaluated on. */
  outer: Tile;
  /** Tile of the model that is patched (inside outer). */
  inner: Tile;
}

/** Half the PSF support, PERI's (ptile.shape + 1) // 2. */
export function halfSupport(padding: Tile | null): [number, number, number] {
  const p = padding ? padding.shape : [0, 0, 0];
  return [Math.floor((p[0] + 1) / 2), Math.floor((p[1] + 1) / 2), Math.floor((p[2] + 1) / 2)];
}

export function updateTiles(otile: Tile, oshape: Tile, padding: Tile | null): UpdateTiles {
  const o = Tile.intersection(otile, oshape);
  if (o.isEmpty) throw new PeriStateError(`the update touches ${otile}, which lies outside the padded image ${oshape}`);
  const { inner, outer } = o.pad(halfSupport(padding)).reflectOverhang(oshape);
  return { inner, outer };
}

/** `inner` grown once more by the PSF reach, for a full (non-difference) evaluation on a tile. */
export function fullEvaluationTile(inner: Tile, oshape: Tile, padding: Tile | null): Tile {
  return inner.pad(halfSupport(padding)).reflectOverhang(oshape).outer;
}

/**
 * `tile` grown (inside `grid`) so that each side is 2·3·5·7-smooth where the grid allows, for FFT
 * convolutions on the tile (a prime side falls back to Bluestein, several times slower). A larger
 * tile leaves the result on `inner` unchanged: the difference it convolves is zero outside.
 */
export function growToSmooth(tile: Tile, grid: Tile): Tile {
  const l = [...tile.l];
  const r = [...tile.r];
  for (let a = 0; a < 3; a++) {
    const n = r[a] - l[a];
    const target = nextSmoothSize(n);
    if (target === n || target > grid.shape[a]) continue;
    const extra = target - n;
    l[a] -= Math.floor(extra / 2);
    r[a] += extra - Math.floor(extra / 2);
    if (l[a] < grid.l[a]) [r[a], l[a]] = [r[a] + grid.l[a] - l[a], grid.l[a]];
    if (r[a] > grid.r[a]) [l[a], r[a]] = [l[a] - (r[a] - grid.r[a]), grid.r[a]];
  }
  return new Tile(l, r);
}
