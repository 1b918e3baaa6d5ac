/**
 * Serves an `Engine` over a message port: decodes requests, runs the handler, posts the answer and
 * transfers result buffers. Used by the worker (port = the worker scope) and by tests (a MessageChannel).
 */
import type { Engine } from '../compute/engine/engine';
import { EngineError, toEngineError } from '../compute/engine/errors';
import type { RequestControl } from '../compute/engine/types';
import {
  isRequestType,
  OPERATION_NAMES,
  type EngineRequest,
  type FromEngineMessage,
  type MessagePortLike,
  type RequestOf,
  type RequestType,
  type ResultOf,
} from './protocol';
import { linkAbortFlag } from './shared-abort';

type Handler<K extends RequestType> = (engine: Engine, req: RequestOf<K>, ctl: RequestControl) => ResultOf<K> | Promise<ResultOf<K>>;

const handlers: { [K in RequestType]: Handler<K> } = {
  backend: (e) => e.backendInfo(),
  setBackend: (e, r) => e.setBackend(r.choice),
  inspectTiff: (e, r) => e.inspectTiff(r.bytes),
  openTiff: (e, r, ctl) => e.openTiff(r.bytes, r.opts, ctl),
  openArray: (e, r, ctl) => e.openArray(r.data, r.opts, ctl),
  getSlice: (e, r) => e.getSlice(r.volumeId, r.plane, r.index),
  getVoxel: (e, r) => e.getVoxel(r.volumeId, r.z, r.y, r.x),
  closeVolume: (e, r) => {
    e.closeVolume(r.volumeId);
    return null;
  },
  simulateDeviceLoss: (e) => e.simulateDeviceLoss(),
  periDefaultConfig: (e, r) => e.peri.defaultConfig(r.shape, r.choices),
  periCreate: (e, r, ctl) => e.peri.create(r.args, ctl),
  periLoadState: (e, r) => e.peri.loadState(r.volumeId, r.text),
  periFeature: (e, r) => e.peri.feature(r.args),
  periInfo: (e, r) => e.peri.get(r.sessionId).info(),
  periParticles: (e, r) => e.peri.get(r.sessionId).particles(),
  periParams: (e, r) => e.peri.get(r.sessionId).params(),
  periSetParams: (e, r) => e.peri.call(r.sessionId, (s) => s.setParams(r.names, r.values)),
  periEdit: (e, r) => e.peri.call(r.sessionId, (s) => s.edit(r.edit)),
  periUndo: (e, r) => e.peri.call(r.sessionId, (s) => s.undo()),
  periRedo: (e, r) => e.peri.call(r.sessionId, (s) => s.redo()),
  periClosest: (e, r) => e.peri.call(r.sessionId, (s) => s.closest(r.pos)),
  periSlice: (e, r) => e.peri.call(r.sessionId, (s) => s.slice(r.view, r.plane, r.index)),
  periNoise: (e, r) => e.peri.call(r.sessionId, (s) => s.noise({ bins: r.bins, xlim: r.xlim })),
  periProjection: (e, r) => e.peri.call(r.sessionId, (s) => s.projection(r.source, r.axis)),
  periExport: (e, r) => e.peri.call(r.args?.sessionId, (s) => s.exportFile(r.args.kind, r.args.component)),
  periRunFit: (e, r, ctl) => e.peri.runFit(r.args, ctl),
  periErrorBars: (e, r, ctl) => e.peri.errorBars(r.sessionId, ctl),
  periClose: (e, r) => {
    e.peri.close(r.sessionId);
    return null;
  },
};

/** Buffers of a result that can move to the other side without a copy (slices, projections, TIFF bytes). */
function transferablesOf(result: unknown): Transferable[] {
  const { data, bytes } = (result as { data?: unknown; bytes?: unknown } | null) ?? {};
  if (data instanceof Float32Array) return [data.buffer as ArrayBuffer];
  return bytes instanceof ArrayBuffer ? [bytes] : [];
}

function describe(msg: unknown): string {
  const type = (msg as { type?: unknown } | null)?.type;
  return typeof type === 'string' ? `request "${type}"` : 'a message without a type';
}

export class EngineServer {
  private readonly inFlight = new Map<number, AbortController>();
  private readonly onMessage = (ev: { data: unknown }) => void this.handle(ev.data);
  private readonly unsubscribe: () => void;

  constructor(
    private readonly engine: Engine,
    private readonly port: MessagePortLike,
  ) {
    port.addEventListener('message', this.onMessage);
    port.start?.();
    this.unsubscribe = engine.onEvent((event) => this.post({ type: 'event', event }));
  }

  /** Stops listening; requests still running finish but their answers are dropped. */
  close(): void {
    this.port.removeEventListener('message', this.onMessage);
    this.unsubscribe();
    for (const ctl of this.inFlight.values()) ctl.abort();
    this.inFlight.clear();
  }

  /** Reports an error that belongs to no request (e.g. an unhandled rejection in the worker). */
  reportUnhandled(err: unknown): void {
    this.post({ type: 'event', event: { type: 'engine-error', message: toEngineError(err, 'the engine').message } });
  }

  private post(msg: FromEngineMessage, transfer: Transferable[] = []): void {
    this.port.postMessage(msg, transfer);
  }

  private async handle(msg: unknown): Promise<void> {
    const id = (msg as { id?: unknown } | null)?.id;
    if (typeof id !== 'number') {
      this.reportUnhandled(new EngineError('invalid-request', `The engine received ${describe(msg)} without a numeric id.`));
      return;
    }
    const type = (msg as { type: unknown }).type;
    if (type === 'cancel') {
      this.inFlight.get(id)?.abort();
      return;
    }
    if (!isRequestType(type)) {
      const error = new EngineError('invalid-request', `The engine does not know ${describe(msg)}.`);
      this.post({ type: 'error', id, error: error.toPayload() });
      return;
    }
    await this.run(msg as EngineRequest);
  }

  private async run(req: EngineRequest): Promise<void> {
    const abort = new AbortController();
    linkAbortFlag(abort, req.abortFlag);
    this.inFlight.set(req.id, abort);
    const ctl: RequestControl = {
      signal: abort.signal,
      onProgress: (fraction, stage, detail) => this.post({ type: 'progress', id: req.id, fraction, stage, ...(detail ? { detail } : {}) }),
    };
    try {
      const handler = handlers[req.type] as Handler<typeof req.type>;
      const result = await handler(this.engine, req as never, ctl);
      this.post({ type: 'result', id: req.id, request: req.type, result } as FromEngineMessage, transferablesOf(result));
    } catch (err) {
      this.post({ type: 'error', id: req.id, error: toEngineError(err, OPERATION_NAMES[req.type]).toPayload() });
    } finally {
      this.inFlight.delete(req.id);
    }
  }
}
