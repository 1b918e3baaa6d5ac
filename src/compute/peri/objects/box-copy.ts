/**
 * dst[box] = src[box] between two float32 arrays laid out on (possibly different) tiles of the
 * padded grid, a typed-array copy per x-row: the save / restore copies of exact undo
 * (sphere-undo.ts, state/probe.ts) run for every finite-difference probe.
 */
import type { Tile } from '../tile';

export function copyBox(src: Float32Array, srcHolder: Tile, dst: Float32Array, dstHolder: Tile, box: Tile): void {
  const [, sy, sx] = srcHolder.shape;
  const [, dy, dx] = dstHolder.shape;
  const [bz, by, bx] = box.shape;
  for (let z = 0; z < bz; z++) {
    for (let y = 0; y < by; y++) {
      const [zz, yy] = [box.l[0] + z, box.l[1] + y];
      const s = ((zz - srcHolder.l[0]) * sy + (yy - srcHolder.l[1])) * sx + (box.l[2] - srcHolder.l[2]);
      const d = ((zz - dstHolder.l[0]) * dy + (yy - dstHolder.l[1])) * dx + (box.l[2] - dstHolder.l[2]);
      dst.set(src.subarray(s, s + bx), d);
    }
  }
}
