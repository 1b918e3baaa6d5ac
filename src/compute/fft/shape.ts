import { FftShapeError } from './errors';

/** (nz, ny, nx), row-major; 1-D and 2-D arrays use leading 1s. */
export type Shape3 = [number, number, number];
/** 0 = z, 1 = y, 2 = x. */
export type FftAxis = 0 | 1 | 2;

export function voxelCount3(shape: readonly number[]): number {
  return shape[0] * shape[1] * shape[2];
}

/** Shape of the half spectrum of a real array: the last axis keeps floor(nx/2)+1 bins, as in scipy's rfftn. */
export function halfShape(shape: readonly number[]): Shape3 {
  return [shape[0], shape[1], Math.floor(shape[2] / 2) + 1];
}

export function checkShape(shape: readonly number[]): Shape3 {
  if (!Array.isArray(shape) || shape.length !== 3) {
    throw new FftShapeError(`FFT shape must have 3 entries (nz, ny, nx), got ${JSON.stringify(shape)}`);
  }
  for (const n of shape) {
    if (!Number.isInteger(n) || n < 1) {
      throw new FftShapeError(`FFT shape entries must be positive integers, got ${JSON.stringify(shape)}`);
    }
  }
  if (voxelCount3(shape) * 2 > 2 ** 31) {
    throw new FftShapeError(`FFT of shape ${shape.join('×')} is too large for one array (over 2^30 complex values)`);
  }
  return [shape[0], shape[1], shape[2]];
}

/** Validates an axis list and returns it sorted and de-duplicated; default all three axes. */
export function checkAxes(axes: readonly number[] | undefined): FftAxis[] {
  if (axes === undefined) return [0, 1, 2];
  const out = new Set<FftAxis>();
  for (const a of axes) {
    if (a !== 0 && a !== 1 && a !== 2) {
      throw new FftShapeError(`FFT axes must be 0 (z), 1 (y) or 2 (x), got ${JSON.stringify(axes)}`);
    }
    out.add(a);
  }
  return [...out].sort();
}

export function checkLength(arr: ArrayLike<number>, expected: number, what: string): void {
  if (arr.length !== expected) {
    throw new FftShapeError(`${what} has ${arr.length} values, expected ${expected}`);
  }
}

/** Geometry of the lines along one axis: `count` lines of `n` points, point k of line l at
 *  base(l) + k*stride with base(l) = (l / inner)*n*inner + (l % inner). */
export interface AxisLines {
  n: number;
  stride: number;
  inner: number;
  count: number;
}

export function axisLines(shape: Shape3, axis: FftAxis): AxisLines {
  const n = shape[axis];
  const inner = axis === 2 ? 1 : axis === 1 ? shape[2] : shape[1] * shape[2];
  return { n, stride: inner, inner, count: voxelCount3(shape) / n };
}
