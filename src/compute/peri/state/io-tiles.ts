/**
 * PERI's get_update_io_tiles: the region a change touches (`otile`), padded by half the PSF's reach
 * and reflected at the grid's edges (`outer`, where the change is convolved), the part of it that
 * is written back (`inner`), both in padded-grid coordinates.
 */
import { nextSmoothSize } from '../../fft/smooth';
import { fastFftSize } from '../models/fft-blur';
import { Tile, type Vec3 } from '../tile';
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

export interface FftTile {
  /** Where the field is gathered and convolved (contains `valid`). */
  tile: Tile;
  /** The FFT shape (≥ tile.shape; the field zero-padded at the high end). */
  fftShape: Vec3;
}

/**
 * Where to convolve a field that is zero outside `support` so that H(field) on `valid` equals the
 * whole-grid circular convolution, on fast FFT sides. Per axis the tile spans `valid` and the part
 * of `support` within the kernel's `reach` of it; the FFT length n ≥ that span keeps every alias
 * (±n) of the support out of reach of `valid`: n ≥ max(supportEnd − valid.l, valid.r − supportStart)
 * + reach. Null when `valid` ± reach leaves the grid (the grid's wrap-around then matters) or the
 * support does not reach `valid`.
 */
export function linearFftTile(valid: Tile, support: Tile, reach: Vec3, grid: Tile): FftTile | null {
  if (valid.isEmpty || !grid.includes(valid.pad(reach))) return null;
  const l: number[] = [];
  const r: number[] = [];
  const fftShape: number[] = [];
  for (let a = 0; a < 3; a++) {
    const lo = Math.min(valid.l[a], Math.max(support.l[a], valid.l[a] - reach[a]));
    const hi = Math.max(valid.r[a], Math.min(support.r[a], valid.r[a] + reach[a]));
    const sl = Math.max(support.l[a], lo);
    const sr = Math.min(support.r[a], hi);
    if (sl >= sr) return null;
    l.push(lo);
    r.push(hi);
    fftShape.push(fastFftSize(Math.max(hi - lo, sr - valid.l[a] + reach[a], valid.r[a] + reach[a] - sl)));
  }
  return { tile: new Tile(l, r), fftShape: fftShape as Vec3 };
}
