/**
 * Gather and scatter of a block of neighbouring strided lines (y or z axis) between the array and
 * contiguous lines in the WebAssembly heap, one complex value per float64. Both walk 4×4 tiles
 * (4 points of 4 neighbouring lines): 16 loads then 16 stores, so each read or written run is
 * 4 values long on both sides and V8 keeps the tile in registers. Measured (Node 20, 2-core box),
 * gather + scatter alone of a whole 128³ axis: one value at a time 4.9 ms, 2×2 tiles 3.1–3.3 ms,
 * 4×4 tiles 2.5–2.6 ms, 8×8 2.45 ms (more code, no real gain).
 */

/**
 * Most neighbouring lines per block for lines of length n: up to 128 (1 KiB runs on the array
 * side), as long as the block stays within 256 KiB of heap (L2; PFFFT reads it again), in whole
 * 4-line tiles. Measured per strided axis (c2c 64×256×256, 2-core EPYC, load ≈ 2.5): 16 lines
 * 15.5–17 ms, 32 lines 10–12 ms, 64 lines 9.7–10.6 ms, 128 lines 9.1–9.3 ms.
 */
export function stridedBlockLines(n: number): number {
  return Math.max(4, Math.min(128, 4 * Math.floor(32768 / n / 4)));
}

/**
 * Block boundaries for `inner` neighbouring lines: ceil(inner/maxLines) blocks of at most
 * `maxLines` (a multiple of 4) lines, of nearly equal sizes on multiples of 4 (the last takes the
 * rest), so that a half-spectrum width such as 33 or 65 does not leave a one-line block (a whole
 * cache line read per 8-byte value). Block i is [bounds[i], bounds[i+1]).
 */
export function stridedBlocks(inner: number, maxLines: number): number[] {
  const blocks = Math.ceil(inner / maxLines);
  const bounds = [0];
  for (let i = 1; i < blocks; i++) bounds.push(4 * Math.ceil((i * inner) / (4 * blocks)));
  bounds.push(inner);
  return bounds;
}

/**
 * heap[h0 + b·n + k] = src[start + k·stride + b] for k < n, b < nb: lines b of the block become
 * contiguous lines in the heap.
 */
export function gatherStrided(src: Float64Array, heap: Float64Array, start: number, stride: number, n: number, nb: number, h0: number): void {
  const n2 = 2 * n;
  const n3 = 3 * n;
  let k = 0;
  for (; k + 4 <= n; k += 4) {
    const s0 = start + k * stride;
    const s1 = s0 + stride;
    const s2 = s1 + stride;
    const s3 = s2 + stride;
    let d = h0 + k;
    let b = 0;
    for (; b + 4 <= nb; b += 4, d += 4 * n) {
      const a0 = src[s0 + b], a1 = src[s0 + b + 1], a2 = src[s0 + b + 2], a3 = src[s0 + b + 3];
      const c0 = src[s1 + b], c1 = src[s1 + b + 1], c2 = src[s1 + b + 2], c3 = src[s1 + b + 3];
      const e0 = src[s2 + b], e1 = src[s2 + b + 1], e2 = src[s2 + b + 2], e3 = src[s2 + b + 3];
      const f0 = src[s3 + b], f1 = src[s3 + b + 1], f2 = src[s3 + b + 2], f3 = src[s3 + b + 3];
      heap[d] = a0; heap[d + 1] = c0; heap[d + 2] = e0; heap[d + 3] = f0;
      heap[d + n] = a1; heap[d + n + 1] = c1; heap[d + n + 2] = e1; heap[d + n + 3] = f1;
      heap[d + n2] = a2; heap[d + n2 + 1] = c2; heap[d + n2 + 2] = e2; heap[d + n2 + 3] = f2;
      heap[d + n3] = a3; heap[d + n3 + 1] = c3; heap[d + n3 + 2] = e3; heap[d + n3 + 3] = f3;
    }
    for (; b < nb; b++, d += n) {
      heap[d] = src[s0 + b]; heap[d + 1] = src[s1 + b]; heap[d + 2] = src[s2 + b]; heap[d + 3] = src[s3 + b];
    }
  }
  for (; k < n; k++) {
    const s = start + k * stride;
    for (let b = 0, d = h0 + k; b < nb; b++, d += n) heap[d] = src[s + b];
  }
}

/** Inverse of gatherStrided: dst[start + k·stride + b] = heap[h0 + b·n + k]. */
export function scatterStrided(heap: Float64Array, dst: Float64Array, start: number, stride: number, n: number, nb: number, h0: number): void {
  const n2 = 2 * n;
  const n3 = 3 * n;
  let k = 0;
  for (; k + 4 <= n; k += 4) {
    const s0 = start + k * stride;
    const s1 = s0 + stride;
    const s2 = s1 + stride;
    const s3 = s2 + stride;
    let d = h0 + k;
    let b = 0;
    for (; b + 4 <= nb; b += 4, d += 4 * n) {
      const a0 = heap[d], c0 = heap[d + 1], e0 = heap[d + 2], f0 = heap[d + 3];
      const a1 = heap[d + n], c1 = heap[d + n + 1], e1 = heap[d + n + 2], f1 = heap[d + n + 3];
      const a2 = heap[d + n2], c2 = heap[d + n2 + 1], e2 = heap[d + n2 + 2], f2 = heap[d + n2 + 3];
      const a3 = heap[d + n3], c3 = heap[d + n3 + 1], e3 = heap[d + n3 + 2], f3 = heap[d + n3 + 3];
      dst[s0 + b] = a0; dst[s0 + b + 1] = a1; dst[s0 + b + 2] = a2; dst[s0 + b + 3] = a3;
      dst[s1 + b] = c0; dst[s1 + b + 1] = c1; dst[s1 + b + 2] = c2; dst[s1 + b + 3] = c3;
      dst[s2 + b] = e0; dst[s2 + b + 1] = e1; dst[s2 + b + 2] = e2; dst[s2 + b + 3] = e3;
      dst[s3 + b] = f0; dst[s3 + b + 1] = f1; dst[s3 + b + 2] = f2; dst[s3 + b + 3] = f3;
    }
    for (; b < nb; b++, d += n) {
      dst[s0 + b] = heap[d]; dst[s1 + b] = heap[d + 1]; dst[s2 + b] = heap[d + 2]; dst[s3 + b] = heap[d + 3];
    }
  }
  for (; k < n; k++) {
    const d = start + k * stride;
    for (let b = 0, s = h0 + k; b < nb; b++, s += n) dst[d + b] = heap[s];
  }
}
