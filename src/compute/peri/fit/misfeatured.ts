/**
 * PERI's `add_subtract_locally`: find regions where the residuals are too large (a 5³ box mean of
 * r², its square root above mean + 8·std, or an Otsu threshold), as 6-connected components turned
 * into tiles (largest first), then in each tile remove every particle, re-feature the residuals
 * and re-add, fit the new particles, and revert if the error went up.
 */
import { featureGuessImage, guessAddRadii, guessInvert } from '../featuring/feature-guess';
import { label, uniformFilter } from '../featuring/ndimage';
import { Tile, copyTileOut, type Vec3 } from '../tile';
import { checkAddParticles, type AcceptOptions } from './addsubtract';
import { resolveControl, type FitControl, type ResolvedControl } from './control';
import { FitRegionError } from './errors';
import { doLevmarqParticles } from './levmarq';
import { positions, type FitState } from './state-view';

/** PERI's otsu_threshold: 255-bin histogram, the bin edge maximising the between-class variance. */
export function otsuThreshold(data: ArrayLike<number>, bins = 255): number {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < data.length; i++) {
    lo = Math.min(lo, data[i]);
    hi = Math.max(hi, data[i]);
  }
  if (lo === hi) return lo;
  const width = (hi - lo) / bins;
  const h = new Float64Array(bins);
  for (let i = 0; i < data.length; i++) h[Math.min(bins - 1, Math.floor((data[i] - lo) / width))] += 1 / data.length;
  let wk = 0;
  let mk = 0;
  let mt = 0;
  for (let b = 0; b < bins; b++) mt += (lo + (b + 0.5) * width) * h[b];
  let best = 0;
  let bestSb = -Infinity;
  for (let b = 0; b < bins; b++) {
    wk += h[b];
    mk += (lo + (b + 0.5) * width) * h[b];
    const sb = (mt * wk - mk) ** 2 / (wk * (1 - wk) + 1e-15);
    if (sb > bestSb) [best, bestSb] = [b, sb];
  }
  return lo + (best + 0.5) * width;
}

export interface MisfeaturedOptions {
  filterSize?: number;
  /** Threshold in standard deviations above the mean, or 'otsu'. Default 8. */
  sigmaCutoff?: number | 'otsu';
}

/** Tiles (image coordinates) around regions of too-large residuals, largest volume first. */
export function identifyMisfeaturedRegions(residuals: ArrayLike<number>, shape: Vec3, opts: MisfeaturedOptions = {}): Tile[] {
  const r2 = Float64Array.from(residuals, (v) => v * v);
  const f = uniformFilter(r2, shape, opts.filterSize ?? 5, 'reflect').map(Math.sqrt);
  const cut = opts.sigmaCutoff ?? 8;
  let maxOk: number;
  if (cut === 'otsu') {
    maxOk = otsuThreshold(f);
  } else {
    const mean = f.reduce((s, v) => s + v, 0) / f.length;
    const std = Math.sqrt(f.reduce((s, v) => s + (v - mean) ** 2, 0) / f.length);
    maxOk = mean + cut * std;
  }
  const { labels, count } = label(f.map((v) => (v > maxOk ? 1 : 0)), shape);
  const lo = Array.from({ length: count }, () => [Infinity, Infinity, Infinity]);
  const hi = Array.from({ length: count }, () => [-Infinity, -Infinity, -Infinity]);
  const [, ny, nx] = shape;
  labels.forEach((l, i) => {
    if (!l) return;
    const p = [Math.floor(i / (ny * nx)), Math.floor(i / nx) % ny, i % nx];
    for (let a = 0; a < 3; a++) {
      lo[l - 1][a] = Math.min(lo[l - 1][a], p[a]);
      hi[l - 1][a] = Math.max(hi[l - 1][a], p[a] + 1);
    }
  });
  const tiles = lo.map((l, k) => new Tile(l, hi[k]));
  // numpy's argsort(volumes)[::-1]: ascending (stable for small counts), then reversed.
  return tiles.map((_, i) => i).sort((a, b) => tiles[a].volume - tiles[b].volume || a - b).reverse().map((i) => tiles[i]);
}

