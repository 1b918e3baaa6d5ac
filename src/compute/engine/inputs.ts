/** Checks of request arguments that arrive from another thread, untyped at run time. */
import { EngineError } from './errors';
import type { OpenArrayOptions } from './types';

/** Accepts an ArrayBuffer (or a view, copied out) and refuses anything else with a clear message. */
export function toArrayBuffer(bytes: unknown, request: string): ArrayBuffer {
  if (bytes instanceof ArrayBuffer) return bytes;
  if (ArrayBuffer.isView(bytes)) {
    const view = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return view.slice().buffer;
  }
  throw new EngineError('invalid-request', `${request} needs the file's bytes as an ArrayBuffer, got ${describeValue(bytes)}.`);
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'object') return (value as object).constructor?.name ?? 'an object';
  return typeof value;
}

export function checkArrayInput(data: unknown, opts: OpenArrayOptions | undefined): void {
  if (!(data instanceof Float32Array)) {
    throw new EngineError('invalid-request', `openArray needs a Float32Array, got ${describeValue(data)}.`);
  }
  const shape = opts?.shape;
  const valid = Array.isArray(shape) && shape.length === 3 && shape.every((n) => Number.isInteger(n) && n > 0);
  if (!valid) {
    throw new EngineError('invalid-request', `openArray needs a shape of three positive integers [n0, ny, nx], got ${JSON.stringify(shape)}.`);
  }
  const count = shape[0] * shape[1] * shape[2];
  if (count !== data.length) {
    throw new EngineError('invalid-request', `The shape ${shape.join('×')} holds ${count} voxels but the array has ${data.length}.`);
  }
  const axis = opts?.axis;
  if (axis !== undefined && axis !== 'z' && axis !== 't') {
    throw new EngineError('invalid-request', `axis must be "z" or "t", got ${JSON.stringify(axis)}.`);
  }
}
