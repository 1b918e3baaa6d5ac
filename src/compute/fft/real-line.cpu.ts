/**
 * Real-to-half-spectrum transforms of contiguous rows with PFFFT's own real FFT (SIMD build,
 * lengths 32·2^a·3^b·5^c): blocks of rows are copied to the WebAssembly heap and back with one
 * memcpy-speed `set` call each way. PFFFT's ordered real layout is [F0, F(n/2), Re F1, Im F1, …, Re F(n/2−1), Im F(n/2−1)].
 */
import { PFFFT_BACKWARD, PFFFT_FORWARD, pffftSimd } from './pffft';

/** Rows per block copied to the heap at once. */
const ROW_BLOCK = 32;

/**
 * Half spectra (nx/2+1 complex per row) of `rows` real rows of length n; unnormalised. PFFFT writes
 * each row straight into a heap block laid out as the half spectrum (rows n+2 floats apart), so the
 * block leaves the heap with one memcpy instead of one copy per row. PFFFT needs 16-byte aligned
 * rows: even rows land in place, odd rows 2 floats further and are moved back with copyWithin.
 */
export function realRowsForwardPffft(n: number, real: Float32Array, half: Float32Array, rows: number): void {
  const setup = pffftSimd.realSetup(n);
  const nh2 = n + 2;
  const { lines, work, out, heap } = rowScratch(n);
  const h0 = lines >> 2;
  const o0 = out >> 2;
  for (let r0 = 0; r0 < rows; r0 += ROW_BLOCK) {
    const nb = Math.min(ROW_BLOCK, rows - r0);
    heap.set(real.subarray(r0 * n, (r0 + nb) * n), h0);
    for (let b = 0; b < nb; b++) {
      const o = o0 + nh2 * b;
      const odd = b & 1;
      pffftSimd.transform(setup, lines + 4 * n * b, work, PFFFT_FORWARD, 4 * (o + 2 * odd));
      if (odd) heap.copyWithin(o, o + 2, o + nh2);
      // [F0, F(n/2), Re F1, …] → [F0, 0, Re F1, …, F(n/2), 0]
      heap[o + n] = heap[o + 1];
      heap[o + 1] = 0;
      heap[o + n + 1] = 0;
    }
    half.set(heap.subarray(o0, o0 + nb * nh2), r0 * nh2);
  }
}

/**
 * Real rows from half spectra (PFFFT backward) times `scale`; imaginary parts of bins 0 and n/2
 * ignored. Mirror of the forward: one memcpy brings a block of half spectra into the heap, each row
 * is put in PFFFT's order in place (odd rows moved 2 floats on, to a 16-byte boundary), and the
 * real rows come out contiguous.
 */
export function realRowsInversePffft(n: number, half: Float32Array, real: Float32Array, rows: number, scale: number): void {
  const setup = pffftSimd.realSetup(n);
  const nh2 = n + 2;
  const { lines, work, out, heap } = rowScratch(n);
  const h0 = lines >> 2;
  const o0 = out >> 2;
  for (let r0 = 0; r0 < rows; r0 += ROW_BLOCK) {
    const nb = Math.min(ROW_BLOCK, rows - r0);
    heap.set(half.subarray(r0 * nh2, (r0 + nb) * nh2), o0);
    for (let b = 0; b < nb; b++) {
      const o = o0 + nh2 * b;
      const odd = b & 1;
      heap[o + 1] = heap[o + n];
      if (odd) heap.copyWithin(o + 2, o, o + n);
      pffftSimd.transform(setup, 4 * (o + 2 * odd), work, PFFFT_BACKWARD, lines + 4 * n * b);
    }
    const dst = r0 * n;
    if (scale === 1) real.set(heap.subarray(h0, h0 + nb * n), dst);
    else for (let i = 0; i < nb * n; i++) real[dst + i] = heap[h0 + i] * scale;
  }
}

function rowScratch(n: number) {
  const linesBytes = ROW_BLOCK * n * 4;
  const outBytes = ROW_BLOCK * (n + 2) * 4;
  const lines = pffftSimd.scratch(linesBytes + outBytes + 4 * n);
  return { lines, out: lines + linesBytes, work: lines + linesBytes + outBytes, heap: pffftSimd.heap() };
}
