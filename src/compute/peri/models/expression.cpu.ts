/**
 * TS twin of model-pre.wgsl and model-post.wgsl: the element-wise halves of a model stage
 * (see stage.ts). Arrays are float32 on a tile; sums are formed in float64 and stored as float32.
 */
import { PeriShapeError } from '../errors';
import type { Coeffs4 } from './stage';

function checkLen(arr: ArrayLike<number> | null, n: number, what: string): void {
  if (arr && arr.length !== n) throw new PeriShapeError(`model expression: ${what} has ${arr.length} values, expected ${n}`);
}

/** out[i] = c0 + c1·A[i] + c2·B[i] + c3·A[i]·B[i]; A or B may be null when their terms are 0. */
export function modelPreCpu(
  c: Coeffs4,
  a: ArrayLike<number> | null,
  b: ArrayLike<number> | null,
  out: Float32Array,
): Float32Array {
  const n = out.length;
  checkLen(a, n, 'A');
  checkLen(b, n, 'B');
  const [c0, c1, c2, c3] = c;
  if (a && b) {
    for (let i = 0; i < n; i++) {
      const av = a[i];
      const bv = b[i];
      out[i] = c0 + c1 * av + c2 * bv + c3 * av * bv;
    }
  } else if (a) {
    for (let i = 0; i < n; i++) out[i] = c0 + c1 * a[i];
  } else if (b) {
    for (let i = 0; i < n; i++) out[i] = c0 + c2 * b[i];
  } else {
    out.fill(c0);
  }
  return out;
}

/** out[i] = d0·h[i] + d1·A[i]·h[i] + d2·A[i] + d3·B[i] (may be computed in place over h). */
export function modelPostCpu(
  d: Coeffs4,
  h: ArrayLike<number>,
  a: ArrayLike<number> | null,
  b: ArrayLike<number> | null,
  out: Float32Array,
): Float32Array {
  const n = out.length;
  checkLen(h, n, 'h');
  checkLen(a, n, 'A');
  checkLen(b, n, 'B');
  const [d0, d1, d2, d3] = d;
  for (let i = 0; i < n; i++) {
    const hv = h[i];
    let v = d0 * hv;
    if (a) v += (d1 * hv + d2) * a[i];
    if (b) v += d3 * b[i];
    out[i] = v;
  }
  return out;
}
