import { GpuLimitError } from '../gpu/errors';
import { BufferUsage } from '../gpu/usage';
import type { BindingLimits } from './binding-split';

/**
 * A float32 array held in a GPU buffer, starting at byte 0 of the buffer. `length` counts floats
 * (a complex array of N values has length 2·N). The buffer may be larger than the array.
 */
export interface GpuArray {
  buffer: GPUBuffer;
  length: number;
}

/** Usage of arrays that kernels read and write and that are uploaded / read back. */
export const STORAGE_RW = BufferUsage.STORAGE | BufferUsage.COPY_SRC | BufferUsage.COPY_DST;
export const UNIFORM_PARAMS = BufferUsage.UNIFORM | BufferUsage.COPY_DST;

/** Refusal when one indivisible piece of work does not fit one storage binding. */
export function refuseBinding(what: string, bytes: number, limits: BindingLimits): never {
  throw new GpuLimitError('maxStorageBufferBindingSize', limits.maxStorageBufferBindingSize, bytes, what);
}

/** Refusal when an array's bytes exceed the buffer it claims to live in. */
export function checkArrayFits(what: string, arr: GpuArray, bytesPerFloat = 4): void {
  const bytes = arr.length * bytesPerFloat;
  if (bytes > arr.buffer.size) {
    throw new GpuArrayError(`${what}: ${arr.length} floats (${bytes} bytes) do not fit its GPU buffer of ${arr.buffer.size} bytes`);
  }
}

/** A GpuArray whose length does not match its buffer or its partner array. */
export class GpuArrayError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GpuArrayError';
  }
}
