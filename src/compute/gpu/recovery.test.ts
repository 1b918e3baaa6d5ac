import { describe, expect, it, vi } from 'vitest';
import { GpuDeviceLostError, GpuKernelError } from './errors';
import { GpuRecoveryError, withDeviceRecovery } from './recovery';

class FakeCtx {
  isLost = false;
  constructor(readonly id: number) {}
}

/** getCtx as an engine would write it: the current context, or a new one after a loss. */
function engine() {
  let next = 0;
  let current = new FakeCtx(next++);
  const calls: (FakeCtx | undefined)[] = [];
  const getCtx = vi.fn(async (lost?: FakeCtx) => {
    calls.push(lost);
    if (lost) current = new FakeCtx(next++);
    return current;
  });
  return { getCtx, calls };
}

function lose(ctx: FakeCtx): never {
  ctx.isLost = true;
  throw new GpuDeviceLostError('k', 'unknown', 'driver reset');
}

describe('withDeviceRecovery', () => {
  it('returns the result without retrying when nothing goes wrong', async () => {
    const { getCtx } = engine();
    await expect(withDeviceRecovery(getCtx, async (ctx) => ctx.id)).resolves.toBe(0);
    expect(getCtx).toHaveBeenCalledTimes(1);
  });

  it('reruns the op once on a fresh context after a device loss', async () => {
    const { getCtx, calls } = engine();
    const onRetry = vi.fn();
    const seen: number[] = [];
    const result = await withDeviceRecovery(
      getCtx,
      async (ctx) => {
        seen.push(ctx.id);
        if (ctx.id === 0) lose(ctx);
        return `done on ${ctx.id}`;
      },
      { onRetry },
    );
    expect(result).toBe('done on 1');
    expect(seen).toEqual([0, 1]);
    expect(calls[1]?.id).toBe(0); // the lost context is handed back to the engine
    expect(onRetry).toHaveBeenCalledWith(expect.objectContaining({ attempt: 1 }));
  });

  it('reports, never swallows, a loss that outlasts the retries', async () => {
    const { getCtx } = engine();
    const op = vi.fn(async (ctx: FakeCtx) => lose(ctx));
    const error = await withDeviceRecovery(getCtx, op, { retries: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GpuRecoveryError);
    expect((error as Error).message).toMatch(/not completed: the GPU device was lost 2 times/);
    expect((error as GpuRecoveryError).cause).toBeInstanceOf(GpuDeviceLostError);
    expect(op).toHaveBeenCalledTimes(2);
  });

  it('honours retries: 0 and retries: 2', async () => {
    const zero = engine();
    await expect(
      withDeviceRecovery(zero.getCtx, async (ctx) => lose(ctx), { retries: 0 }),
    ).rejects.toThrow(/lost once/);
    const two = engine();
    const op = async (ctx: FakeCtx) => (ctx.id < 2 ? lose(ctx) : ctx.id);
    await expect(withDeviceRecovery(two.getCtx, op, { retries: 2 })).resolves.toBe(2);
  });

  it('rethrows other errors at once', async () => {
    const { getCtx } = engine();
    const failure = new GpuKernelError('k', 'validation', 'bad binding');
    const op = vi.fn(async () => { throw failure; });
    await expect(withDeviceRecovery(getCtx, op)).rejects.toBe(failure);
    expect(op).toHaveBeenCalledTimes(1);
  });

  it('treats any error from a context that reports loss as a loss', async () => {
    const { getCtx } = engine();
    const op = async (ctx: FakeCtx) => {
      if (ctx.id === 0) {
        ctx.isLost = true;
        throw new GpuKernelError('k', 'validation', 'Device is lost');
      }
      return 'ok';
    };
    await expect(withDeviceRecovery(getCtx, op)).resolves.toBe('ok');
  });

  it('does not rerun an aborted op', async () => {
    const { getCtx } = engine();
    const controller = new AbortController();
    const op = vi.fn(async (ctx: FakeCtx) => {
      controller.abort();
      return lose(ctx);
    });
    await expect(withDeviceRecovery(getCtx, op, { signal: controller.signal })).rejects.toThrow(/abort/i);
    expect(op).toHaveBeenCalledTimes(1);
  });

  it('fails clearly when the engine hands back a lost context or cannot make one', async () => {
    const stale = new FakeCtx(0);
    const sameAgain = async () => stale;
    await expect(withDeviceRecovery(sameAgain, async (ctx) => lose(ctx))).rejects.toThrow(
      /no working one came back/,
    );
    let first = true;
    const broken = async () => {
      if (first) return ((first = false), new FakeCtx(1));
      throw new Error('no adapter');
    };
    await expect(withDeviceRecovery(broken, async (ctx) => lose(ctx))).rejects.toThrow(
      /no new GPU device after a device loss \(Error: no adapter\)/,
    );
  });

  it('rejects a bad retries option', async () => {
    const { getCtx } = engine();
    await expect(withDeviceRecovery(getCtx, async () => 1, { retries: -1 })).rejects.toThrow(/retries/);
  });
});
