import type { FitSchedule } from '../../../workers/protocol';
import { lucidStore, useLucid } from '../../store';
import { canResume, computeErrorBars, resumeFit, runFit, SCHEDULE_LABELS, stopFit } from '../fit-run';
import { ErrorPlot } from './ErrorPlot';

const SCHEDULES: readonly FitSchedule[] = ['optimize_from_initial', 'finish_state', 'burn', 'add_subtract', 'polish'];

/** Run PERI's schedules or single stages; progress with stage, loop and error; pause, resume, cancel. */
export function RunPanel() {
  const info = useLucid((s) => s.session);
  const progress = useLucid((s) => s.fitProgress);
  useLucid((s) => s.markersVersion);
  if (!info) return null;
  const running = progress !== null;
  return (
    <section className="panel" data-testid="fit-run" aria-label="Run the fit">
      <h2>Fit</h2>
      {!info.fitAvailable && (
        <p className="hint" data-testid="fit-unavailable">Fitting needs PERI’s optimiser (issue 5), which is not in this build yet; buttons answer with that message.</p>
      )}
      <div className="toggles">
        {SCHEDULES.map((s) => (
          <button key={s} type="button" disabled={running} data-testid={`run-${s}`} onClick={() => void runFit(lucidStore, s)}>{SCHEDULE_LABELS[s]}</button>
        ))}
      </div>
      {progress && (
        <div className="fit-progress" data-testid="fit-progress">
          <progress max={1} value={progress.fraction} />
          <span>{progress.stage}, loop {progress.loop}, error {Number.isFinite(progress.error) ? progress.error.toPrecision(6) : '—'}</span>
        </div>
      )}
      <div className="toggles">
        <button type="button" disabled={!running} data-testid="fit-pause" onClick={() => stopFit(true)} title="Stop now, keep the state reached; Resume runs the schedule again">Pause</button>
        <button type="button" disabled={running || !canResume()} onClick={() => void resumeFit(lucidStore)}>Resume</button>
        <button type="button" disabled={!running} data-testid="fit-cancel" onClick={() => stopFit(false)} title="Stop, keeping the best state reached">Cancel</button>
      </div>
      <button type="button" disabled={running} data-testid="error-bars" title="1-σ error bars of positions and radii from the Cramér–Rao bound (PERI's state.crb)" onClick={() => void computeErrorBars(lucidStore)}>
        Error bars (CRB)
      </button>
      <ErrorPlot />
    </section>
  );
}
