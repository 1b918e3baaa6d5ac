/// <reference lib="webworker" />
/**
 * The engine worker: owns the GPUDevice and the volumes. A thin adapter: every request goes to the
 * DOM-free `Engine` through `EngineServer`; errors that escape a request become `engine-error` events
 * instead of silently killing the worker.
 */
import { Engine } from '../compute/engine/engine';
import { EngineServer } from './engine-server';
import type { MessagePortLike } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

const engine = new Engine({ gpu: self.navigator.gpu ?? null });
const server = new EngineServer(engine, self as unknown as MessagePortLike);

self.addEventListener('unhandledrejection', (ev: PromiseRejectionEvent) => {
  ev.preventDefault();
  server.reportUnhandled(ev.reason);
});

self.addEventListener('error', (ev: ErrorEvent) => {
  ev.preventDefault();
  server.reportUnhandled(ev.error ?? ev.message);
});
