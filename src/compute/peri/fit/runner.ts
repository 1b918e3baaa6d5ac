/**
 * PERI's runner schedules: `optimizeFromInitial` (burn without radii, burn with radii,
 * add_subtract, polish with the rz_order radius augmentation) and `finishState` (local
 * add/subtract passes, finish, polish, finish). All steps share one FitControl: one seeded
 * generator (deterministic runs), one AbortSignal, one progress stream.
 */
import type { Vec3 } from '../tile';
import { median } from '../featuring/feature-guess';
import { addSubtract } from './addsubtract';
import { resolveControl, type FitControl, type ResolvedControl } from './control';
import { addSubtractLocally } from './misfeatured';
import { burn, finish, type ScheduleResult } from './schedules';
import { radii, type FitState } from './state-view';

export interface OptimizeFromInitialOptions {
  maxMem?: number;
  invert?: boolean | 'guess';
  rzOrder?: number;
  minRad?: number | null;
  maxRad?: number | null;
}

export interface StageRecord {
  stage: string;
  error: number;
  ms: number;
}

export interface RunnerResult {
  converged: boolean;
  stages: StageRecord[];
  added: Vec3[];
  removed: Vec3[];
}

function timed<T>(stages: StageRecord[], stage: string, st: FitState, body: () => T): T {
  const t0 = performance.now();
  const out = body();
  stages.push({ stage, error: st.error, ms: performance.now() - t0 });
  return out;
}

export function optimizeFromInitial(st: FitState, opts: OptimizeFromInitialOptions = {}, control: FitControl | ResolvedControl = {}): RunnerResult {
  const ctl = resolveControl(control);
  const { maxMem = 1e9, invert = 'guess', rzOrder = 3 } = opts;
  const stages: StageRecord[] = [{ stage: 'initial', error: st.error, ms: 0 }];
  timed(stages, 'burn (no radii)', st, () => burn(st, { mode: 'burn', nLoop: 3, fractol: 0.1, includeRad: false, maxMem }, ctl));
  timed(stages, 'burn (with radii)', st, () => burn(st, { mode: 'burn', nLoop: 3, fractol: 0.1, includeRad: true, maxMem }, ctl));
  const med = median(radii(st));
  const as = timed(stages, 'add_subtract', st, () =>
    addSubtract(st, { tries: 30, minRad: opts.minRad ?? 0.5 * med, maxRad: opts.maxRad ?? 1.5 * med, invert }, ctl),
  );
  const polish: ScheduleResult = timed(stages, `polish (rz_order ${rzOrder})`, st, () => burn(st, { mode: 'polish', nLoop: 8, fractol: 3e-4, rzOrder, maxMem }, ctl));
  if (!polish.converged) ctl.onWarning('optimize_from_initial did not converge; consider running finishState');
  return { converged: polish.converged, stages, added: as.addedPoses, removed: as.removedPoses };
}

export function finishState(st: FitState, opts: { invert?: boolean | 'guess' } = {}, control: FitControl | ResolvedControl = {}): RunnerResult {
  const ctl = resolveControl(control);
  const invert = opts.invert ?? 'guess';
  const stages: StageRecord[] = [{ stage: 'initial', error: st.error, ms: 0 }];
  const added: Vec3[] = [];
  timed(stages, 'add_subtract_locally', st, () => {
    for (const minmass of [null, 0]) {
      for (let i = 0; i < 3; i++) {
        const { nAdded, newPoses } = addSubtractLocally(st, { regionDepth: 7, minmass, invert }, ctl);
        added.push(...newPoses);
        if (nAdded === 0) break;
      }
    }
  });
  timed(stages, 'finish (1 loop)', st, () => finish(st, { nLoop: 1, separatePsf: true }, { ...ctl, onWarning: () => {} }));
  timed(stages, 'polish (2 loops)', st, () => burn(st, { mode: 'polish', nLoop: 2 }, { ...ctl, onWarning: () => {} }));
  const last = timed(stages, 'finish (4 loops)', st, () => finish(st, { nLoop: 4 }, { ...ctl, onWarning: () => {} }));
  if (!last.converged) ctl.onWarning('optimization did not converge; consider re-running');
  return { converged: last.converged, stages, added, removed: [] };
}
