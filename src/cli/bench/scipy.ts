/**
 * Runs a python3 snippet that times scipy/numpy on the benchmark's sizes, in the same run as the
 * TypeScript timings. The snippet reads JSON from stdin and prints one JSON line. Node only.
 */
import { spawnSync } from 'node:child_process';

export type PythonResult<T> = { ok: true; value: T } | { ok: false; note: string };

/** Common helpers for the snippets: `med(fn, reps)` is the median ms after one warm-up call. */
export const PY_PRELUDE = `
import json, sys, time
import numpy as np
def med(fn, reps):
    fn()
    ts = []
    for _ in range(reps):
        t = time.perf_counter(); fn(); ts.append(time.perf_counter() - t)
    ts.sort()
    n = len(ts)
    return 1e3 * (ts[n // 2] if n % 2 else 0.5 * (ts[n // 2 - 1] + ts[n // 2]))
`;

export function runPython<T>(snippet: string, input: unknown, timeoutMs = 15 * 60_000): PythonResult<T> {
  const res = spawnSync('python3', ['-c', PY_PRELUDE + snippet], {
    input: JSON.stringify(input), encoding: 'utf8', timeout: timeoutMs, maxBuffer: 16 * 2 ** 20,
  });
  if (res.error) {
    const code = (res.error as NodeJS.ErrnoException).code;
    return { ok: false, note: code === 'ENOENT' ? 'python3 not found' : `python3 failed: ${res.error.message}` };
  }
  if (res.status !== 0) {
    const missing = /No module named '?(scipy|numpy)/.exec(res.stderr ?? '');
    return { ok: false, note: missing ? `${missing[1]} not installed` : `python3 exited ${res.status}: ${lastLine(res.stderr)}` };
  }
  try {
    return { ok: true, value: JSON.parse(lastLine(res.stdout)) as T };
  } catch {
    return { ok: false, note: `unexpected python3 output: ${lastLine(res.stdout)}` };
  }
}

function lastLine(text: string | null): string {
  return (text ?? '').trim().split('\n').pop() ?? '';
}

/** scipy's version, or null when python3 or scipy is missing. */
export function scipyVersion(): string | null {
  const r = runPython<string>('import scipy\nprint(json.dumps(scipy.__version__))', null, 60_000);
  return r.ok ? r.value : null;
}
