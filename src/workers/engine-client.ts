/**
 * Main-thread handle on the engine worker: typed promises per request, progress callbacks,
 * cancellation through AbortSignal, unasked events, and a restart when the worker crashes.
 */
import { EngineError, cancelledError } from '../compute/engine/errors';
import type { EngineEvent, RequestControl } from '../compute/engine/types';
import { connectPort, type WorkerConnection } from './engine-connection';
import { OPERATION_NAMES } from './protocol';
import { createAbortFlag, raiseAbortFlag } from './shared-abort';
import type {
  EditResult,
  FeatureArgs,
  FeatureResult,
  FitArgs,
  FitResult,
  NoiseExamination,
  ParamRow,
  ParticleList,
  PeriCreateArgs,
  PeriEdit,
  PeriExportArgs,
  PeriExportResult,
  PeriSessionInfo,
  PeriSlice,
  PeriView,
  PeriConfig,
  ProgressDetail,
  StatemakerChoices,
  Projection,
  ProjectionAxis,
  Vec3,
  BackendChoice,
  BackendInfo,
  EngineApi,
  FromEngineMessage,
  MessagePortLike,
  OpenArrayOptions,
  OpenTiffOptions,
  Plane,
  RequestType,
  ResultOf,
  Slice,
  TiffSummary,
  ToEngineMessage,
  VolumeInfo,
} from './protocol';

export { EngineError } from '../compute/engine/errors';
export type * from './protocol';

interface Pending {
  resolve(value: unknown): void;
  reject(err: EngineError): void;
  onProgress?: (fraction: number, stage: string, detail?: ProgressDetail) => void;
  cleanup(): void;
}

interface SendOptions extends RequestControl {
  transfer?: Transferable[];
}

export interface StartOptions {
  /** Force a backend instead of picking WebGPU when an adapter is there. */
  forceBackend?: BackendChoice;
}

function spawnEngineWorker(): Worker {
  return new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
}

export class EngineClient {
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Set<(e: EngineEvent) => void>();
  private nextId = 1;
  private closed = false;
  private connection!: WorkerConnection;

  private constructor(
    private readonly connect: (client: EngineClient) => WorkerConnection,
    private readonly startOptions: StartOptions,
  ) {
    this.attach();
  }

  /** Starts the engine worker. */
  static start(opts: StartOptions = {}): EngineClient {
    return EngineClient.startWith(spawnEngineWorker, opts);
  }

  /** Like `start`, with the worker made by `spawn` (called again after each crash). */
  static startWith(spawn: () => Worker, opts: StartOptions = {}): EngineClient {
    const crashTimes: number[] = [];
    return new EngineClient((client) => connectWorker(client, spawn(), crashTimes), opts);
  }

  /** A client over any message port (tests: one end of a MessageChannel served by `EngineServer`). */
  static fromPort(port: MessagePortLike, opts: StartOptions = {}): EngineClient {
    return new EngineClient((client) => connectPort(port, (data) => client.receive(data)), opts);
  }

  backend(): Promise<BackendInfo> {
    return this.send('backend', {});
  }

  setBackend(choice: BackendChoice | 'auto'): Promise<BackendInfo> {
    return this.send('setBackend', { choice });
  }

