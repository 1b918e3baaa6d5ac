/**
 * One axis of a separable convolution, out[i] = Σ_j w_j · src[i − (j − ⌊n/2⌋)] along `axis`, for
 * the outputs in a box whose taps stay inside the block (no wrap-around): the building block of
 * the analytic derivatives, where a factor constant along an axis is pulled out of that axis'
 * pass (state/linear-derivatives.ts). Same taps and sums as separableBlurCpu.
 */
import { PeriShapeError } from '../errors';
import type { Vec3 } from '../tile';
import { accumulateLines, foldTaps } from './line-sweeps';
import type { BlurRegion } from './separable-blur.cpu';

/** Writes `dst` (laid out like `src` on `shape`) on `box` only. */
export function axisPass(src: Float32Array, shape: Vec3, taps: Float64Array, axis: 0 | 1 | 2, box: BlurRegion, dst: Float32Array): void {
  const n = taps.length;
  const c = Math.floor(n / 2);
  if (box.l[axis] - (n - 1 - c) < 0 || box.r[axis] - 1 + c >= shape[axis]) {
    throw new PeriShapeError(`axis pass: the taps of [${box.l[axis]}, ${box.r[axis]}) reach outside 0..${shape[axis]} along axis ${axis}`);
  }
  const [, ny, nx] = shape;
  const stride = axis === 0 ? ny * nx : axis === 1 ? nx : 1;
  const folded = foldTaps(taps);
  const len = box.r[2] - box.l[2];
  const acc = new Float64Array(len);
  const starts = new Int32Array(n);
  for (let z = box.l[0]; z < box.r[0]; z++) {
    for (let y = box.l[1]; y < box.r[1]; y++) {
      const at = (z * ny + y) * nx + box.l[2];
      for (let j = 0; j < n; j++) starts[j] = at - (j - c) * stride;
      accumulateLines(src, starts, folded, len, acc);
      dst.set(acc, at);
    }
  }
}
