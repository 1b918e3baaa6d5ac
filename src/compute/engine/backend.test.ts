import { describe, expect, it, vi } from 'vitest';
import { GpuDeviceLostError } from '../gpu/errors';
import { BackendManager, type BackendPreference, type ManagedContext } from './backend';
import { EngineError } from './errors';
import type { EngineEvent } from './types';

class FakeContext implements ManagedContext {
  readonly limits = { maxStorageBufferBindingSize: 128 << 20, maxBufferSize: 256 << 20 };
  readonly lost: Promise<GPUDeviceLostInfo>;
  destroyed = false;
  private lostFlag = false;
  private resolveLost!: (info: GPUDeviceLostInfo) => void;
  readonly device = { destroy: () => this.loseDevice('destroyed', 'Device was destroyed.') };

  constructor(readonly adapterName: string) {
    this.lost = new Promise((resolve) => (this.resolveLost = resolve));
  }

  get isLost(): boolean {
    return this.destroyed || this.lostFlag;
  }

  destroy(): void {
    this.destroyed = true;
  }

  loseDevice(reason: GPUDeviceLostReason, message: string): void {
    this.lostFlag = true;
    this.resolveLost({ reason, message } as GPUDeviceLostInfo);
  }
}

/** A manager over fake contexts named gpu-1, gpu-2…; `failFrom` makes creation fail from that count on. */
function setup(opts: { preference?: BackendPreference; gpu?: GPU | null; failFrom?: number } = {}) {
  const contexts: FakeContext[] = [];
  const events: EngineEvent[] = [];
  const createContext = vi.fn(async () => {
    if (opts.failFrom !== undefined && contexts.length + 1 >= opts.failFrom) throw new Error('requestAdapter returned null');
    const ctx = new FakeContext(`gpu-${contexts.length + 1}`);
    contexts.push(ctx);
    return ctx;
  });
  const manager = new BackendManager<FakeContext>({
    gpu: opts.gpu === undefined ? ({} as GPU) : opts.gpu,
    preference: opts.preference ?? 'auto',
    createContext,
    emit: (e) => events.push(e),
  });
  return { manager, contexts, events, createContext };
}

const lostError = () => new GpuDeviceLostError('volume-stats', 'unknown', 'Device lost');

describe('BackendManager start', () => {
  it('uses the CPU with a reason when there is no WebGPU entry point', async () => {
    const { manager, createContext } = setup({ gpu: null });
    expect(await manager.info()).toEqual({ kind: 'cpu', reason: expect.stringContaining('no WebGPU adapter') });
    expect(createContext).not.toHaveBeenCalled();
  });

  it('uses the CPU when forced, without creating a device', async () => {
    const { manager, createContext } = setup({ preference: 'cpu' });
    expect(await manager.info()).toEqual({ kind: 'cpu', reason: 'forced' });
    expect(createContext).not.toHaveBeenCalled();
  });

  it('falls back to the CPU and keeps the adapter error when no device can be made', async () => {
    const { manager } = setup({ failFrom: 1, preference: 'webgpu' });
    const info = await manager.info();
    expect(info.kind).toBe('cpu');
    expect(info.kind === 'cpu' && info.reason).toMatch(/WebGPU was requested.*requestAdapter returned null/);
  });

  it('reports the adapter and its buffer limits', async () => {
    const { manager, createContext } = setup();
    const [a, b] = await Promise.all([manager.info(), manager.info()]);
    expect(a).toEqual({ kind: 'webgpu', adapterName: 'gpu-1', maxStorageBufferBindingSize: 128 << 20, maxBufferSize: 256 << 20 });
    expect(b).toEqual(a);
    expect(createContext).toHaveBeenCalledTimes(1);
  });
});

