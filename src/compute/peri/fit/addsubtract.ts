/**
 * PERI's particle bookkeeping (`peri/opt/addsubtract.py`): the accept/reject test, adding featured
 * guesses, removing bad particles and the `add_subtract` loop. A particle stays iff removing it
 * would raise the error by at least max(im_change_frac·|Δimage|², min_derr), min_derr = 3σ.
 */
import { featureGuess, guessAddRadii, median, type FeatureGuessOptions } from '../featuring/feature-guess';
import type { Vec3 } from '../tile';
import { resolveControl, type FitControl, type ResolvedControl } from './control';
import { FitCancelledError, FitUpdateMismatchError } from './errors';
import { doLevmarq, doLevmarqParticles } from './levmarq';
import { nameGlobals, particleCount, positions, psfParams, radii, type FitState } from './state-view';

export interface AcceptOptions {
  imChangeFrac?: number;
  /** Default '3sig': 3·σ of the state. */
  minDerr?: number | '3sig';
}

/** PERI's should_particle_exist. */
export function shouldParticleExist(
  absentErr: number,
  presentErr: number,
  absentD: ArrayLike<number>,
  presentD: ArrayLike<number>,
  imChangeFrac = 0.2,
  minDerr = 0.1,
): boolean {
  let imChange = 0;
  for (let i = 0; i < presentD.length; i++) {
    const d = presentD[i] - absentD[i];
    imChange += d * d;
  }
  return absentErr - presentErr >= Math.max(imChangeFrac * imChange, minDerr);
}

function minDerrOf(st: FitState, o: AcceptOptions): number {
  const m = o.minDerr ?? '3sig';
  return m === '3sig' ? 3 * st.sigma : m;
}

export interface CheckAddOptions extends AcceptOptions {
  rad?: number | 'calc';
  doOpt?: boolean;
}

/** Adds each guess, fits its position (LM, 1 iteration) and keeps it if the test says so. */
export function checkAddParticles(st: FitState, guess: readonly Vec3[], opts: CheckAddOptions = {}, control: FitControl | ResolvedControl = {}): { accepts: number; newPoses: Vec3[] } {
  const ctl = resolveControl(control);
  const rad = opts.rad === undefined || opts.rad === 'calc' ? guessAddRadii(st) : opts.rad;
  const minDerr = minDerrOf(st, opts);
  const newPoses: Vec3[] = [];
  for (const p0 of guess) {
    const absentErr = st.error;
    const absentD = Float32Array.from(st.residuals);
    const [ind] = st.addParticles(p0, rad);
    try {
      if (opts.doOpt ?? true) {
        doLevmarqParticles(st, [ind], { damping: 1, maxIter: 1, runLength: 3, eigUpdate: false, includeRad: false, stage: 'add-subtract:add' }, ctl);
      }
    } catch (e) {
      if (e instanceof FitCancelledError) st.removeParticles(ind);
      throw e;
    }
    if (shouldParticleExist(absentErr, st.error, absentD, st.residuals, opts.imChangeFrac ?? 0.2, minDerr)) {
      newPoses.push(positions(st)[ind]);
    } else {
      st.removeParticles(ind);
      if (Math.abs(absentErr - st.error) > 1e-4 + 1e-7 * absentErr) {
        throw new FitUpdateMismatchError(`removing a rejected particle gave error ${st.error}, not ${absentErr}: the updates are not exact`);
      }
    }
  }
  return { accepts: newPoses.length, newPoses };
}

/** Removes particle `ind` and puts it back unless the test (in reverse) says it should go. */
export function checkRemoveParticle(st: FitState, ind: number, opts: AcceptOptions = {}): { killed: boolean; pos: Vec3; rad: number } {
  const presentErr = st.error;
  const presentD = Float32Array.from(st.residuals);
  const { pos, rad } = st.removeParticles(ind);
  const keep = shouldParticleExist(st.error, presentErr, st.residuals, presentD, opts.imChangeFrac ?? 0.2, minDerrOf(st, opts));
  if (keep) st.addParticles(pos[0], rad[0]);
  return { killed: !keep, pos: pos[0], rad: rad[0] };
}

export interface RemoveOptions extends AcceptOptions {
  minRad?: number | 'calc';
  maxRad?: number | 'calc';
  minEdgeDist?: number;
  checkRadCutoff?: readonly [number, number] | 'calc';
  checkOutsideIm?: boolean;
  tries?: number;
}

/** Population std of the radii between the 10 % and 90 % ranks (NaN when that slice is empty, as numpy). */
export function radiusSpread(rad: readonly number[]): number {
  const q10 = Math.floor(0.1 * rad.length);
  const mid = [...rad].sort((a, b) => a - b).slice(q10, rad.length - q10);
  if (q10 === 0 || mid.length === 0) return NaN;
  const m = mid.reduce((s, v) => s + v, 0) / mid.length;
  return Math.sqrt(mid.reduce((s, v) => s + (v - m) ** 2, 0) / mid.length);
}

/** PERI's 'calc' radius limits: median − 25σ_r, median + 15σ_r, and the check band median ± 7.5σ_r. */
export function radiusCutoffs(rad: readonly number[]): { minRad: number; maxRad: number; check: [number, number] } {
  const s = radiusSpread(rad);
  const m = median(rad);
  return { minRad: m - 25 * s, maxRad: m + 15 * s, check: [m - 7.5 * s, m + 7.5 * s] };
}

