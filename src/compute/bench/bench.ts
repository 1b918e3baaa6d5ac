/**
 * Benchmark rows and timing helpers shared by the suites (`*.bench.ts` in the compute core) and the
 * CLI that prints them (src/cli/bench). DOM-free; uses only `performance.now()`.
 */

export interface BenchRow {
  name: string;
  size: string;
  backend: string;
  medianMs: number;
  /** Effective bandwidth: bytes of the algorithm's minimum passes / median time. */
  gbPerS?: number;
  /** The same work in scipy/numpy, in the same run. */
  scipyMs?: number;
  /** medianMs / scipyMs: below 1 is faster than scipy. */
  ratio?: number;
  note?: string;
}

/** Untimed runs before the timed ones: `runs`, and more until `minMs` have passed. */
export interface Warmup {
  runs: number;
  minMs: number;
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : 0.5 * (s[mid - 1] + s[mid]);
}

/** Median wall time in ms of `repeats` runs of `fn`, after the warm-up (a run count or a `Warmup`). */
export async function timeMedian(fn: () => unknown | Promise<unknown>, repeats: number,
  warmup: number | Warmup = 1): Promise<number> {
  const { runs, minMs } = typeof warmup === 'number' ? { runs: warmup, minMs: 0 } : warmup;
  const start = performance.now();
  for (let i = 0; i < runs || performance.now() - start < minMs; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < Math.max(1, repeats); i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

/** Row with GB/s from a byte count and the scipy ratio when a scipy time is known. */
export function makeRow(base: Omit<BenchRow, 'gbPerS' | 'ratio'>, bytes?: number): BenchRow {
  const row: BenchRow = { ...base };
  if (bytes !== undefined && base.medianMs > 0) row.gbPerS = bytes / base.medianMs / 1e6;
  if (base.scipyMs !== undefined && base.scipyMs > 0) row.ratio = base.medianMs / base.scipyMs;
  return row;
}
