/**
 * Real-to-half-spectrum transforms of contiguous rows with PFFFT's own real FFT (SIMD build,
 * lengths 32·2^a·3^b·5^c): rows are copied to the WebAssembly heap and back with memcpy-speed
 * `set` calls. PFFFT's ordered real layout is [F0, F(n/2), Re F1, Im F1, …, Re F(n/2−1), Im F(n/2−1)].
 */
import { PFFFT_BACKWARD, PFFFT_FORWARD, pffftSimd } from './pffft';

/** Rows per block copied to the heap at once. */
const ROW_BLOCK = 32;

/** Half spectra (nx/2+1 complex per row) of `rows` real rows of length n; unnormalised. */
export function realRowsForwardPffft(n: number, real: Float32Array, half: Float32Array, rows: number): void {
  const setup = pffftSimd.realSetup(n);
  const nh = n / 2 + 1;
  const { lines, work, heap } = rowScratch(n);
  const h0 = lines >> 2;
  for (let r0 = 0; r0 < rows; r0 += ROW_BLOCK) {
    const nb = Math.min(ROW_BLOCK, rows - r0);
    heap.set(real.subarray(r0 * n, (r0 + nb) * n), h0);
    for (let b = 0; b < nb; b++) {
      const ptr = lines + 4 * n * b;
      pffftSimd.transform(setup, ptr, work, PFFFT_FORWARD);
      const h = h0 + n * b;
      const o = 2 * (r0 + b) * nh;
      half[o] = heap[h];
      half[o + 1] = 0;
      half.set(heap.subarray(h + 2, h + n), o + 2);
      half[o + n] = heap[h + 1];
      half[o + n + 1] = 0;
    }
  }
}

/** Real rows from half spectra (PFFFT backward) times `scale`; imaginary parts of bins 0 and n/2 ignored. */
export function realRowsInversePffft(n: number, half: Float32Array, real: Float32Array, rows: number, scale: number): void {
  const setup = pffftSimd.realSetup(n);
  const nh = n / 2 + 1;
  const { lines, work, heap } = rowScratch(n);
  const h0 = lines >> 2;
  for (let r0 = 0; r0 < rows; r0 += ROW_BLOCK) {
    const nb = Math.min(ROW_BLOCK, rows - r0);
    for (let b = 0; b < nb; b++) {
      const h = h0 + n * b;
      const o = 2 * (r0 + b) * nh;
      heap[h] = half[o];
      heap[h + 1] = half[o + n];
      heap.set(half.subarray(o + 2, o + n), h + 2);
      pffftSimd.transform(setup, lines + 4 * n * b, work, PFFFT_BACKWARD);
    }
    const out = r0 * n;
    for (let i = 0; i < nb * n; i++) real[out + i] = heap[h0 + i] * scale;
  }
}

function rowScratch(n: number) {
  const linesBytes = ROW_BLOCK * n * 4;
  const lines = pffftSimd.scratch(linesBytes + 4 * n);
  return { lines, work: lines + linesBytes, heap: pffftSimd.heap() };
}
