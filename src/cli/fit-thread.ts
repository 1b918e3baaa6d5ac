/**
 * Ctrl-C for the fit command. The fit is synchronous, so a SIGINT handler on the thread running it
 * would only fire after it ends. When the CLI runs as a script, the fit command re-runs the same
 * script in a worker thread with the same arguments; the main thread keeps the SIGINT handler and
 * raises a flag in shared memory that the worker's AbortSignal reads, so the fit stops at its next
 * check and the worker still writes the best state so far. A second Ctrl-C quits without saving.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import type { CliIo } from './command';
import { CliError, UsageError } from './errors';

const KEY = 'lucidFitThread';

interface ThreadData {
  flag: SharedArrayBuffer;
}

/** What the worker reports back: success, or the error to raise on the main thread. */
export type ThreadReport = { kind: 'done' } | { kind: 'error'; name: string; message: string; usage: boolean };

/** True on the main thread of a process whose entry script contains this module (the bundled CLI). */
export function canRunInThread(): boolean {
  const entry = process.argv[1];
  if (!isMainThread || !entry) return false;
  return pathToFileURL(path.resolve(entry)).href === import.meta.url;
}

/** Inside the fit's worker: an AbortSignal-like view of the main thread's flag, else null. */
export function threadSignal(): AbortSignal | null {
  if (isMainThread) return null;
  const data = (workerData as Record<string, ThreadData> | null)?.[KEY];
  if (!data) return null;
  const flag = new Int32Array(data.flag);
  return { get aborted() { return Atomics.load(flag, 0) === 1; } } as AbortSignal;
}

export function reportToMain(report: ThreadReport): void {
  parentPort?.postMessage(report);
}

function rethrow(report: ThreadReport): void {
  if (report.kind === 'done') return;
  if (report.usage) throw new UsageError(report.message);
  if (report.name === 'CliError') throw new CliError(report.message);
  const e = new Error(report.message);
  e.name = report.name;
  throw e;
}

/** Runs `fit <argv>` in a worker thread running this script; SIGINT cancels it. */
export function runFitInThread(argv: readonly string[], io: CliIo): Promise<void> {
  const flag = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(new URL(import.meta.url), { argv: ['fit', ...argv], workerData: { [KEY]: { flag: flag.buffer } } });
  let interrupts = 0;
  let report: ThreadReport | null = null;
  return new Promise<void>((resolve, reject) => {
    const onSigint = () => {
      interrupts++;
      if (interrupts === 1) {
        Atomics.store(flag, 0, 1);
        io.stderr('\nCtrl-C: cancelling at the next check; the best state so far will be written (Ctrl-C again quits without saving).\n');
        return;
      }
      void worker.terminate();
      reject(new CliError('interrupted twice: quit without writing the state.'));
    };
    process.on('SIGINT', onSigint);
    worker.on('message', (m: ThreadReport) => void (report = m));
    worker.on('error', (e) => reject(e));
    worker.on('exit', (code) => {
      process.off('SIGINT', onSigint);
      if (!report) return reject(new CliError(`the fit thread stopped without a result (exit code ${code}).`));
      try {
        rethrow(report);
        resolve();
      } catch (e) {
        reject(e);
      }
    });
  });
}
