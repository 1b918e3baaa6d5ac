/**
 * Runs a fit schedule on a session: progress with stage, loop and error (plus, at most every
 * LIVE_INTERVAL_MS, the sections the UI shows and the particles, since a running fit keeps the
 * engine from answering other requests); cancel keeps the best state.
 */
import { EngineError, isCancellation } from './errors';
import type { FitRunner } from './peri-session-adapters';
import type { PeriSession } from './peri-session';
import type { FitArgs, FitProgressDetail, FitResult, FitSchedule, LiveView } from './peri-session-types';
import type { RequestControl } from './types';

export const FIT_SCHEDULES: readonly FitSchedule[] = ['optimize_from_initial', 'finish_state', 'burn', 'polish', 'add_subtract', 'particles'];

/** Rough share of the progress bar per report; fits report iterations, not fractions. */
const REPORT_SHARE = 0.02;
export const LIVE_INTERVAL_MS = 300;

function liveSections(session: PeriSession, live: LiveView | undefined): FitProgressDetail['slices'] {
  if (!live) return undefined;
  try {
    return live.slices.map((s) => ({ ...session.slice(live.view, s.plane, s.index), plane: s.plane, index: s.index }));
  } catch {
    return undefined;
  }
}

export async function runFitOnSession(session: PeriSession, runner: FitRunner, args: FitArgs, ctl: RequestControl): Promise<FitResult> {
  if (!FIT_SCHEDULES.includes(args.schedule)) {
    throw new EngineError('invalid-request', `Unknown fit schedule ${JSON.stringify(args.schedule)}: use ${FIT_SCHEDULES.join(', ')}.`);
  }
  if (session.fitRunning) throw new EngineError('busy', 'A fit is already running on this session.');
  const particles = (args.ids ?? []).map((id) => session.indexOf(id));
  if (args.schedule === 'particles' && particles.length === 0) throw new EngineError('invalid-request', 'Fitting particles needs at least one particle id.');
  const countBefore = session.state.spheres?.N ?? 0;
  const t0 = performance.now();
  const trace: FitResult['trace'] = [{ ms: 0, error: session.state.error, stage: 'initial' }];
  let lastLive = -Infinity;
  session.fitRunning = true;
  let stoppedEarly = false;
  let warnings: string[] = [];
  try {
    const out = await runner.run(session.state, args.schedule, {
      particles,
      signal: ctl.signal,
      onProgress: (p) => {
        session.changed();
        const ms = performance.now() - t0;
        trace.push({ ms, error: p.error, stage: p.stage });
        const detail: FitProgressDetail = { stage: p.stage, loop: p.loop, error: p.error, elapsedMs: ms, version: session.info().version };
        if (ms - lastLive >= LIVE_INTERVAL_MS) {
          lastLive = ms;
          detail.slices = liveSections(session, args.live);
          detail.particles = session.particles().particles;
        }
        const fraction = Math.min(0.99, 1 - Math.exp(-REPORT_SHARE * (trace.length - 1)));
        ctl.onProgress?.(fraction, `${p.stage}, loop ${p.loop}, error ${p.error.toPrecision(6)}`, detail);
      },
    });
    stoppedEarly = out.stoppedEarly;
    warnings = out.warnings ?? [];
  } catch (err) {
    if (!isCancellation(err)) throw err;
    stoppedEarly = true;
  } finally {
    session.fitRunning = false;
    session.changed((session.state.spheres?.N ?? 0) !== countBefore);
  }
  trace.push({ ms: performance.now() - t0, error: session.state.error, stage: stoppedEarly ? 'stopped' : 'done' });
  return { info: session.info(), trace, stoppedEarly, warnings };
}
