/// <reference lib="webworker" />
/**
 * The engine worker's body: the DOM-free `Engine` served by `EngineServer` on the worker scope;
 * errors that escape a request become `engine-error` events instead of silently killing the worker.
 */
import { Engine } from '../compute/engine/engine';
import { EngineServer } from './engine-server';
import type { MessagePortLike } from './protocol';

export function startEngineWorker(scope: DedicatedWorkerGlobalScope): void {
  const engine = new Engine({ gpu: scope.navigator.gpu ?? null });
  const server = new EngineServer(engine, scope as unknown as MessagePortLike);

  scope.addEventListener('unhandledrejection', (ev: PromiseRejectionEvent) => {
    ev.preventDefault();
    server.reportUnhandled(ev.reason);
  });

  scope.addEventListener('error', (ev: ErrorEvent) => {
    ev.preventDefault();
    server.reportUnhandled(ev.error ?? ev.message);
  });
}
