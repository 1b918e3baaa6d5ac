import { adapterMaxLimits, describeAdapter } from './adapter';
import { BufferPool } from './buffer-pool';
import { workgroupGrid } from './dispatch';
import {
  GpuDeviceLostError,
  GpuKernelError,
  GpuLimitError,
  GpuUnavailableError,
  type GpuKernelFailure,
} from './errors';
import { PipelineCache } from './pipeline-cache';
import { align4, BufferUsage, MapMode } from './usage';

export interface GpuContextOptions {
  label?: string;
  powerPreference?: GPUPowerPreference;
  /** Bound on idle pooled buffer bytes (default 256 MiB). */
  maxPooledBytes?: number;
  /** Errors raised outside `run` (default: console.warn). */
  onUncapturedError?: (error: GPUError) => void;
}

const LOST = Symbol('device lost');
const DEFAULT_UPLOAD_USAGE = BufferUsage.STORAGE | BufferUsage.COPY_SRC | BufferUsage.COPY_DST;

/**
 * One GPUDevice with what kernels need around it: a pipeline cache, a buffer pool, a dispatch
 * helper for grids past 65,535 workgroups and `run`, which reports validation, out-of-memory and
 * device-loss errors naming the kernel. After a loss, create a new context (cheap).
 */
export class GpuContext {
  readonly device: GPUDevice;
  readonly adapterName: string;
  readonly limits: GPUSupportedLimits;
  readonly lost: Promise<GPUDeviceLostInfo>;
  readonly pool: BufferPool;
  private readonly pipelines: PipelineCache;
  private lostInfo: GPUDeviceLostInfo | null = null;
  private destroyed = false;
  /**
   * The GPU instance and adapter behind the device. dawn.node frees the native instance when its
   * JS object is garbage-collected, even with a device still running, and then crashes.
   */
  private readonly keepAlive: object[] = [];

  /** Requests an adapter and a device with every limit raised to the adapter's maximum. */
  static async create(gpu: GPU, options: GpuContextOptions = {}): Promise<GpuContext> {
    const adapter = await gpu.requestAdapter({ powerPreference: options.powerPreference });
    if (!adapter) {
      throw new GpuUnavailableError('No WebGPU adapter is available on this system');
    }
    let device: GPUDevice;
    try {
      device = await adapter.requestDevice({
        label: options.label ?? 'lucid',
        requiredLimits: adapterMaxLimits(adapter.limits),
      });
    } catch (cause) {
      throw new GpuUnavailableError(`The WebGPU adapter refused to create a device: ${cause}`, {
        cause,
      });
    }
    const ctx = new GpuContext(device, describeAdapter(adapter.info), options);
    ctx.keepAlive.push(gpu, adapter);
    return ctx;
  }

  /** Wraps an existing device (tests use fakes); `create` is the usual way in. */
  constructor(device: GPUDevice, adapterName: string, options: GpuContextOptions = {}) {
    this.device = device;
    this.adapterName = adapterName;
    this.limits = device.limits;
    this.pool = new BufferPool(device, {
      maxPooledBytes: options.maxPooledBytes,
      maxBufferSize: device.limits.maxBufferSize,
    });
    this.pipelines = new PipelineCache(device);
    this.lost = device.lost.then((info) => {
      this.lostInfo = info;
      return info;
    });
    const report = options.onUncapturedError ?? ((e: GPUError) => console.warn('WebGPU:', e.message));
    device.addEventListener?.('uncapturederror', (event) => report(event.error));
  }

  /** True once the device is lost or the context destroyed; create a new context then. */
  get isLost(): boolean {
    return this.destroyed || this.lostInfo !== null;
  }

  /** Cached compute pipeline (layout 'auto'); compilation errors surface from `run`. */
  pipeline(
    kernel: string,
    code: string,
    entryPoint = 'main',
    constants?: Record<string, number>,
  ): GPUComputePipeline {
    this.assertUsable(kernel);
    return this.pipelines.get(kernel, code, entryPoint, constants);
  }

  createBuffer(size: number, usage: GPUBufferUsageFlags, label: string): GPUBuffer {
    if (size > this.limits.maxBufferSize) {
      throw new GpuLimitError('maxBufferSize', this.limits.maxBufferSize, size, label);
    }
    return this.device.createBuffer({ size: align4(Math.max(size, 4)), usage, label });
  }

  /** New buffer holding `data` (storage, copy source and destination by default). */
  upload(data: ArrayBufferView, usage: GPUBufferUsageFlags = DEFAULT_UPLOAD_USAGE, label = 'upload') {
    if (data.byteLength > this.limits.maxBufferSize) {
      throw new GpuLimitError('maxBufferSize', this.limits.maxBufferSize, data.byteLength, label);
    }
    const buffer = this.device.createBuffer({
      size: align4(Math.max(data.byteLength, 4)),
      usage,
      label,
      mappedAtCreation: true,
    });
    const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    new Uint8Array(buffer.getMappedRange()).set(bytes);
    buffer.unmap();
    return buffer;
  }

