/**
 * The request side of the engine client: typed promises per request id, progress callbacks,
 * cancellation through AbortSignal (a cancel message plus the shared abort flag), unasked events,
 * and a new worker when the worker crashes. The request methods live in the API classes above it
 * (engine-volume-api.ts, engine-peri-api.ts); `EngineClient` (engine-client.ts) is the whole.
 */
import { EngineError, cancelledError } from '../compute/engine/errors';
import type { EngineEvent, RequestControl } from '../compute/engine/types';
import { connectPort, type WorkerConnection } from './engine-connection';
import { OPERATION_NAMES } from './protocol';
import type { BackendChoice, EngineApi, FromEngineMessage, ProgressDetail, RequestType, ResultOf, ToEngineMessage } from './protocol';
import { createAbortFlag, raiseAbortFlag } from './shared-abort';

interface Pending {
  resolve(value: unknown): void;
  reject(err: EngineError): void;
  onProgress?: (fraction: number, stage: string, detail?: ProgressDetail) => void;
  cleanup(): void;
}

export interface SendOptions extends RequestControl {
  transfer?: Transferable[];
}

export interface StartOptions {
  /** Force a backend instead of picking WebGPU when an adapter is there. */
  forceBackend?: BackendChoice;
}

/** Makes the connection to a (new) engine; called again after each crash. */
export type Connect = (transport: EngineTransport) => WorkerConnection;

export class EngineTransport {
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Set<(e: EngineEvent) => void>();
  private nextId = 1;
  private closed = false;
  private connection!: WorkerConnection;

  protected constructor(
    private readonly connect: Connect,
    private readonly startOptions: StartOptions,
  ) {
    this.attach();
  }

  /** Listens to engine events; returns the function that stops listening. */
  onEvent(cb: (e: EngineEvent) => void): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }

  /** Stops the worker; pending and later requests reject with code `engine-closed`. */
  terminate(): void {
    if (this.closed) return;
    this.closed = true;
    this.connection.close();
    this.rejectAll(new EngineError('engine-closed', 'The engine was shut down.'));
  }

  /** Internal: called by the connection for every message from the engine. */
  receive(data: unknown): void {
    const msg = data as FromEngineMessage;
    if (msg?.type === 'event') {
      this.emit(msg.event);
      return;
    }
    const pending = typeof msg?.id === 'number' ? this.pending.get(msg.id) : undefined;
    if (!pending) return;
    if (msg.type === 'progress') {
      pending.onProgress?.(msg.fraction, msg.stage, msg.detail);
    } else if (msg.type === 'result' || msg.type === 'error') {
      this.pending.delete(msg.id);
      pending.cleanup();
      if (msg.type === 'result') pending.resolve(msg.result);
      else pending.reject(EngineError.fromPayload(msg.error));
    }
  }

  /** Internal: called when the worker died: fail what was pending, start a new worker. */
  crashed(reason: string, restart: boolean): void {
    this.connection.close();
    this.rejectAll(new EngineError('worker-crashed', `The engine stopped unexpectedly (${reason}). The request was lost; please try again.`));
    if (!restart || this.closed) {
      this.closed = true;
      this.emit({ type: 'engine-error', message: `The engine stopped (${reason}) and was not restarted: reload the page.` });
      return;
    }
    this.attach();
    this.emit({ type: 'engine-restarted', message: `The engine was restarted after a crash (${reason}); open volumes were lost.` });
  }

  protected send<K extends RequestType>(type: K, args: EngineApi[K]['args'], opts: SendOptions = {}): Promise<ResultOf<K>> {
    if (this.closed) return Promise.reject(new EngineError('engine-closed', 'The engine was shut down.'));
    const { signal, onProgress, transfer } = opts;
    if (signal?.aborted) return Promise.reject(cancelledError(OPERATION_NAMES[type]));
    const id = this.nextId++;
    // Work that does not yield (a fit) sees the shared flag at once; the message comes after.
    const abortFlag = signal ? createAbortFlag() : null;
    return new Promise<ResultOf<K>>((resolve, reject) => {
      const onAbort = () => {
        raiseAbortFlag(abortFlag);
        this.connection.post({ type: 'cancel', id });
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.pending.set(id, {
        resolve: resolve as (v: unknown) => void,
        reject,
        onProgress,
        cleanup: () => signal?.removeEventListener('abort', onAbort),
      });
      try {
        this.connection.post({ type, id, ...args, ...(abortFlag ? { abortFlag } : {}) } as ToEngineMessage, transfer);
      } catch (err) {
        this.pending.delete(id);
        signal?.removeEventListener('abort', onAbort);
        reject(new EngineError('invalid-request', `Could not send the request (${OPERATION_NAMES[type]}) to the engine: ${(err as Error).message}`));
      }
    });
  }

  private attach(): void {
    this.connection = this.connect(this);
    const force = this.startOptions.forceBackend;
    if (force) this.send('setBackend', { choice: force }).catch(() => undefined);
  }

  private emit(event: EngineEvent): void {
    for (const cb of [...this.listeners]) cb(event);
  }

  private rejectAll(err: EngineError): void {
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const p of pending) {
      p.cleanup();
      p.reject(err);
    }
  }
}

/** Restarts are refused after this many crashes within `CRASH_WINDOW_MS` (a worker that cannot start). */
const MAX_CRASHES = 3;
const CRASH_WINDOW_MS = 60_000;

/** Connects to a worker: its messages go to `transport.receive`, its `error` events to `crashed`. */
export function connectWorker(transport: EngineTransport, worker: Worker, crashTimes: number[]): WorkerConnection {
  const connection = connectPort(worker, (data) => transport.receive(data));
  const onError = (ev: ErrorEvent) => {
    ev.preventDefault();
    const now = Date.now();
    while (crashTimes.length && now - crashTimes[0] > CRASH_WINDOW_MS) crashTimes.shift();
    crashTimes.push(now);
    transport.crashed(ev.message || 'worker error', crashTimes.length <= MAX_CRASHES);
  };
  worker.addEventListener('error', onError);
  return {
    post: connection.post,
    close: () => {
      connection.close();
      worker.removeEventListener('error', onError);
      worker.terminate();
    },
  };
}
