/**
 * The session's seams to featuring (`src/compute/peri/featuring/`) and the fitter
 * (`src/compute/peri/fit/`), replaceable in tests. A session built with `null` for either answers
 * the requests that need it with a clear `not-available` error; everything else works without.
 */
import { locateSpheres } from '../peri/featuring/locate';
import {
  addSubtract, burn, doLevmarqParticles, finishState, FitCancelledError, optimizeFromInitial, type FitControl,
} from '../peri/fit';
import type { PeriState } from '../peri/state';
import { EngineError } from './errors';
import type { FitSchedule, Vec3 } from './peri-session-types';

export interface FeatureInput {
  /** The crop, scaled by the exposure, row-major (z, y, x). */
  image: Float32Array;
  shape: Vec3;
  radius: number;
  /** Dark particles in bright fluid: feature 1 − (image − mean). */
  invert: boolean;
  minmass: number | null;
}

/** Centres (z, y, x) in crop pixels, strongest first. */
export type Featurer = (input: FeatureInput) => Vec3[];

export interface FitProgressReport {
  stage: string;
  loop: number;
  error: number;
}

export interface FitRunOptions {
  /** Particle indices for the 'particles' schedule. */
  particles?: number[];
  signal?: AbortSignal;
  /** Called between steps; the state is consistent then (the model view may be read). */
  onProgress?: (p: FitProgressReport) => void | Promise<void>;
}

export interface FitRunner {
  run(state: PeriState, schedule: FitSchedule, opts: FitRunOptions): Promise<{ stoppedEarly: boolean; warnings?: string[] }>;
}

export function notAvailable(what: string, issue: string): EngineError {
  return new EngineError('not-available', `${what} is not available yet: ${issue} has not landed in this build. Setup, particle edits, inspection and export work without it.`);
}

/** PERI's runner.locate_spheres (image minus its mean, local maxima of mass > 1 % of a sphere, edges trimmed). */
export const defaultFeaturer: Featurer | null = (input) =>
  locateSpheres(input.image, input.shape, input.radius, { invert: input.invert, minmass: input.minmass, trimEdge: true }) as Vec3[];

/** Runs one of PERI's schedules or stages (src/compute/peri/fit, synchronous) with one control. */
function runSchedule(state: PeriState, schedule: FitSchedule, particles: number[], control: FitControl): void {
  switch (schedule) {
    case 'optimize_from_initial': return void optimizeFromInitial(state, {}, control);
    case 'finish_state': return void finishState(state, {}, control);
    case 'burn': return void burn(state, { mode: 'burn' }, control);
    case 'polish': return void burn(state, { mode: 'polish' }, control);
    case 'add_subtract': return void addSubtract(state, {}, control);
    // PERI's OrthoManipulator: do_levmarq_particles([closest], max_iter=2).
    case 'particles': return void doLevmarqParticles(state, particles, { maxIter: 2 }, control);
  }
}

/** PERI's optimiser (seed 0: the same start gives the same fit); a cancel keeps the best state. */
export const defaultFitRunner: FitRunner | null = {
  async run(state, schedule, opts) {
    const warnings: string[] = [];
    try {
      runSchedule(state, schedule, opts.particles ?? [], {
        seed: 0,
        signal: opts.signal,
        onProgress: (ev) => void opts.onProgress?.({ stage: ev.stage, loop: ev.loop, error: ev.error }),
        onWarning: (m) => warnings.push(m),
      });
      return { stoppedEarly: false, warnings };
    } catch (err) {
      if (err instanceof FitCancelledError) return { stoppedEarly: true, warnings };
      throw err;
    }
  },
};