/** Whether a centre lies within `dist` of the padded grid's outer edge (PERI's is_near_im_edge). */
export function isNearImEdge(st: FitState, pos: readonly number[], dist: number): boolean {
  const shape = st.ishape.shape;
  return pos.some((v, i) => v + st.pad < dist || v > shape[i] + st.pad - dist);
}

export function removeBadParticles(st: FitState, opts: RemoveOptions = {}): { removed: number; deletePoses: Vec3[] } {
  const cut = radiusCutoffs(radii(st));
  const minRad = opts.minRad === undefined || opts.minRad === 'calc' ? cut.minRad : opts.minRad;
  const maxRad = opts.maxRad === undefined || opts.maxRad === 'calc' ? cut.maxRad : opts.maxRad;
  const check = opts.checkRadCutoff === 'calc' ? cut.check : (opts.checkRadCutoff ?? [3.5, 15]);
  const minEdge = opts.minEdgeDist ?? 2;
  const pos0 = positions(st);
  const rad0 = radii(st);
  const deletePoses = pos0.filter((p, i) => rad0[i] < minRad || rad0[i] > maxRad || isNearImEdge(st, p, minEdge - st.pad));
  let removed = 0;
  for (const p of deletePoses) {
    st.removeParticles(st.closestParticle(p));
    removed++;
  }
  const pos1 = positions(st);
  const rad1 = radii(st);
  const checkInds = rad1
    .map((_, i) => i)
    .filter((i) => rad1[i] < check[0] || rad1[i] > check[1] || ((opts.checkOutsideIm ?? true) && isNearImEdge(st, pos1[i], st.pad)))
    .sort((a, b) => rad1[a] - rad1[b] || a - b);
  const tries = Math.min(opts.tries ?? 50, checkInds.length);
  for (const i of checkInds.slice(0, tries)) {
    const p = pos1[i];
    if (checkRemoveParticle(st, st.closestParticle(p), opts).killed) {
      removed++;
      deletePoses.push(p);
    }
  }
  return { removed, deletePoses };
}

export interface AddMissingOptions extends CheckAddOptions, Omit<FeatureGuessOptions, 'trimEdge'> {
  tries?: number;
}

/** PERI's add_missing_particles: feature the residuals, try the `tries` most massive guesses. */
export function addMissingParticles(st: FitState, opts: AddMissingOptions = {}, control: FitControl | ResolvedControl = {}): { accepts: number; newPoses: Vec3[] } {
  const rad = opts.rad === undefined || opts.rad === 'calc' ? guessAddRadii(st) : opts.rad;
  const { guess, npart } = featureGuess(st, rad, { invert: opts.invert, minmass: opts.minmass });
  return checkAddParticles(st, guess.slice(0, Math.min(opts.tries ?? 50, npart)), { ...opts, rad }, control);
}

export interface AddSubtractOptions extends AddMissingOptions, Omit<RemoveOptions, 'tries'> {
  maxIter?: number;
  /** Refit the globals after this many changes; default 'calc' (5 % of the particles). */
  maxNpart?: number | 'calc';
  maxMem?: number;
  alwaysCheckRemove?: boolean;
}

/** PERI's add_subtract: remove and add until nothing changes, then polish the added particles. */
export function addSubtract(st: FitState, opts: AddSubtractOptions = {}, control: FitControl | ResolvedControl = {}): { totalChanged: number; removedPoses: Vec3[]; addedPoses: Vec3[] } {
  const ctl = resolveControl(control);
  const maxNpart = opts.maxNpart === undefined || opts.maxNpart === 'calc' ? 0.05 * particleCount(st) : opts.maxNpart;
  let total = 0;
  let sinceOpt = 0;
  const removedPoses: Vec3[] = [];
  const added0: Vec3[] = [];
  let nr = 1;
  for (let it = 0; it < (opts.maxIter ?? 7); it++) {
    let rposes: Vec3[] = [];
    if (nr !== 0 || opts.alwaysCheckRemove) ({ removed: nr, deletePoses: rposes } = removeBadParticles(st, opts));
    const { accepts: na, newPoses } = addMissingParticles(st, opts, ctl);
    const changed = na + nr;
    removedPoses.push(...rposes);
    added0.push(...newPoses);
    total += changed;
    sinceOpt += changed;
    ctl.onProgress({ stage: 'add-subtract', loop: it, error: st.error, params: [] });
    if (changed === 0) break;
    if (sinceOpt > maxNpart) {
      sinceOpt = 0;
      const names = nameGlobals(st, psfParams(st));
      doLevmarq(st, names, { maxIter: 1, runLength: 4, numEigDirs: 3, maxMem: opts.maxMem ?? 2e8, eigUpdateFrequency: 2, rzOrder: 0, useAccel: true, stage: 'add-subtract:globals' }, ctl);
    }
  }
  const addedPoses: Vec3[] = [];
  for (const p of added0) {
    const i = st.closestParticle(p);
    doLevmarqParticles(st, [i], { maxIter: 2, damping: 0.3, stage: 'add-subtract:polish' }, ctl);
    addedPoses.push(positions(st)[i]);
  }
  return { totalChanged: total, removedPoses, addedPoses };
}
