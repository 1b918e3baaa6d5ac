/** Common shape of the GPU line transforms (workgroup, multi-pass, Bluestein). */

/** Lines in one binding: `count` lines of n points, point k of line l at
 *  (l / inner)·n·inner + (l % inner) + k·inner (elements from the binding's start). */
export interface LineGeometry {
  n: number;
  count: number;
  inner: number;
}

export interface LineTransformGpu {
  /**
   * Records the transform of every line from `src` to `dst` (may be the same buffer): forward
   * unnormalised, inverse multiplied by the scale given at creation.
   */
  record(enc: GPUCommandEncoder, src: GPUBufferBinding, dst: GPUBufferBinding, inverse: boolean): void;
}

export function sameBinding(a: GPUBufferBinding, b: GPUBufferBinding): boolean {
  return a.buffer === b.buffer && (a.offset ?? 0) === (b.offset ?? 0);
}