  /** Listens to engine events; returns the function that stops listening. */
  onEvent(cb: (e: EngineEvent) => void): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }

  /** The bytes are copied, not transferred: the caller keeps them (e.g. to open after a choice). */
  inspectTiff(bytes: ArrayBuffer): Promise<TiffSummary> {
    return this.send('inspectTiff', { bytes });
  }

  openTiff(bytes: ArrayBuffer, opts: OpenTiffOptions, ctl: RequestControl = {}): Promise<VolumeInfo> {
    return this.send('openTiff', { bytes, opts }, ctl);
  }

  /** Opens float32 voxels directly. `data`'s buffer is transferred: it is unusable afterwards. */
  openArray(data: Float32Array, opts: OpenArrayOptions, ctl: RequestControl = {}): Promise<VolumeInfo> {
    return this.send('openArray', { data, opts }, { ...ctl, transfer: [data.buffer as ArrayBuffer] });
  }

  getSlice(volumeId: string, plane: Plane, index: number): Promise<Slice> {
    return this.send('getSlice', { volumeId, plane, index });
  }

  getVoxel(volumeId: string, z: number, y: number, x: number): Promise<number> {
    return this.send('getVoxel', { volumeId, z, y, x });
  }

  async closeVolume(volumeId: string): Promise<void> {
    await this.send('closeVolume', { volumeId });
  }

  /** Debug: destroys the engine's GPU device; resolves once the engine has recovered. */
  async simulateDeviceLoss(): Promise<void> {
    await this.send('simulateDeviceLoss', {});
  }

  // ── PERI fitting sessions (positions in crop pixels; see src/compute/engine/peri-sessions.ts) ──

  periDefaultConfig(shape: Vec3, choices: StatemakerChoices = {}): Promise<PeriConfig> {
    return this.send('periDefaultConfig', { shape, choices });
  }

  periCreate(args: PeriCreateArgs, ctl: RequestControl = {}): Promise<PeriSessionInfo> {
    return this.send('periCreate', { args }, ctl);
  }

  /** Loads a state file (JSON text) onto an open volume, as a new session. */
  periLoadState(volumeId: string, text: string): Promise<PeriSessionInfo> {
    return this.send('periLoadState', { volumeId, text });
  }

  periFeature(args: FeatureArgs, ctl: RequestControl = {}): Promise<FeatureResult> {
    return this.send('periFeature', { args }, ctl);
  }

  periInfo(sessionId: string): Promise<PeriSessionInfo> {
    return this.send('periInfo', { sessionId });
  }

  periParticles(sessionId: string): Promise<ParticleList> {
    return this.send('periParticles', { sessionId });
  }

  periParams(sessionId: string): Promise<ParamRow[]> {
    return this.send('periParams', { sessionId });
  }

  periSetParams(sessionId: string, names: string[], values: number[]): Promise<PeriSessionInfo> {
    return this.send('periSetParams', { sessionId, names, values });
  }

  periEdit(sessionId: string, edit: PeriEdit): Promise<EditResult> {
    return this.send('periEdit', { sessionId, edit });
  }

  periUndo(sessionId: string): Promise<EditResult> {
    return this.send('periUndo', { sessionId });
  }

  periRedo(sessionId: string): Promise<EditResult> {
    return this.send('periRedo', { sessionId });
  }

  /** Id of the particle closest to pos, or null without particles. */
  periClosest(sessionId: string, pos: Vec3): Promise<number | null> {
    return this.send('periClosest', { sessionId, pos });
  }

  periSlice(sessionId: string, view: PeriView, plane: Plane, index: number): Promise<PeriSlice> {
    return this.send('periSlice', { sessionId, view, plane, index });
  }

  periNoise(sessionId: string, opts: { bins?: number; xlim?: number } = {}): Promise<NoiseExamination> {
    return this.send('periNoise', { sessionId, ...opts });
  }

  periProjection(sessionId: string, source: 'data' | 'model', axis: ProjectionAxis): Promise<Projection> {
    return this.send('periProjection', { sessionId, source, axis });
  }

  periExport(args: PeriExportArgs): Promise<PeriExportResult> {
    return this.send('periExport', { args });
  }

  /** Runs a fit; progress carries `detail` {stage, loop, error, elapsedMs, version}; abort keeps the best state. */
  periRunFit(args: FitArgs, ctl: RequestControl = {}): Promise<FitResult> {
    return this.send('periRunFit', { args }, ctl);
  }

  periErrorBars(sessionId: string, ctl: RequestControl = {}): Promise<PeriSessionInfo> {
    return this.send('periErrorBars', { sessionId }, ctl);
  }

  async periClose(sessionId: string): Promise<void> {
    await this.send('periClose', { sessionId });
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

  private send<K extends RequestType>(type: K, args: EngineApi[K]['args'], opts: SendOptions = {}): Promise<ResultOf<K>> {
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
}

/** Restarts are refused after this many crashes within `CRASH_WINDOW_MS` (a worker that cannot start). */
const MAX_CRASHES = 3;
const CRASH_WINDOW_MS = 60_000;

function connectWorker(client: EngineClient, worker: Worker, crashTimes: number[]): WorkerConnection {
  const connection = connectPort(worker, (data) => client.receive(data));
  const onError = (ev: ErrorEvent) => {
    ev.preventDefault();
    const now = Date.now();
    while (crashTimes.length && now - crashTimes[0] > CRASH_WINDOW_MS) crashTimes.shift();
    crashTimes.push(now);
    client.crashed(ev.message || 'worker error', crashTimes.length <= MAX_CRASHES);
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