  /** Copies `byteLength` bytes of `buffer` from `offset` (multiples of 4) back to the host. */
  async read(buffer: GPUBuffer, byteLength?: number, offset = 0): Promise<ArrayBuffer> {
    byteLength ??= buffer.size - offset;
    const size = align4(Math.max(byteLength, 4));
    const staging = this.pool.acquire(size, BufferUsage.MAP_READ | BufferUsage.COPY_DST, 'readback');
    let mapped = false;
    try {
      await this.run(`read ${buffer.label || 'buffer'}`, (encoder) => {
        encoder.copyBufferToBuffer(buffer, offset, staging, 0, size);
      });
      const outcome = await Promise.race([
        staging.mapAsync(MapMode.READ, 0, size).then(() => (mapped = true)),
        this.whenLost(),
      ]);
      if (outcome === LOST) throw this.lostError(`read ${buffer.label}`);
      return staging.getMappedRange(0, size).slice(0, byteLength);
    } catch (error) {
      if (this.isLost && !(error instanceof GpuDeviceLostError)) {
        throw this.lostError(`read ${buffer.label}`);
      }
      throw error;
    } finally {
      if (mapped) staging.unmap();
      this.pool.release(staging);
    }
  }

  /** Dispatches `workgroupCount` groups, as a 2-D grid when the count is past the per-side limit. */
  dispatch(pass: GPUComputePassEncoder, workgroupCount: number): void {
    const [x, y] = workgroupGrid(workgroupCount, this.limits.maxComputeWorkgroupsPerDimension);
    if (x > 0) pass.dispatchWorkgroups(x, y);
  }

  /**
   * Records commands with `record`, submits them and waits until the GPU has finished, inside
   * validation, out-of-memory and internal error scopes. Throws GpuKernelError naming `kernel`,
   * or GpuDeviceLostError when the device is lost meanwhile.
   */
  async run(kernel: string, record: (encoder: GPUCommandEncoder) => void): Promise<void> {
    this.assertUsable(kernel);
    const device = this.device;
    // Scopes are a per-device stack: push and pop in one synchronous stretch, so that
    // concurrent runs never pop each other's scopes.
    device.pushErrorScope('internal');
    device.pushErrorScope('out-of-memory');
    device.pushErrorScope('validation');
    let thrown: { error: unknown } | null = null;
    try {
      const encoder = device.createCommandEncoder({ label: kernel });
      record(encoder);
      device.queue.submit([encoder.finish()]);
    } catch (error) {
      thrown = { error };
    }
    const scopes = [device.popErrorScope(), device.popErrorScope(), device.popErrorScope()];
    const done = thrown ? Promise.resolve() : device.queue.onSubmittedWorkDone();
    const settled = await Promise.race([
      Promise.allSettled([...scopes, done, this.pipelines.verify(kernel)]),
      this.whenLost(),
    ]);
    if (settled === LOST) throw this.lostError(kernel);
    if (this.isLost) throw this.lostError(kernel);
    const [validation, oom, internal, , compiled] = settled;
    if (compiled.status === 'rejected') throw compiled.reason;
    if (thrown) throw thrown.error;
    throwScopeError(kernel, 'validation', validation);
    throwScopeError(kernel, 'out-of-memory', oom);
    throwScopeError(kernel, 'internal', internal);
  }

  /** Throws GpuLimitError when one storage binding of `bytes` is past the device's limit. */
  checkBindingSize(bytes: number, what: string): void {
    const limit = this.limits.maxStorageBufferBindingSize;
    if (bytes > limit) throw new GpuLimitError('maxStorageBufferBindingSize', limit, bytes, what);
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.pool.destroy();
    this.device.destroy();
    this.keepAlive.length = 0;
  }

  private whenLost(): Promise<typeof LOST> {
    return this.lost.then(() => LOST);
  }

  private assertUsable(kernel: string): void {
    if (this.isLost) throw this.lostError(kernel);
  }

  private lostError(kernel: string): GpuDeviceLostError {
    if (this.lostInfo) {
      return new GpuDeviceLostError(kernel, this.lostInfo.reason, this.lostInfo.message);
    }
    return new GpuDeviceLostError(kernel, 'destroyed', 'the GPU context was destroyed');
  }
}

function throwScopeError(
  kernel: string,
  failure: GpuKernelFailure,
  result: PromiseSettledResult<unknown>,
): void {
  if (result.status === 'rejected') {
    throw new GpuKernelError(kernel, failure, String(result.reason), { cause: result.reason });
  }
  const error = result.value as GPUError | null;
  if (error) throw new GpuKernelError(kernel, failure, error.message);
}
