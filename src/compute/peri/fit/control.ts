/**
 * How a caller steers a long fit: a seeded random generator (pixel subsets, group shifts), an
 * AbortSignal (the state keeps the best accepted parameters; a FitCancelledError is thrown),
 * progress events and PERI's log warnings.
 */
import { Prng } from '../../util/prng';

export interface FitProgress {
  /** e.g. 'burn:globals', 'burn:particles', 'finish:psf', 'add-subtract'. */
  stage: string;
  /** Loop of the schedule (0-based), or the LM iteration inside a stage. */
  loop: number;
  error: number;
  /** Parameters being fitted at this moment. */
  params: string[];
}

export interface FitControl {
  /** Seed of the generator used when `rng` is not given. Default 0. */
  seed?: number;
  rng?: Prng;
  signal?: AbortSignal;
  onProgress?: (ev: FitProgress) => void;
  onWarning?: (message: string) => void;
}

export interface ResolvedControl {
  readonly resolved: true;
  rng: Prng;
  signal?: AbortSignal;
  onProgress: (ev: FitProgress) => void;
  onWarning: (message: string) => void;
}

export function resolveControl(c: FitControl | ResolvedControl = {}): ResolvedControl {
  if ('resolved' in c) return c;
  return {
    resolved: true,
    rng: c.rng ?? new Prng(c.seed ?? 0),
    signal: c.signal,
    onProgress: c.onProgress ?? (() => {}),
    onWarning: c.onWarning ?? (() => {}),
  };
}

/** A control whose events carry a stage name. */
export function stageControl(ctl: ResolvedControl, stage: string, loop: number, params: readonly string[]) {
  return {
    signal: ctl.signal,
    onWarning: ctl.onWarning,
    onIteration: (it: { iteration: number; error: number }) =>
      ctl.onProgress({ stage, loop, error: it.error, params: [...params] }),
  };
}
