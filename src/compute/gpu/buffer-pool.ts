import { GpuError, GpuLimitError } from './errors';
import { align4 } from './usage';

/** The part of GPUDevice the pool needs (a fake in unit tests). */
export interface BufferDevice {
  createBuffer(descriptor: GPUBufferDescriptor): GPUBuffer;
}

export interface BufferPoolOptions {
  /** Upper bound on the bytes of idle buffers kept for reuse (default 256 MiB). */
  maxPooledBytes?: number;
  /** The device's maxBufferSize; size classes never round past it. */
  maxBufferSize?: number;
}

export class BufferPoolError extends GpuError {}

const MIN_CLASS = 256;
const DEFAULT_MAX_POOLED = 256 * 1024 * 1024;

/**
 * Size class of a request: the smallest of 2^k · {1, 1.25, 1.5, 1.75} that holds it (at least
 * 256 bytes), so a reused buffer wastes at most 25 % while similar sizes share buffers.
 */
export function sizeClass(bytes: number): number {
  if (bytes <= MIN_CLASS) return MIN_CLASS;
  const base = 2 ** Math.floor(Math.log2(bytes - 1));
  for (const step of [1.25, 1.5, 1.75, 2]) {
    if (base * step >= bytes) return base * step;
  }
  return base * 2;
}

/**
 * Reuses GPU buffers by (usage, size class). Acquired buffers may be larger than asked for: bind
 * them with an explicit `size`. Idle buffers are kept up to `maxPooledBytes`, oldest evicted first.
 */
export class BufferPool {
  private readonly device: BufferDevice;
  private readonly maxPooledBytes: number;
  private readonly maxBufferSize: number;
  private readonly free = new Map<string, GPUBuffer[]>();
  /** Idle buffers in release order, for eviction. */
  private readonly idleOrder = new Set<GPUBuffer>();
  private readonly inUse = new Set<GPUBuffer>();
  private idleBytes = 0;
  private destroyed = false;

  constructor(device: BufferDevice, options: BufferPoolOptions = {}) {
    this.device = device;
    this.maxPooledBytes = options.maxPooledBytes ?? DEFAULT_MAX_POOLED;
    this.maxBufferSize = options.maxBufferSize ?? Number.MAX_SAFE_INTEGER;
  }

  /** Bytes held by idle buffers. */
  get pooledBytes(): number {
    return this.idleBytes;
  }

  get inUseCount(): number {
    return this.inUse.size;
  }

  acquire(size: number, usage: GPUBufferUsageFlags, label = 'pooled buffer'): GPUBuffer {
    if (!Number.isFinite(size) || size <= 0) {
      throw new BufferPoolError(`Cannot allocate a GPU buffer of ${size} bytes for ${label}`);
    }
    if (size > this.maxBufferSize) {
      throw new GpuLimitError('maxBufferSize', this.maxBufferSize, size, label);
    }
    const cap = Math.floor(this.maxBufferSize / 4) * 4;
    const bytes = Math.max(Math.min(sizeClass(size), cap), align4(size));
    const reused = this.free.get(key(usage, bytes))?.pop();
    const buffer = reused ?? this.device.createBuffer({ size: bytes, usage, label });
    if (reused) {
      this.idleOrder.delete(reused);
      this.idleBytes -= reused.size;
      reused.label = label;
    }
    this.inUse.add(buffer);
    return buffer;
  }

  release(buffer: GPUBuffer): void {
    if (!this.inUse.delete(buffer)) {
      throw new BufferPoolError(
        `Buffer "${buffer.label}" was not acquired from this pool or was already released`,
      );
    }
    if (this.destroyed || buffer.size > this.maxPooledBytes) {
      buffer.destroy();
      return;
    }
    if (buffer.mapState === 'mapped') buffer.unmap();
    const k = key(buffer.usage, buffer.size);
    const list = this.free.get(k) ?? [];
    list.push(buffer);
    this.free.set(k, list);
    this.idleOrder.add(buffer);
    this.idleBytes += buffer.size;
    this.trim(this.maxPooledBytes);
  }

  /** Destroys idle buffers, oldest first, until at most `keepBytes` remain pooled. */
  trim(keepBytes = 0): void {
    for (const buffer of this.idleOrder) {
      if (this.idleBytes <= keepBytes) break;
      this.idleOrder.delete(buffer);
      const list = this.free.get(key(buffer.usage, buffer.size));
      list?.splice(list.indexOf(buffer), 1);
      this.idleBytes -= buffer.size;
      buffer.destroy();
    }
  }

  /** Frees idle buffers; buffers still acquired are destroyed when released. */
  destroy(): void {
    this.trim(0);
    this.free.clear();
    this.destroyed = true;
  }
}

function key(usage: number, bytes: number): string {
  return `${usage}:${bytes}`;
}
