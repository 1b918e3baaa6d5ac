/// <reference lib="webworker" />
/**
 * The engine worker's entry. The engine's module graph has top-level awaits (the WebAssembly FFT is
 * instantiated at load); messages that arrive before a module worker's evaluation finishes would
 * find no listener and be lost. So this entry imports nothing statically: it holds early messages,
 * loads the engine, then hands them over in order.
 */
declare const self: DedicatedWorkerGlobalScope;

const early: unknown[] = [];
const hold = (ev: MessageEvent) => {
  ev.stopImmediatePropagation();
  early.push(ev.data);
};
self.addEventListener('message', hold);

const { startEngineWorker } = await import('./engine-worker-main');
startEngineWorker(self);
self.removeEventListener('message', hold);
for (const data of early.splice(0)) self.dispatchEvent(new MessageEvent('message', { data }));

export {};
