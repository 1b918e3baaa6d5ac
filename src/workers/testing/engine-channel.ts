/** Test helper: an EngineClient and an EngineServer in one process, joined by a MessageChannel. */
import type { Engine } from '../../compute/engine/engine';
import { EngineClient } from '../engine-client';
import { EngineServer } from '../engine-server';
import type { MessagePortLike } from '../protocol';

export interface EngineChannel {
  client: EngineClient;
  server: EngineServer;
  channel: MessageChannel;
  /** The transfer list of every message the engine sent, in order. */
  transfers: Transferable[][];
}

const closers: (() => void)[] = [];

/** Registers `close` to run at the next `closeAll`. */
export function onClose(close: () => void): void {
  closers.push(close);
}

/** Closes what was opened since the last call, newest first (call it in `afterEach`). */
export function closeAll(): void {
  while (closers.length) closers.pop()!();
}

/** Serves `engine` over one end of a MessageChannel and connects a client to the other end. */
export function connectEngine(engine: Engine): EngineChannel {
  const channel = new MessageChannel();
  const transfers: Transferable[][] = [];
  const enginePort = channel.port2 as unknown as MessagePortLike;
  const recordingPort: MessagePortLike = {
    postMessage: (msg, transfer = []) => {
      transfers.push(transfer);
      enginePort.postMessage(msg, transfer);
    },
    addEventListener: (t, l) => enginePort.addEventListener(t, l),
    removeEventListener: (t, l) => enginePort.removeEventListener(t, l),
    start: () => enginePort.start?.(),
  };
  const server = new EngineServer(engine, recordingPort);
  const client = EngineClient.fromPort(channel.port1 as unknown as MessagePortLike);
  onClose(() => {
    client.terminate();
    server.close();
    channel.port1.close();
    channel.port2.close();
  });
  return { client, server, channel, transfers };
}
