/**
 * Text for people watching a fit (CLI, benchmark, logs): progress lines throttled so a fit with
 * many particle groups does not flood the terminal, a table of the stages, and the closing summary.
 */
import type { FitProgress } from '../fit/control';
import type { StageRecord } from '../fit/runner';
import type { WhiteNoiseDiagnostics } from './diagnostics';

export interface ProgressLogOptions {
  /** Minimum time between two lines of the same stage (ms). Default 2000; schedule loops always print. */
  minIntervalMs?: number;
  now?: () => number;
}

function paramList(params: readonly string[]): string {
  if (params.length === 0) return '';
  const head = params.slice(0, 3).join(', ');
  return ` [${params.length} params: ${head}${params.length > 3 ? ', …' : ''}]`;
}

export function formatProgress(ev: FitProgress, seconds: number): string {
  const err = Number.isFinite(ev.error) ? ev.error.toFixed(4) : '—';
  return `[${seconds.toFixed(1).padStart(7)} s] ${ev.stage.padEnd(24)} loop ${String(ev.loop).padEnd(3)} error ${err}${paramList(ev.params)}`;
}

/** onProgress / onWarning that write lines; a schedule loop (stage without ':') or a new stage always prints. */
export function progressLogger(write: (line: string) => void, opts: ProgressLogOptions = {}) {
  const now = opts.now ?? (() => performance.now());
  const interval = opts.minIntervalMs ?? 2000;
  const t0 = now();
  let lastStage = '';
  let lastAt = -Infinity;
  return {
    onProgress(ev: FitProgress): void {
      const t = now();
      const schedule = !ev.stage.includes(':');
      if (!schedule && ev.stage === lastStage && t - lastAt < interval) return;
      lastStage = ev.stage;
      lastAt = t;
      write(formatProgress(ev, (t - t0) / 1000));
    },
    onWarning(message: string): void {
      write(`warning: ${message}`);
    },
  };
}

export function formatStages(stages: readonly StageRecord[]): string {
  const width = Math.max(12, ...stages.map((s) => s.stage.length));
  const rows = stages.map((s) => `  ${s.stage.padEnd(width)}  ${s.error.toFixed(4).padStart(12)}  ${(s.ms / 1000).toFixed(1).padStart(8)} s`);
  const total = stages.reduce((t, s) => t + s.ms, 0);
  return [`  ${'stage'.padEnd(width)}  ${'error'.padStart(12)}  ${'time'.padStart(10)}`, ...rows, `  ${'total'.padEnd(width)}  ${''.padStart(12)}  ${(total / 1000).toFixed(1).padStart(8)} s`].join('\n');
}

/** min / quartiles / max of the radii, e.g. "4.61 / 4.92 / 5.03 / 5.17 / 5.44 px". */
export function radiiSummary(radii: readonly number[]): string {
  if (radii.length === 0) return 'none';
  const s = [...radii].sort((a, b) => a - b);
  const q = (f: number) => {
    const x = f * (s.length - 1);
    const i = Math.floor(x);
    return i + 1 < s.length ? s[i] + (x - i) * (s[i + 1] - s[i]) : s[i];
  };
  const mean = s.reduce((t, v) => t + v, 0) / s.length;
  const sd = Math.sqrt(s.reduce((t, v) => t + (v - mean) ** 2, 0) / s.length);
  return `min ${q(0).toFixed(2)}, quartiles ${q(0.25).toFixed(2)} / ${q(0.5).toFixed(2)} / ${q(0.75).toFixed(2)}, max ${q(1).toFixed(2)} px (mean ${mean.toFixed(2)} ± ${sd.toFixed(2)})`;
}

export function diagnosticsSummary(d: WhiteNoiseDiagnostics): string {
  return `residuals: excess kurtosis ${d.excessKurtosis.toFixed(3)}, skewness ${d.skewness.toFixed(3)}; shell scores of ${d.shells.length} particles in the image: RMS ${d.rmsShellScore.toFixed(2)}, max |score| ${d.maxAbsShellScore.toFixed(2)} (white noise: ≈ 1)`;
}
