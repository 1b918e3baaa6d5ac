/**
 * Cancelling work that does not yield. PERI's optimiser is synchronous: while it runs, the worker
 * reads no messages, so a `cancel` message would wait for the end. A request sent with a signal
 * therefore also carries a one-int SharedArrayBuffer flag (when the page is cross-origin isolated);
 * the client sets it on abort and the engine's AbortSignal reads it on every `aborted` check.
 */

/** A flag to send with a request, or null when shared memory is not available. */
export function createAbortFlag(): Int32Array | null {
  const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated;
  if (typeof SharedArrayBuffer !== 'function' || isolated === false) return null;
  try {
    return new Int32Array(new SharedArrayBuffer(4));
  } catch {
    return null;
  }
}

export function raiseAbortFlag(flag: Int32Array | null): void {
  if (flag) Atomics.store(flag, 0, 1);
}

const baseAborted = Object.getOwnPropertyDescriptor(AbortSignal.prototype, 'aborted')?.get;

/**
 * Makes `controller.signal.aborted` also true once `flag` is raised (and then aborts the controller,
 * so that listeners run too). The signal stays a real AbortSignal.
 */
export function linkAbortFlag(controller: AbortController, flag: unknown): void {
  if (!(flag instanceof Int32Array) || !(flag.buffer instanceof SharedArrayBuffer) || !baseAborted) return;
  const signal = controller.signal;
  Object.defineProperty(signal, 'aborted', {
    configurable: true,
    get: () => {
      if (baseAborted.call(signal)) return true;
      if (Atomics.load(flag, 0) !== 1) return false;
      controller.abort();
      return true;
    },
  });
}
