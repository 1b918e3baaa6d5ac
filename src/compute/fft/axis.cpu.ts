/**
 * Batched 1-D transforms along one axis of a 3-D complex array (CPU). Lines are gathered into the
 * WebAssembly heap in blocks: whole runs of contiguous lines for x; for strided axes, blocks of up
 * to 128 neighbouring lines moved in 4×4 tiles (strided.cpu.ts). Complex values are moved as one
 * float64 each. Lengths of the JS mixed-radix engine skip the heap: its column gather reads the
 * array itself.
 */
import { lineFft, MixedRadixLine } from './line-fft.cpu';
import { transformLines } from './mixed-radix.cpu';
import { axisLines, type FftAxis, type Shape3 } from './shape';
import { gatherStrided, scatterStrided, stridedBlockLines, stridedBlocks } from './strided.cpu';

/** Complex values per gathered block of contiguous lines (128 KiB: stays in L2). */
const CONTIGUOUS_BLOCK_VALUES = 16384;

const align16 = (bytes: number) => Math.ceil(bytes / 16) * 16;

/**
 * Unnormalised transform of every line along `axis` (of length > 1: callers pass only the active
 * axes) from `src` to `dst` (may be the same array); both hold one complex value per float64.
 * `scale` multiplies the result: folded into the last stage on the JS mixed-radix engine, into the
 * copy out of the heap on the others.
 */
export function transformAxisCpu(src: Float64Array, dst: Float64Array, shape: Shape3, axis: FftAxis, inverse: boolean, scale: number): void {
  const { n, stride, inner, count } = axisLines(shape, axis);
  const fft = lineFft(n);
  if (fft instanceof MixedRadixLine) {
    transformAxisMixedRadix(fft, src, dst, n, stride, inner, count, inverse, scale);
    return;
  }
  const block = stride === 1
    ? Math.max(1, Math.min(count, Math.floor(CONTIGUOUS_BLOCK_VALUES / n)))
    : Math.min(inner, stridedBlockLines(n));
  // [lines | scaled copy when scale ≠ 1 | engine work]
  const linesBytes = align16(block * n * 8);
  const outBytes = scale === 1 ? 0 : linesBytes;
  const lines = fft.instance.scratch(linesBytes + outBytes + fft.workBytes);
  const out = lines + outBytes;
  const work = lines + linesBytes + outBytes;
  const heap = new Float64Array(fft.instance.heap().buffer);
  const h0 = lines >> 3;
  const o0 = out >> 3;
  const runBlock = (nb: number) => {
    fft.run(lines, nb, inverse, work);
    if (scale !== 1) fft.instance.scaleTo(lines, out, 2 * nb * n, scale);
  };
  if (stride === 1) {
    for (let l = 0; l < count; l += block) {
      const nb = Math.min(block, count - l);
      heap.set(src.subarray(l * n, (l + nb) * n), h0);
      runBlock(nb);
      dst.set(heap.subarray(o0, o0 + nb * n), l * n);
    }
    return;
  }
  const bounds = stridedBlocks(inner, block);
  for (let o = 0; o < count / inner; o++) {
    const plane = o * n * inner;
    for (let i = 0; i + 1 < bounds.length; i++) {
      const i0 = bounds[i];
      const nb = bounds[i + 1] - i0;
      gatherStrided(src, heap, plane + i0, stride, n, nb, h0);
      runBlock(nb);
      scatterStrided(heap, dst, plane + i0, stride, n, nb, o0);
    }
  }
}

const f32 = (a: Float64Array) => new Float32Array(a.buffer, a.byteOffset, 2 * a.length);

function transformAxisMixedRadix(fft: MixedRadixLine, src: Float64Array, dst: Float64Array,
  n: number, stride: number, inner: number, count: number, inverse: boolean, scale: number): void {
  const s32 = f32(src);
  const d32 = src === dst ? s32 : f32(dst);
  if (stride === 1) {
    transformLines(fft.plan, s32, d32, { start: 0, lineStride: n, elemStride: 1, count }, inverse, scale);
    return;
  }
  for (let o = 0; o < count / inner; o++) {
    transformLines(fft.plan, s32, d32, { start: o * n * inner, lineStride: 1, elemStride: stride, count: inner }, inverse, scale);
  }
}
