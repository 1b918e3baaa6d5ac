import { GpuDeviceLostError, GpuError } from './errors';

/** What recovery needs from a context (GpuContext, or a fake in tests). */
export interface RecoverableContext {
  readonly isLost: boolean;
}

export interface DeviceRecoveryOptions {
  /** How many times the op is rerun on a fresh context after a device loss (default 1). */
  retries?: number;
  /** No rerun once aborted. */
  signal?: AbortSignal;
  /** Called before each rerun, e.g. to log or tell the user. */
  onRetry?: (info: { attempt: number; error: GpuDeviceLostError }) => void;
}

/** The device kept getting lost, or no fresh one could be had: the work was not done. */
export class GpuRecoveryError extends GpuError {
  readonly attempts: number;

  constructor(attempts: number, detail: string, cause: unknown) {
    super(`The GPU work was not completed: ${detail}`, { cause });
    this.attempts = attempts;
  }
}

/**
 * Runs `op` on `getCtx()`. If the device is lost during it (the op throws GpuDeviceLostError, or
 * throws anything while its context reports `isLost`), asks `getCtx(lostCtx)` for a fresh context
 * and reruns the op, up to `retries` times. Any other error is rethrown as is.
 */
export async function withDeviceRecovery<C extends RecoverableContext, T>(
  getCtx: (lost?: C) => Promise<C>,
  op: (ctx: C) => Promise<T>,
  options: DeviceRecoveryOptions = {},
): Promise<T> {
  const retries = options.retries ?? 1;
  if (!Number.isInteger(retries) || retries < 0) {
    throw new GpuError(`retries must be a whole number ≥ 0, got ${retries}`);
  }
  let ctx = await getCtx();
  for (let attempt = 1; ; attempt++) {
    try {
      return await op(ctx);
    } catch (error) {
      const lost = asDeviceLoss(error, ctx);
      if (!lost) throw error;
      if (attempt > retries) {
        const times = attempt === 1 ? 'once' : `${attempt} times`;
        throw new GpuRecoveryError(attempt, `the GPU device was lost ${times} (${lost.message})`, lost);
      }
      options.signal?.throwIfAborted();
      options.onRetry?.({ attempt, error: lost });
      ctx = await freshContext(getCtx, ctx, attempt, lost);
    }
  }
}

async function freshContext<C extends RecoverableContext>(
  getCtx: (lost?: C) => Promise<C>,
  lostCtx: C,
  attempt: number,
  lost: GpuDeviceLostError,
): Promise<C> {
  let fresh: C;
  try {
    fresh = await getCtx(lostCtx);
  } catch (cause) {
    throw new GpuRecoveryError(attempt, `no new GPU device after a device loss (${cause})`, cause);
  }
  if (fresh === lostCtx || fresh.isLost) {
    throw new GpuRecoveryError(attempt, 'the GPU device was lost and no working one came back', lost);
  }
  return fresh;
}

function asDeviceLoss(error: unknown, ctx: RecoverableContext): GpuDeviceLostError | null {
  if (error instanceof GpuDeviceLostError) return error;
  if (!ctx.isLost || isAbort(error)) return null;
  const message = error instanceof Error ? error.message : String(error);
  return new GpuDeviceLostError(null, 'unknown', message);
}

function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}
