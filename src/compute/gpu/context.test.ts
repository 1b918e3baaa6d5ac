import { describe, expect, it } from 'vitest';
import { GpuContext } from './context';
import { GpuDeviceLostError, GpuKernelError, GpuLimitError, GpuUnavailableError } from './errors';
import { FakeDevice } from './fake-device';

function fakeContext(device = new FakeDevice()) {
  return { device, ctx: new GpuContext(device.asDevice(), 'fake adapter', { onUncapturedError: () => {} }) };
}

const noop = () => {};

describe('GpuContext.run', () => {
  it('submits once and leaves the error-scope stack balanced', async () => {
    const { device, ctx } = fakeContext();
    await ctx.run('k', noop);
    expect(device.submits).toBe(1);
    expect(device.scopeDepth).toBe(0);
  });

  it('turns a validation error into GpuKernelError naming the kernel', async () => {
    const { device, ctx } = fakeContext();
    device.submitErrors = [['validation', 'Binding size is too small']];
    const error = await ctx.run('reduce/volume-stats-moments', noop).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GpuKernelError);
    expect((error as GpuKernelError).failure).toBe('validation');
    expect((error as Error).message).toBe(
      'GPU kernel "reduce/volume-stats-moments" failed WebGPU validation: Binding size is too small',
    );
  });

  it('reports out-of-memory and internal errors by kind', async () => {
    const { device, ctx } = fakeContext();
    device.submitErrors = [['out-of-memory', 'Out of memory']];
    await expect(ctx.run('big', noop)).rejects.toThrow('GPU kernel "big" ran out of GPU memory: Out of memory');
    device.submitErrors = [['internal', 'lost in translation']];
    await expect(ctx.run('odd', noop)).rejects.toThrow(/"odd" hit an internal GPU error/);
  });

  it('rethrows an error from the record callback with the scopes popped', async () => {
    const { device, ctx } = fakeContext();
    await expect(ctx.run('k', () => { throw new RangeError('bad plan'); })).rejects.toThrow('bad plan');
    expect(device.scopeDepth).toBe(0);
    expect(device.submits).toBe(0);
  });

  it('prefers the WGSL compile error of its own pipeline to the validation error it causes', async () => {
    const device = new FakeDevice({
      compile: () => [{ type: 'error', message: 'expected ;', lineNum: 1, linePos: 5 }],
    });
    const { ctx } = fakeContext(device);
    device.submitErrors = [['validation', 'Invalid ComputePipeline']];
    await expect(ctx.run('kern', () => ctx.pipeline('kern', 'fn x'))).rejects.toThrow(
      /"kern" failed to compile: line 1:5: expected ;/,
    );
  });

  it('keeps the scopes of concurrent runs apart', async () => {
    const { device, ctx } = fakeContext();
    const failing = ctx.run('a', () => device.raise('validation', 'a broke'));
    const passing = ctx.run('b', noop);
    await expect(failing).rejects.toThrow(/"a" failed WebGPU validation: a broke/);
    await expect(passing).resolves.toBeUndefined();
  });

  it('throws GpuDeviceLostError when the device is lost while the work runs', async () => {
    const { device, ctx } = fakeContext();
    device.workDone = new Promise(() => {}); // the GPU never finishes
    const running = ctx.run('long', noop);
    device.loseDevice('unknown', 'driver reset');
    const error = await running.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GpuDeviceLostError);
    expect((error as Error).message).toBe(
      'The GPU device was lost while running "long" (unknown: driver reset)',
    );
    expect(ctx.isLost).toBe(true);
    await expect(ctx.run('next', noop)).rejects.toThrow(GpuDeviceLostError);
    expect(() => ctx.pipeline('next', 'code')).toThrow(GpuDeviceLostError);
  });

  it('refuses work after destroy', async () => {
    const { device, ctx } = fakeContext();
    ctx.destroy();
    expect(device.destroyed).toBe(true);
    expect(ctx.isLost).toBe(true);
    await expect(ctx.run('k', noop)).rejects.toThrow(/destroyed/);
  });
});

describe('GpuContext limits and helpers', () => {
  it('checkBindingSize names maxStorageBufferBindingSize and its value', () => {
    const { ctx } = fakeContext(new FakeDevice({ limits: { maxStorageBufferBindingSize: 134217728 } }));
    expect(() => ctx.checkBindingSize(134217728, 'volume')).not.toThrow();
    const call = () => ctx.checkBindingSize(536870912, 'The volume (512³ float32)');
    expect(call).toThrow(GpuLimitError);
    expect(call).toThrow(
      "The volume (512³ float32) needs 536,870,912 bytes but this GPU's maxStorageBufferBindingSize is 134,217,728 bytes",
    );
  });

  it('createBuffer and upload refuse sizes past maxBufferSize', () => {
    const { ctx } = fakeContext(new FakeDevice({ limits: { maxBufferSize: 1024 } }));
    expect(() => ctx.createBuffer(2048, 0x80, 'big')).toThrow(/maxBufferSize/);
    expect(() => ctx.upload(new Float32Array(512))).toThrow(GpuLimitError);
    expect(ctx.createBuffer(6, 0x80, 'small').size).toBe(8);
  });

  it('dispatch folds large counts into a 2-D grid', () => {
    const { ctx } = fakeContext();
    const calls: number[][] = [];
    const pass = { dispatchWorkgroups: (...a: number[]) => calls.push(a) } as unknown as GPUComputePassEncoder;
    ctx.dispatch(pass, 100);
    ctx.dispatch(pass, 65536 * 3);
    ctx.dispatch(pass, 0);
    expect(calls).toEqual([[100, 1], [49152, 4]]);
  });

  it('read throws GpuDeviceLostError on a lost device', async () => {
    const { device, ctx } = fakeContext();
    const buf = ctx.createBuffer(16, 0x80 | 0x4, 'result');
    device.loseDevice();
    await ctx.lost;
    await expect(ctx.read(buf)).rejects.toThrow(/lost while running "read result"/);
  });
});

describe('GpuContext.create', () => {
  function fakeGpu(adapter: unknown): GPU {
    return { requestAdapter: async () => adapter } as unknown as GPU;
  }

  it("requests every limit at the adapter's maximum", async () => {
    const device = new FakeDevice();
    let requested: GPUDeviceDescriptor | undefined;
    const adapter = {
      limits: { maxBufferSize: 1 << 30, maxStorageBufferBindingSize: 1 << 29 },
      info: { vendor: 'acme', architecture: 'turbo', device: '', description: 'Acme GPU' },
      requestDevice: async (desc: GPUDeviceDescriptor) => ((requested = desc), device.asDevice()),
    };
    const ctx = await GpuContext.create(fakeGpu(adapter), { label: 'test' });
    expect(requested?.requiredLimits).toEqual({ maxBufferSize: 1 << 30, maxStorageBufferBindingSize: 1 << 29 });
    expect(requested?.label).toBe('test');
    expect(ctx.adapterName).toBe('acme turbo Acme GPU');
  });

  it('throws GpuUnavailableError without an adapter or when the device is refused', async () => {
    await expect(GpuContext.create(fakeGpu(null))).rejects.toThrow(GpuUnavailableError);
    const refusing = { limits: {}, requestDevice: async () => { throw new Error('limits too high'); } };
    await expect(GpuContext.create(fakeGpu(refusing))).rejects.toThrow(/refused to create a device: Error: limits too high/);
  });
});
