/**
 * What the fitting code uses of a PERI state (`PeriState`), in one place: parameters, update,
 * residuals / error / σ, the grids, the particles and their update tiles. Helpers here reproduce
 * PERI's `name_globals`, `get_update_io_tiles(...)[1]` and `get_residuals_update_tile`.
 */
import { particlePosParams } from '../params';
import type { PeriState } from '../state/state';
import { updateTiles } from '../state/io-tiles';
import { Tile, type Vec3 } from '../tile';
import { FitInputError } from './errors';

export type FitState = Pick<
  PeriState,
  | 'params' | 'get' | 'update' | 'probe' | 'linearDerivatives' | 'residuals' | 'data' | 'error' | 'sigma' | 'pad' | 'oshape' | 'ishape'
  | 'spheres' | 'addParticles' | 'removeParticles' | 'closestParticle' | 'paramParticle' | 'component'
  | 'comps' | 'imageModel'
>;

/** Number of particles (0 without a sphere collection). */
export function particleCount(st: FitState): number {
  return st.spheres?.N ?? 0;
}

export function positions(st: FitState): Vec3[] {
  return st.spheres?.positions() ?? [];
}

export function radii(st: FitState): number[] {
  return st.spheres?.radii() ?? [];
}

function allIndices(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

/** Position (and radius) names of particles, PERI's param_particle / param_particle_pos. */
export function particleNames(st: FitState, particles: readonly number[], includeRad = true): string[] {
  if (includeRad) return st.paramParticle(particles);
  const prefix = st.spheres?.paramPrefix ?? 'sph';
  return particlePosParams(particles, prefix);
}

/** The PSF's parameter names ([] without a PSF). */
export function psfParams(st: FitState): string[] {
  return st.component('psf')?.params ?? [];
}

/** PERI's name_globals: every parameter but the particles', minus `remove`. */
export function nameGlobals(st: FitState, remove: readonly string[] = []): string[] {
  const particle = new Set(st.paramParticle(allIndices(particleCount(st))));
  const drop = new Set(remove);
  return st.params.filter((p) => !particle.has(p) && !drop.has(p));
}

/**
 * PERI's `get_update_io_tiles(names, values)[1]`: the tile of the padded grid whose model changes
 * when these particles move (their update tile at the current values, grown by the PSF's reach and
 * reflected at the grid's edges).
 */
export function particleUpdateInner(st: FitState, names: readonly string[]): Tile {
  const spheres = st.spheres;
  if (!spheres) throw new FitInputError('this state has no particles to fit');
  const otile = spheres.getUpdateTile(names, st.get(names));
  if (!otile) throw new FitInputError(`no particle parameter among ${names.slice(0, 4).join(', ')}`);
  const psf = st.imageModel.usesPsf ? st.comps.psf() : null;
  const pad = psf ? psf.getPaddingSize(otile) : null;
  return updateTiles(otile, st.oshape, pad).inner;
}

/** That region cut to the image, in image coordinates (PERI's get_residuals_update_tile). */
export function particleResidualTile(st: FitState, names: readonly string[]): Tile {
  return Tile.intersection(particleUpdateInner(st, names), st.ishape).translate(-st.pad);
}

/** Gathers a tile (image coordinates) of the state's residuals as float64, row-major. */
export function residualsOnTile(st: FitState, tile: Tile): Float64Array {
  const r = st.residuals;
  const [, ny, nx] = st.ishape.shape;
  const [tz, ty, tx] = tile.shape;
  const out = new Float64Array(Math.max(0, tile.volume));
  let k = 0;
  for (let z = 0; z < tz; z++) {
    for (let y = 0; y < ty; y++) {
      const row = ((tile.l[0] + z) * ny + (tile.l[1] + y)) * nx + tile.l[2];
      for (let x = 0; x < tx; x++) out[k++] = r[row + x];
    }
  }
  return out;
}

/** Gathers residuals at flat indices (or all of them when `inds` is null) as float64, into `out` if given (it may be longer). */
export function residualsAt(st: FitState, inds: Int32Array | null, out?: Float64Array): Float64Array {
  const r = st.residuals;
  const n = inds ? inds.length : r.length;
  const dst = out ?? new Float64Array(n);
  if (dst.length < n) throw new FitInputError(`residualsAt: the output holds ${dst.length} values, ${n} needed`);
  if (!inds) dst.set(r);
  else for (let k = 0; k < n; k++) dst[k] = r[inds[k]];
  return dst;
}
