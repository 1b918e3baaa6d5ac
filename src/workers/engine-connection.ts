/** The client's side of a message port: post, receive, detach. */
import type { MessagePortLike, ToEngineMessage } from './protocol';

export interface WorkerConnection {
  post(msg: ToEngineMessage, transfer?: Transferable[]): void;
  close(): void;
}

export function connectPort(port: MessagePortLike, receive: (data: unknown) => void): WorkerConnection {
  const onMessage = (ev: { data: unknown }) => receive(ev.data);
  port.addEventListener('message', onMessage);
  port.start?.();
  return {
    post: (msg, transfer = []) => port.postMessage(msg, transfer),
    close: () => port.removeEventListener('message', onMessage),
  };
}