export interface LocalTileOptions extends AcceptOptions {
  rad?: number | 'calc';
  maxIter?: number;
  invert?: boolean | 'guess';
  maxAllowedRemove?: number;
  minmass?: number | null;
}

/** PERI's add_subtract_misfeatured_tile. */
export function addSubtractMisfeaturedTile(st: FitState, tile: Tile, opts: LocalTileOptions = {}, control: FitControl | ResolvedControl = {}): { nAdded: number; addedPoses: Vec3[] } {
  const ctl = resolveControl(control);
  const rad = opts.rad === undefined || opts.rad === 'calc' ? guessAddRadii(st) : opts.rad;
  const invert = opts.invert === undefined || opts.invert === 'guess' ? guessInvert(st) : opts.invert;
  const maxRemove = opts.maxAllowedRemove ?? 20;
  const initialError = st.error;
  const rinds = positions(st).flatMap((p, i) => (tile.contains(p) ? [i] : []));
  if (rinds.length >= maxRemove) throw new FitRegionError(`misfeatured region ${tile} holds ${rinds.length} particles, at least max_allowed_remove = ${maxRemove}`);
  if (rinds.length >= maxRemove / 2) ctl.onWarning(`large misfeatured region ${tile} (${rinds.length} particles)`);
  const removed = rinds.length ? st.removeParticles(rinds) : { pos: [], rad: [] };
  let nAdded = -rinds.length;
  let addedPoses: Vec3[] = [];
  const image = new Tile(st.ishape.shape);
  let it = 0;
  for (; it < (opts.maxIter ?? 3); it++) {
    const r = copyTileOut(st.residuals, image, tile);
    const im = invert ? r.map((v) => 1 - v) : r;
    const { guess } = featureGuessImage(im, tile.shape, rad, { minmass: opts.minmass });
    const shifted = guess.map((g) => g.map((v, a) => v + tile.l[a]) as Vec3);
    const { accepts, newPoses } = checkAddParticles(st, shifted, { ...opts, rad, doOpt: true }, ctl);
    addedPoses.push(...newPoses);
    nAdded += accepts;
    if (accepts === 0) break;
  }
  if (it === (opts.maxIter ?? 3)) ctl.onWarning('runaway adds or insufficient max_iter in add_subtract_locally');
  const ainds = [...new Set(addedPoses.map((p) => st.closestParticle(p)))];
  for (let i = 0; i < ainds.length; i += maxRemove) {
    doLevmarqParticles(st, ainds.slice(i, i + maxRemove), { includeRad: true, maxIter: 3, stage: 'add-subtract-locally' }, ctl);
  }
  if ((rinds.length > 0 || ainds.length > 0) && st.error > initialError) {
    if (ainds.length) st.removeParticles(ainds);
    removed.pos.forEach((p, k) => st.addParticles(p, removed.rad[k]));
    nAdded = 0;
    addedPoses = [];
  }
  return { nAdded, addedPoses };
}

export interface AddSubtractLocallyOptions extends LocalTileOptions, MisfeaturedOptions {
  regionDepth?: number;
}

/** PERI's add_subtract_locally: the misfeatured tiles in turn until more than region_depth added nothing. */
export function addSubtractLocally(st: FitState, opts: AddSubtractLocallyOptions = {}, control: FitControl | ResolvedControl = {}): { nAdded: number; newPoses: Vec3[] } {
  const ctl = resolveControl(control);
  const tiles = identifyMisfeaturedRegions(st.residuals, st.ishape.shape, opts);
  let nEmpty = 0;
  let nAdded = 0;
  const newPoses: Vec3[] = [];
  for (const [k, t] of tiles.entries()) {
    const { nAdded: n, addedPoses } = addSubtractMisfeaturedTile(st, t, opts, ctl);
    if (n === 0) nEmpty++;
    else {
      nAdded += n;
      newPoses.push(...addedPoses);
    }
    ctl.onProgress({ stage: 'add-subtract-locally', loop: k, error: st.error, params: [] });
    if (nEmpty > (opts.regionDepth ?? 3)) break;
  }
  return { nAdded, newPoses };
}
