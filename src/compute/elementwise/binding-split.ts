/**
 * Splitting of long arrays into pieces that each fit one storage-buffer binding
 * (`maxStorageBufferBindingSize`), with binding offsets that respect `minStorageBufferOffsetAlignment`.
 * Shared by the element-wise, reduction and convolution wrappers.
 */

/** One piece of a 1-D array, bound as `[byteOffset, byteOffset + byteSize)` of its buffer. */
export interface BindingSegment {
  /** First element of the piece in the whole array. */
  start: number;
  /** Number of elements in the piece. */
  count: number;
  /** Byte offset of the binding in the buffer (a multiple of the offset alignment). */
  byteOffset: number;
  /** Byte size of the binding. */
  byteSize: number;
}

/** The limits a wrapper splits against; `maxBindingBytes` lets tests force a small limit. */
export interface BindingLimits {
  maxStorageBufferBindingSize: number;
  minStorageBufferOffsetAlignment: number;
}

/** Minimal view of the GPU context needed to read limits (keeps this module testable without a GPU). */
export interface HasLimits {
  limits: { maxStorageBufferBindingSize: number; minStorageBufferOffsetAlignment: number };
}

/**
 * The binding limit in force: the device's, or a smaller test override; rounded down to a multiple of
 * 4 bytes because the spec allows an unaligned value (gpuweb#3831).
 */
export function bindingLimits(ctx: HasLimits, maxBindingBytes?: number): BindingLimits {
  const device = ctx.limits.maxStorageBufferBindingSize;
  const max = maxBindingBytes === undefined ? device : Math.min(device, maxBindingBytes);
  return {
    maxStorageBufferBindingSize: Math.floor(max / 4) * 4,
    minStorageBufferOffsetAlignment: ctx.limits.minStorageBufferOffsetAlignment,
  };
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/**
 * Elements per piece: the largest multiple of `granule` (and of the alignment in elements, so every
 * piece starts on an aligned offset) whose bytes fit the limit. 0 when not even one granule fits.
 */
export function elementsPerSegment(
  bytesPerElement: number,
  limits: BindingLimits,
  granule = 1,
): number {
  const alignElems = Math.max(1, limits.minStorageBufferOffsetAlignment / bytesPerElement);
  const step = (granule / gcd(granule, alignElems)) * alignElems;
  const fit = Math.floor(limits.maxStorageBufferBindingSize / bytesPerElement);
  return Math.floor(fit / step) * step;
}

/**
 * Splits `n` elements into pieces of at most `elementsPerSegment(...)` elements. Returns null when
 * one granule does not fit the limit (the caller refuses with a message naming the limit).
 */
export function splitForBinding(
  n: number,
  bytesPerElement: number,
  limits: BindingLimits,
  granule = 1,
): BindingSegment[] | null {
  if (n <= 0) return [];
  const per = elementsPerSegment(bytesPerElement, limits, granule);
  if (per <= 0) return null;
  const out: BindingSegment[] = [];
  for (let start = 0; start < n; start += per) {
    const count = Math.min(per, n - start);
    out.push({ start, count, byteOffset: start * bytesPerElement, byteSize: count * bytesPerElement });
  }
  return out;
}
