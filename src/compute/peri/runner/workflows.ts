/**
 * PERI's runner workflows (`peri/runner.py`) on Lucid states:
 * - `featureFromPosRad`: a state from a configuration, an image and given positions and radii,
 *   then the fit schedules (PERI's feature_from_pos_rad);
 * - `getParticlesFeaturing`: keep a fitted state's microscope parameters, feature a new image and
 *   fit its particles (get_particles_featuring);
 * - `translateFeaturing`: keep parameters and positions for the next frame of a movie
 *   (translate_featuring), both through `translateParticles` (_translate_particles).
 * Every workflow takes one FitControl (seed, signal, progress). Cancelling returns the state at its
 * best accepted parameters with `cancelled: true` instead of throwing.
 */
import type { PeriConfig } from '../config/schema';
import { locateSpheres } from '../featuring/locate';
import { median } from '../featuring/feature-guess';
import { resolveControl, type FitControl, type ResolvedControl } from '../fit/control';
import { addSubtract } from '../fit/addsubtract';
import { FitCancelledError } from '../fit/errors';
import { finishState, optimizeFromInitial, type StageRecord } from '../fit/runner';
import { burn, type ScheduleResult } from '../fit/schedules';
import { createState } from '../state/create';
import type { PeriImage } from '../state/raw-image';
import type { PeriState } from '../state/state';
import type { Vec3 } from '../tile';
import { parseParticleParam } from '../params';
import { stateFileOf, stateOnNewImage, type StateSource } from './carry-over';
import { RunnerInputError } from './errors';

export const SCHEDULES = ['optimize_from_initial', 'finish_state', 'both'] as const;
export type ScheduleName = (typeof SCHEDULES)[number];

export interface WorkflowResult {
  state: PeriState;
  stages: StageRecord[];
  converged: boolean;
  cancelled: boolean;
  added: Vec3[];
  removed: Vec3[];
  /** Wall time of the fit (ms). */
  ms: number;
}

export interface ScheduleOptions {
  invert?: boolean | 'guess';
  rzOrder?: number;
  maxMem?: number;
}

function stage(stages: StageRecord[], name: string, st: PeriState, t0: number): void {
  stages.push({ stage: name, error: st.error, ms: performance.now() - t0 });
}

/** Runs the body; a cancellation is recorded as the last stage instead of thrown. */
function cancellable(st: PeriState, stages: StageRecord[], body: () => { converged: boolean }): { converged: boolean; cancelled: boolean } {
  const t0 = performance.now();
  try {
    return { converged: body().converged, cancelled: false };
  } catch (e) {
    if (!(e instanceof FitCancelledError)) throw e;
    stage(stages, 'cancelled', st, t0);
    return { converged: false, cancelled: true };
  }
}

/** optimize_from_initial, finish_state or both on a state. */
export function runSchedule(st: PeriState, schedule: ScheduleName = 'both', opts: ScheduleOptions = {}, control: FitControl | ResolvedControl = {}): WorkflowResult {
  if (!SCHEDULES.includes(schedule)) throw new RunnerInputError(`schedule must be one of ${SCHEDULES.join(', ')}, got '${schedule}'`);
  const ctl = resolveControl(control);
  const t0 = performance.now();
  const out: WorkflowResult = { state: st, stages: [{ stage: 'initial', error: st.error, ms: 0 }], converged: false, cancelled: false, added: [], removed: [], ms: 0 };
  const parts: ScheduleName[] = schedule === 'both' ? ['optimize_from_initial', 'finish_state'] : [schedule];
  for (const part of parts) {
    const { converged, cancelled } = cancellable(st, out.stages, () => {
      const r = part === 'optimize_from_initial'
        ? optimizeFromInitial(st, { invert: opts.invert, rzOrder: opts.rzOrder, maxMem: opts.maxMem }, ctl)
        : finishState(st, { invert: opts.invert }, ctl);
      out.stages.push(...r.stages.slice(1).map((s) => ({ ...s, stage: `${part}: ${s.stage}` })));
      out.added.push(...r.added);
      out.removed.push(...r.removed);
      return r;
    });
    out.converged = converged;
    out.cancelled = cancelled;
    if (cancelled) break;
  }
  out.ms = performance.now() - t0;
  return out;
}

export interface FromPositionsOptions extends ScheduleOptions {
  schedule?: ScheduleName;
}

/** PERI's feature_from_pos_rad: a state at the given particles, then the schedules (default optimize_from_initial). */
export function featureFromPosRad(
  config: PeriConfig | unknown,
  image: PeriImage,
  pos: readonly Vec3[],
  rad: number | readonly number[],
  opts: FromPositionsOptions = {},
  control: FitControl | ResolvedControl = {},
): WorkflowResult {
  const st = createState(config, image, { particles: { pos, rad } });
  return runSchedule(st, opts.schedule ?? 'optimize_from_initial', opts, control);
}

