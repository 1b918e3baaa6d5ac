/** Shapes and index maps shared by the convolution twins, wrappers and tests. */
import { ConvError } from './errors';

/** (nz, ny, nx), row-major; 2-D images are [1, ny, nx]. */
export type Shape3 = [number, number, number];

export function count3(s: readonly number[]): number {
  return s[0] * s[1] * s[2];
}

export function checkShape3(what: string, s: readonly number[]): Shape3 {
  if (!Array.isArray(s) || s.length !== 3 || !s.every((v) => Number.isInteger(v) && v >= 1)) {
    throw new ConvError(`${what} must be three positive integers (z, y, x), got ${JSON.stringify(s)}`);
  }
  return [s[0], s[1], s[2]];
}

export function checkData(what: string, data: { length: number }, shape: Shape3, perValue = 1): void {
  const want = count3(shape) * perValue;
  if (data.length !== want) {
    throw new ConvError(`${what} has ${data.length} values but its shape ${shape.join('×')} needs ${want}`);
  }
}

/** The kernel's centre along an axis of length k: index floor(k/2) (MATLAB psf2otf, PERI). */
export function centre(k: number): number {
  return Math.floor(k / 2);
}

export type Padding = 'zero' | 'mirror';

/**
 * Source index along one axis for padded index j (image of length n at [0, n) inside length p):
 * the margin [n, p) is split, its first ⌈(p−n)/2⌉ values continuing past the right edge and the
 * rest wrapping to the left edge (negative positions). Outside the image: −1 for zero padding;
 * for mirror padding the half-sample symmetric reflection (edge value repeated, period 2n).
 */
export function padSource(j: number, n: number, p: number, padding: Padding): number {
  const right = (p - n + 1) >> 1;
  const s = j < n + right ? j : j - p;
  if (s >= 0 && s < n) return s;
  if (padding === 'zero') return -1;
  const period = 2 * n;
  const m = ((s % period) + period) % period;
  return m >= n ? period - 1 - m : m;
}
