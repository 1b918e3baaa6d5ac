/**
 * PERI's optimisation schedules (`peri/opt/optimize.py`): `burn` (modes 'burn', 'do-particles',
 * 'polish': globals then particle groups, per loop) and `finish` (globals in blocks that fit in
 * memory with every pixel, the PSF alone, then the particles).
 */
import { throwIfAborted } from './problem';
import { resolveControl, type FitControl, type ResolvedControl } from './control';
import { FitInputError } from './errors';
import { doLevmarq, doLevmarqAllParticleGroups } from './levmarq';
import { nameGlobals, psfParams, type FitState } from './state-view';

export type BurnMode = 'burn' | 'do-particles' | 'polish';

export interface BurnOptions {
  nLoop?: number;
  rzOrder?: number;
  fractol?: number;
  errtol?: number;
  mode?: BurnMode;
  maxMem?: number;
  includeRad?: boolean;
}

export interface ScheduleResult {
  converged: boolean;
  /** Error at the start and after each loop. */
  errors: number[];
}

/** Parameters PERI damps 1e7 times harder (directions the image barely determines). */
export const DEGENERATE_PARAMS = ['ilm-scale', 'ilm-off', 'ilm-z-0', 'bkg-z-0'];

/** PERI's vectorize_damping: a factor for every name containing a listed substring. */
export function vectorizeDamping(names: readonly string[], damping = 1, increase: readonly (readonly [string, number])[] = [['psf-', 1e4]]): Float64Array {
  return Float64Array.from(names, (name) => increase.reduce((d, [sub, f]) => (name.includes(sub) ? d * f : d), damping));
}

/** The globals burn fits in each mode. */
export function burnGlobals(st: FitState, mode: BurnMode): string[] {
  if (mode === 'do-particles') return ['ilm-scale', 'ilm-xy-0-0', 'bkg-xy-0-0', 'offset'].filter((p) => st.params.includes(p));
  if (mode === 'polish') return nameGlobals(st);
  const remove = psfParams(st);
  if (!remove.includes('zscale') && st.params.includes('zscale')) remove.push('zscale');
  return nameGlobals(st, remove);
}

function checkMode(mode: string): BurnMode {
  if (mode !== 'burn' && mode !== 'do-particles' && mode !== 'polish') throw new FitInputError(`burn mode must be 'burn', 'do-particles' or 'polish', got '${mode}'`);
  return mode;
}

export function burn(st: FitState, opts: BurnOptions = {}, control: FitControl | ResolvedControl = {}): ScheduleResult {
  const ctl = resolveControl(control);
  const mode = checkMode(opts.mode ?? 'burn');
  const { nLoop = 6, rzOrder = 0, fractol = 1e-4, errtol = 1e-2, maxMem = 1e9, includeRad = true } = opts;
  const names = burnGlobals(st, mode);
  const damping = vectorizeDamping([...names, ...Array.from({ length: rzOrder }, () => 'rz')], 1, [['psf-', 30], ...DEGENERATE_PARAMS.map((p) => [p, 1e7] as const)]);
  const errors = [st.error];
  let converged = false;
  for (let loop = 0; loop < nLoop && !converged; loop++) {
    throwIfAborted(ctl.signal);
    const start = st.error;
    if (names.length) {
      doLevmarq(st, names, {
        maxIter: mode === 'burn' ? 2 : 1, runLength: mode === 'do-particles' ? 3 : 6, eigUpdate: mode !== 'do-particles',
        numEigDirs: 10, eigUpdateFrequency: 3, rzOrder, damping, decreaseDampFactor: 10, useAccel: mode === 'burn',
        fractol: 0.1 * fractol, maxMem, stage: `${mode}:globals`, loop,
      }, ctl);
    }
    doLevmarqAllParticleGroups(st, {
      regionSize: 40, maxIter: 1, doCalcSize: true, runLength: 4, eigUpdate: false, damping: loop === 0 ? 1 : 1e-2,
      fractol: 0.1 * fractol, maxMem, includeRad, stage: `${mode}:particles`, loop,
    }, ctl);
    const derr = start - st.error;
    errors.push(st.error);
    converged = derr / st.error < fractol || derr < errtol;
    ctl.onProgress({ stage: mode, loop, error: st.error, params: names });
  }
  if (!converged) ctl.onWarning(`burn(${mode}) did not converge in ${nLoop} loops; consider re-running`);
  return { converged, errors };
}

export interface FinishOptions {
  nLoop?: number;
  maxMem?: number;
  separatePsf?: boolean;
  fractol?: number;
  errtol?: number;
}

export function finish(st: FitState, opts: FinishOptions = {}, control: FitControl | ResolvedControl = {}): ScheduleResult {
  const ctl = resolveControl(control);
  const { nLoop = 4, maxMem = 1e9, separatePsf = true, fractol = 1e-7, errtol = 1e-3 } = opts;
  const psf = separatePsf ? psfParams(st) : [];
  const globals = nameGlobals(st, psf);
  const perGroup = Math.max(1, Math.floor(maxMem / (8 * st.residuals.length)));
  const groups: string[][] = [];
  for (let a = 0; a < globals.length; a += perGroup) groups.push(globals.slice(a, a + perGroup));
  const errors = [st.error];
  let converged = false;
  for (let loop = 0; loop < nLoop && !converged; loop++) {
    throwIfAborted(ctl.signal);
    const start = st.error;
    for (const g of groups) doLevmarq(st, g, { damping: 0.1, decreaseDampFactor: 20, maxIter: 1, maxMem, eigUpdate: false, stage: 'finish:globals', loop }, ctl);
    if (psf.length) doLevmarq(st, psf, { maxMem, maxIter: 4, eigUpdate: false, stage: 'finish:psf', loop }, ctl);
    doLevmarqAllParticleGroups(st, { maxIter: 1, maxMem, stage: 'finish:particles', loop }, ctl);
    const derr = start - st.error;
    errors.push(st.error);
    converged = derr / st.error < fractol || derr < errtol;
    ctl.onProgress({ stage: 'finish', loop, error: st.error, params: globals });
  }
  if (!converged) ctl.onWarning(`finish() did not converge in ${nLoop} loops; consider re-running`);
  return { converged, errors };
}
