/**
 * Running PERI's schedules: progress (stage, loop, error) into the store, the error trace for the
 * plot, the model views following the fit (the session's version moves on with every report), and
 * stop (pause or cancel), which keeps the state the fit had reached.
 */
import type { FitProgressDetail, FitSchedule } from '../../workers/protocol';
import { getEngine } from '../engine/engine';
import type { LucidStore } from '../store';
import { fitTrace, setCachedParticles, setFitTrace } from './fit-cache';
import { liveSections, showLiveSlices } from './manipulator-registry';
import { manipulatorDisplay } from './manipulator-view';
import { refreshParticles, report, serial } from './session-actions';

let running: AbortController | null = null;
let last: { schedule: FitSchedule; ids?: number[] } | null = null;

export const SCHEDULE_LABELS: Record<FitSchedule, string> = {
  optimize_from_initial: 'optimize_from_initial',
  finish_state: 'finish_state',
  burn: 'burn',
  polish: 'polish',
  add_subtract: 'add_subtract',
  particles: 'fit particles',
};

export function fitIsRunning(): boolean {
  return running !== null;
}

export function runFit(store: LucidStore, schedule: FitSchedule, ids?: number[]): Promise<void> {
  return serial(async () => {
    const s = store.getState().session;
    if (!s || running) return;
    const ctl = new AbortController();
    running = ctl;
    last = { schedule, ids };
    // This run's points replace themselves: live reports first, the engine's full trace at the end.
    const prior = fitTrace();
    const base = prior.at(-1)?.ms ?? 0;
    const points = [{ ms: base, error: s.error, stage: 'initial' }];
    const live = { view: manipulatorDisplay(store.getState(), s).view, slices: liveSections() };
    store.getState().setFitProgress({ stage: SCHEDULE_LABELS[schedule], loop: 0, error: s.error, fraction: 0, elapsedMs: 0 });
    try {
      const out = await getEngine().periRunFit({ sessionId: s.sessionId, schedule, ids, live }, {
        signal: ctl.signal,
        onProgress: (fraction, stage, detail) => {
          const d = (detail ?? {}) as Partial<FitProgressDetail>;
          const error = d.error ?? Number.NaN;
          const elapsedMs = d.elapsedMs ?? 0;
          store.getState().setFitProgress({ stage: d.stage ?? stage, loop: d.loop ?? 0, error, fraction, elapsedMs });
          points.push({ ms: base + elapsedMs, error, stage: d.stage ?? stage });
          setFitTrace(store, [...prior, ...points]);
          if (d.slices) showLiveSlices(d.slices);
          if (d.particles) setCachedParticles(store, d.particles);
        },
      });
      store.getState().setSession(out.info);
      for (const w of out.warnings) store.getState().notify('warning', `${SCHEDULE_LABELS[schedule]}: ${w}`);
      setFitTrace(store, [...prior, ...out.trace.map((t) => ({ ...t, ms: base + t.ms }))]);
      await refreshParticles(store);
      if (out.stoppedEarly) store.getState().notify('info', `${SCHEDULE_LABELS[schedule]} stopped; the state reached (error ${out.info.error.toPrecision(6)}) is kept.`);
    } catch (err) {
      report(store, `${SCHEDULE_LABELS[schedule]} failed`, err);
    } finally {
      running = null;
      store.getState().setFitProgress(null);
    }
  });
}

/** Pause and cancel both stop the fit and keep the state it reached; pause remembers what to resume. */
export function stopFit(keepForResume: boolean): void {
  if (!keepForResume) last = null;
  running?.abort();
}

export function resumeFit(store: LucidStore): Promise<void> {
  return last ? runFit(store, last.schedule, last.ids) : Promise.resolve();
}

export function canResume(): boolean {
  return last !== null && running === null;
}

/** PERI's CRB for every particle's position and radius, shown as ± in the table and exported. */
export function computeErrorBars(store: LucidStore): Promise<void> {
  return serial(async () => {
    const s = store.getState().session;
    if (!s) return;
    store.getState().setProgress({ label: 'Error bars', fraction: null, stage: 'Cramér–Rao bound' });
    try {
      store.getState().setSession(await getEngine().periErrorBars(s.sessionId));
      await refreshParticles(store);
    } catch (err) {
      report(store, 'The error bars could not be computed', err);
    } finally {
      store.getState().setProgress(null);
    }
  });
}
