/**
 * Main-thread handle on the engine worker: typed promises per request, progress callbacks,
 * cancellation through AbortSignal, unasked events, and a restart when the worker crashes.
 * Layers: engine-transport.ts (requests, events, crashes) ← engine-volume-api.ts (backends,
 * volumes) ← engine-peri-api.ts (PERI sessions) ← EngineClient (how the engine is reached).
 */
import { EnginePeriApi } from './engine-peri-api';
import { connectPort } from './engine-connection';
import { connectWorker, type Connect, type StartOptions } from './engine-transport';
import type { MessagePortLike } from './protocol';

export { EngineError } from '../compute/engine/errors';
export type * from './protocol';
export type { StartOptions } from './engine-transport';

function spawnEngineWorker(): Worker {
  return new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
}

export class EngineClient extends EnginePeriApi {
  private constructor(connect: Connect, startOptions: StartOptions) {
    super(connect, startOptions);
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
}