export interface TranslateOptions {
  maxMem?: number;
  minRad?: number | 'calc';
  maxRad?: number | 'calc';
  invert?: boolean | 'guess';
  rzOrder?: number;
  /** Run the closing burn and polish. Default true. */
  doPolish?: boolean;
}

/**
 * PERI's _translate_particles: particles only (without, then with radii), add_subtract, then a burn
 * and a polish of everything (each with fractol 3e-4).
 */
export function translateParticles(st: PeriState, opts: TranslateOptions = {}, control: FitControl | ResolvedControl = {}): WorkflowResult {
  const ctl = resolveControl(control);
  const quiet = { ...ctl, onWarning: () => {} };
  const { maxMem = 1e9, rzOrder = 0 } = opts;
  const t0 = performance.now();
  const out: WorkflowResult = { state: st, stages: [{ stage: 'initial', error: st.error, ms: 0 }], converged: false, cancelled: false, added: [], removed: [], ms: 0 };
  const timed = <T>(name: string, body: () => T): T => {
    const t = performance.now();
    const r = body();
    stage(out.stages, name, st, t);
    return r;
  };
  const run = cancellable(st, out.stages, () => {
    timed('particles (no radii)', () => burn(st, { mode: 'do-particles', nLoop: 4, fractol: 0.1, maxMem, includeRad: false }, quiet));
    timed('particles (with radii)', () => burn(st, { mode: 'do-particles', nLoop: 4, fractol: 0.05, maxMem, includeRad: true }, quiet));
    const as = timed('add_subtract', () => addSubtract(st, { tries: 30, minRad: opts.minRad ?? 'calc', maxRad: opts.maxRad ?? 'calc', invert: opts.invert ?? 'guess' }, ctl));
    out.added.push(...as.addedPoses);
    out.removed.push(...as.removedPoses);
    if (opts.doPolish === false) return { converged: true };
    timed('burn', () => burn(st, { mode: 'burn', nLoop: 3, fractol: 3e-4, maxMem, rzOrder }, quiet));
    const polish: ScheduleResult = timed('polish', () => burn(st, { mode: 'polish', nLoop: 4, fractol: 3e-4, maxMem, rzOrder }, quiet));
    if (!polish.converged) ctl.onWarning('translate: the final polish did not converge; consider re-running');
    return polish;
  });
  Object.assign(out, run, { ms: performance.now() - t0 });
  return out;
}

/** PERI's translate_featuring: the old state's parameters and particles on the next frame, then _translate_particles. */
export function translateFeaturing(old: StateSource, image: PeriImage, opts: TranslateOptions = {}, control: FitControl | ResolvedControl = {}): WorkflowResult {
  return translateParticles(stateOnNewImage(old, image), opts, control);
}

export interface ReFeatureOptions extends TranslateOptions {
  /** Feature size in pixels for the local-maximum featuring. */
  featureRad: number;
  /** Radius of the new particles; default the median of the old radii. */
  actualRad?: number;
  /** Featuring: dark particles in a dyed fluid. Default true (PERI's). */
  featureInvert?: boolean;
  minmass?: number | null;
  /** Fit a smooth field to the image before featuring. Default false. */
  dofilter?: boolean;
}

/** PERI's get_particles_featuring: the old parameters, particles re-featured on the new image, then _translate_particles. */
export function getParticlesFeaturing(old: StateSource, image: PeriImage, opts: ReFeatureOptions, control: FitControl | ResolvedControl = {}): WorkflowResult {
  if (!(opts.featureRad > 0)) throw new RunnerInputError(`the feature radius must be > 0 px, got ${opts.featureRad}`);
  const ctl = resolveControl(control);
  const oldRadii = Object.entries(stateFileOf(old).values).filter(([n]) => parseParticleParam(n)?.coord === 'a').map(([, v]) => v);
  const actualRad = opts.actualRad ?? (oldRadii.length ? median(oldRadii) : opts.featureRad);
  if (!(actualRad > 0)) throw new RunnerInputError(`the radius of re-featured particles must be > 0 px, got ${actualRad}`);
  const pos = locateSpheres(image.data, image.shape, opts.featureRad, { invert: opts.featureInvert ?? true, minmass: opts.minmass, dofilter: opts.dofilter, control: ctl });
  if (pos.length === 0) throw new RunnerInputError(`featuring found no particles of radius ${opts.featureRad} px in the new image; try another feature radius or keep the old positions`);
  const st = stateOnNewImage(old, image, { particles: { pos, rad: actualRad } });
  return translateParticles(st, opts, ctl);
}