describe('BackendManager.run and device loss', () => {
  it('runs on the GPU when a device is there', async () => {
    const { manager } = setup();
    const res = await manager.run('stats', async (ctx) => ctx.adapterName, async () => 'cpu');
    expect(res).toEqual({ value: 'gpu-1', backend: 'webgpu' });
  });

  it('retries an operation that hit a loss once, on a recreated device, and says so', async () => {
    const { manager, contexts, events } = setup();
    let calls = 0;
    const res = await manager.run('stats', async (ctx) => {
      calls++;
      if (ctx.adapterName === 'gpu-1') throw lostError();
      return ctx.adapterName;
    }, async () => 'cpu');
    expect(res).toEqual({ value: 'gpu-2', backend: 'webgpu' });
    expect(calls).toBe(2);
    expect(contexts[0].destroyed).toBe(true);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'backend', backend: { kind: 'webgpu', adapterName: 'gpu-2' } });
    expect(events[0].type === 'backend' && events[0].message).toMatch(/lost during stats.*new device was created on gpu-2/);
  });

  it('reports an operation lost twice as a device-lost error naming it', async () => {
    const { manager, createContext } = setup();
    const run = manager.run('the statistics of a.tif', async () => {
      throw lostError();
    }, async () => 'cpu');
    await expect(run).rejects.toSatisfy((e: unknown) => e instanceof EngineError && e.code === 'device-lost' && /statistics of a\.tif/.test(e.message));
    expect(createContext).toHaveBeenCalledTimes(2);
  });

  it('counts an error as a loss when the device reports lost right after it', async () => {
    const { manager, contexts } = setup();
    const res = await manager.run('stats', async (ctx) => {
      if (ctx.adapterName === 'gpu-1') {
        ctx.loseDevice('unknown', 'driver reset');
        throw new Error('mapAsync: device lost');
      }
      return 'ok';
    }, async () => 'cpu');
    expect(res.value).toBe('ok');
    expect(contexts).toHaveLength(2);
  });

  it('falls back to the CPU when the device cannot be recreated, and finishes the work there', async () => {
    const { manager, events } = setup({ failFrom: 2 });
    const res = await manager.run('stats', async () => {
      throw lostError();
    }, async () => 'from cpu');
    expect(res).toEqual({ value: 'from cpu', backend: 'cpu' });
    expect(await manager.info()).toEqual({ kind: 'cpu', reason: expect.stringMatching(/^device lost and could not be recreated/) });
    expect(events.at(-1)).toMatchObject({ type: 'backend', backend: { kind: 'cpu' } });
  });

  it('rethrows other errors without retrying', async () => {
    const { manager, createContext } = setup();
    const run = manager.run('stats', async () => {
      throw new RangeError('bad bins');
    }, async () => 'cpu');
    await expect(run).rejects.toThrow('bad bins');
    expect(createContext).toHaveBeenCalledTimes(1);
  });

  it('recreates the device after a spontaneous loss and emits a backend event', async () => {
    const { manager, contexts, events } = setup();
    expect(await manager.context()).toBe(contexts[0]);
    contexts[0].loseDevice('unknown', 'GPU hung');
    await vi.waitFor(() => expect(events).toHaveLength(1));
    expect(await manager.context()).toBe(contexts[1]);
    expect(events[0].type === 'backend' && events[0].message).toContain('GPU hung');
  });

  it('simulateLoss destroys the device and resolves once a new one is there', async () => {
    const { manager, contexts, events } = setup();
    const info = await manager.simulateLoss();
    expect(info).toMatchObject({ kind: 'webgpu', adapterName: 'gpu-2' });
    expect(contexts[0].destroyed).toBe(true);
    await Promise.resolve();
    expect(events).toHaveLength(1);
  });

  it('simulateLoss on the CPU backend says there is no device', async () => {
    const { manager } = setup({ preference: 'cpu' });
    await expect(manager.simulateLoss()).rejects.toMatchObject({ code: 'no-gpu' });
  });
});

describe('BackendManager.setPreference', () => {
  it('switches to the CPU, destroys the device on purpose and does not recreate it', async () => {
    const { manager, contexts, events, createContext } = setup();
    await manager.info();
    const info = await manager.setPreference('cpu');
    expect(info).toEqual({ kind: 'cpu', reason: 'forced' });
    contexts[0].loseDevice('destroyed', 'Device was destroyed.');
    await new Promise((r) => setTimeout(r, 0));
    expect(createContext).toHaveBeenCalledTimes(1);
    expect(events).toEqual([{ type: 'backend', backend: info, message: 'Backend set to cpu.' }]);
  });

  it('applies to requests made right after it, before any device is created', async () => {
    const { manager, createContext } = setup();
    const switching = manager.setPreference('cpu');
    expect(await manager.info()).toEqual({ kind: 'cpu', reason: 'forced' });
    await switching;
    expect(createContext).not.toHaveBeenCalled();
  });

  it('lets a start in progress finish, then switches; pending queries get the final backend', async () => {
    const { manager, contexts } = setup();
    const starting = manager.info();
    const switching = manager.setPreference('cpu');
    expect(await starting).toEqual({ kind: 'cpu', reason: 'forced' });
    expect(contexts).toHaveLength(1);
    expect(await switching).toEqual({ kind: 'cpu', reason: 'forced' });
    expect(contexts[0].destroyed).toBe(true);
  });

  it('switches back to WebGPU with a fresh device', async () => {
    const { manager } = setup({ preference: 'cpu' });
    expect(await manager.setPreference('auto')).toMatchObject({ kind: 'webgpu', adapterName: 'gpu-1' });
  });
});
