/**
 * Batched 1-D transforms along one axis of a 3-D complex array (CPU). Lines are gathered into the
 * WebAssembly heap in blocks: whole runs of contiguous lines for x; for strided axes, blocks of 16
 * neighbouring lines so every read and write touches 16 consecutive complex values (128 bytes)
 * instead of one value per cache line. Complex values are moved as one float64 each. Lengths of the
 * JS mixed-radix engine skip the heap: its column gather reads the array itself.
 */
import { lineFft, MixedRadixLine } from './line-fft.cpu';
import { transformLines } from './mixed-radix.cpu';
import { axisLines, type FftAxis, type Shape3 } from './shape';

/** Complex values per gathered block of contiguous lines (128 KiB: stays in L2). */
const CONTIGUOUS_BLOCK_VALUES = 16384;
/** Neighbouring lines per block on strided axes. */
const STRIDED_BLOCK_LINES = 16;

const align16 = (bytes: number) => Math.ceil(bytes / 16) * 16;

/**
 * Unnormalised transform of every line along `axis` from `src` to `dst` (may be the same array);
 * both hold one complex value per float64. `scale` multiplies the result; only lengths on the JS
 * mixed-radix engine take it (folded into its last stage).
 */
export function transformAxisCpu(src: Float64Array, dst: Float64Array, shape: Shape3, axis: FftAxis, inverse: boolean, scale = 1): void {
  const { n, stride, inner, count } = axisLines(shape, axis);
  if (n === 1) {
    if (src !== dst) dst.set(src);
    return;
  }
  const fft = lineFft(n);
  if (fft instanceof MixedRadixLine) {
    transformAxisMixedRadix(fft, src, dst, n, stride, inner, count, inverse, scale);
    return;
  }
  if (scale !== 1) throw new Error(`transformAxisCpu: length ${n} takes no scale`);
  const block = stride === 1
    ? Math.max(1, Math.min(count, Math.floor(CONTIGUOUS_BLOCK_VALUES / n)))
    : Math.min(STRIDED_BLOCK_LINES, inner);
  const linesBytes = align16(block * n * 8);
  const lines = fft.instance.scratch(linesBytes + fft.workBytes);
  const work = lines + linesBytes;
  const heap = new Float64Array(fft.instance.heap().buffer);
  const h0 = lines >> 3;
  if (stride === 1) {
    for (let l = 0; l < count; l += block) {
      const nb = Math.min(block, count - l);
      heap.set(src.subarray(l * n, (l + nb) * n), h0);
      fft.run(lines, nb, inverse, work);
      dst.set(heap.subarray(h0, h0 + nb * n), l * n);
    }
    return;
  }
  const outer = count / inner;
  for (let o = 0; o < outer; o++) {
    const plane = o * n * inner;
    for (let i0 = 0; i0 < inner; i0 += block) {
      const nb = Math.min(block, inner - i0);
      gatherStrided(src, heap, plane + i0, stride, n, nb, h0);
      fft.run(lines, nb, inverse, work);
      scatterStrided(heap, dst, plane + i0, stride, n, nb, h0);
    }
  }
}

function transformAxisMixedRadix(fft: MixedRadixLine, src: Float64Array, dst: Float64Array,
  n: number, stride: number, inner: number, count: number, inverse: boolean, scale: number): void {
  const s32 = new Float32Array(src.buffer, src.byteOffset, 2 * src.length);
  const d32 = src === dst ? s32 : new Float32Array(dst.buffer, dst.byteOffset, 2 * dst.length);
  if (stride === 1) {
    transformLines(fft.plan, s32, d32, { start: 0, lineStride: n, elemStride: 1, count }, inverse, scale);
    return;
  }
  for (let o = 0; o < count / inner; o++) {
    transformLines(fft.plan, s32, d32, { start: o * n * inner, lineStride: 1, elemStride: stride, count: inner }, inverse, scale);
  }
}

function gatherStrided(src: Float64Array, heap: Float64Array, start: number, stride: number, n: number, nb: number, h0: number): void {
  for (let k = 0; k < n; k++) {
    const s = start + k * stride;
    let d = h0 + k;
    for (let b = 0; b < nb; b++, d += n) heap[d] = src[s + b];
  }
}

function scatterStrided(heap: Float64Array, dst: Float64Array, start: number, stride: number, n: number, nb: number, h0: number): void {
  for (let k = 0; k < n; k++) {
    const d = start + k * stride;
    let s = h0 + k;
    for (let b = 0; b < nb; b++, s += n) dst[d + b] = heap[s];
  }
}
