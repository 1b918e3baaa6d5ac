/** Shape checks shared by the inspection tools. */
import { InspectError } from './errors';

export type Shape3 = [number, number, number];

/** Checks that `shape` is three positive integers holding exactly `length` values; returns a copy. */
export function checkVolume(length: number, shape: readonly number[], what: string): Shape3 {
  if (shape.length !== 3 || !shape.every((n) => Number.isInteger(n) && n > 0)) {
    throw new InspectError(`${what}: the shape must be three positive integers (z, y, x), got [${shape.join(', ')}]`);
  }
  const n = shape[0] * shape[1] * shape[2];
  if (length !== n) throw new InspectError(`${what}: ${length} values do not fill a ${shape.join('×')} volume (${n} values)`);
  return [shape[0], shape[1], shape[2]];
}
