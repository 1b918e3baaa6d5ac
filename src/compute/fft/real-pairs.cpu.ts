/**
 * Real rows along x for the JS mixed-radix lengths (e.g. 112), two rows per complex line, with no
 * copy to the WebAssembly heap: the first Stockham stage reads row 2p as the real part and row 2p+1
 * as the imaginary part straight from the caller's real array (float stride 1), and the last stage
 * writes a column block that the spectrum separation reads. The inverse packs the Hermitian pair
 * (scaled) into the column block and its last stage writes the two real rows directly.
 */
import { COLUMN_BLOCK, type MixedRadixPlan } from './mixed-radix.cpu';
import type { Side } from './mixed-radix-stages.cpu';

/** Column block (Z[k] of pair b at 2·(k·cols + b)) and a zero-padded row for an odd last row. */
interface PairScratch {
  z: Float32Array;
  lone: Float32Array;
}

const scratches = new Map<number, PairScratch>();

function scratchFor(n: number): PairScratch {
  let s = scratches.get(n);
  if (!s) {
    s = { z: new Float32Array(2 * n * COLUMN_BLOCK), lone: new Float32Array(2 * n) };
    scratches.set(n, s);
  }
  return s;
}

/** Side for pairs of real rows starting at row `row0`: real part row 2p, imaginary part row 2p+1. */
function rowPairs(a: Float32Array, row0: number, n: number, swap: boolean): Side {
  const ra = row0 * n;
  const rb = ra + n;
  return { a, re: swap ? rb : ra, im: swap ? ra : rb, elem: 1, col: 2 * n };
}

function columns(z: Float32Array, cols: number, swap: boolean): Side {
  return { a: z, re: swap ? 1 : 0, im: swap ? 0 : 1, elem: 2 * cols, col: 2 };
}

/** Half spectra (n/2+1 complex per row) of `rows` real rows of length n = plan.n; unnormalised. */
export function realPairsForward(plan: MixedRadixPlan, real: Float32Array, half: Float32Array, rows: number): void {
  const n = plan.n;
  const { z, lone } = scratchFor(n);
  const pairs = rows >> 1;
  for (let p0 = 0; p0 < pairs; p0 += COLUMN_BLOCK) {
    const cols = Math.min(COLUMN_BLOCK, pairs - p0);
    plan.transform(rowPairs(real, 2 * p0, n, false), columns(z, cols, false), cols);
    separate(z, cols, n, half, 2 * p0, true);
  }
  if (rows % 2 === 1) {
    lone.set(real.subarray((rows - 1) * n, rows * n));
    lone.fill(0, n);
    plan.transform(rowPairs(lone, 0, n, false), columns(z, 1, false), 1);
    separate(z, 1, n, half, rows - 1, false);
  }
}

/**
 * separateHalves for the `cols` pairs of the column block: pair b into row `row0 + 2b` and, when
 * `withB`, the row after it.
 */
function separate(z: Float32Array, cols: number, n: number, half: Float32Array, row0: number, withB: boolean): void {
  const nh = (n >> 1) + 1;
  for (let b = 0; b < cols; b++) {
    const outA = 2 * (row0 + 2 * b) * nh;
    separateHalves(z, 2 * b, 2 * cols, n, half, outA, withB ? outA + 2 * nh : -1);
  }
}

/**
 * Spectra of two real rows packed as one complex line Z = A + i·B (Z[k] at z[z0 + k·step], re then
 * im): A[k] = (Z[k] + conj Z[n−k])/2 to half[outA + 2k], B[k] = (Z[k] − conj Z[n−k])/2i to
 * half[outB + 2k] (skipped when outB < 0), for k ≤ n/2. Shared with rfft.cpu.ts's heap path.
 */
export function separateHalves(z: Float32Array, z0: number, step: number, n: number, half: Float32Array, outA: number, outB: number): void {
  const nh = (n >> 1) + 1;
  let i = z0;
  let c = z0 + n * step; // Z[n − k]; Z[n] is Z[0]
  for (let k = 0; k < nh; k++, i += step, c -= step) {
    const cc = k === 0 ? i : c;
    const zr = z[i], zi = z[i + 1], cr = z[cc], ci = -z[cc + 1];
    half[outA + 2 * k] = 0.5 * (zr + cr);
    half[outA + 2 * k + 1] = 0.5 * (zi + ci);
    if (outB >= 0) {
      half[outB + 2 * k] = 0.5 * (zi - ci);
      half[outB + 2 * k + 1] = -0.5 * (zr - cr);
    }
  }
}

/** Real rows (times `scale`) from their half spectra; imaginary parts of bins 0 and n/2 ignored. */
export function realPairsInverse(plan: MixedRadixPlan, half: Float32Array, real: Float32Array, rows: number, scale: number): void {
  const n = plan.n;
  const { z, lone } = scratchFor(n);
  const pairs = rows >> 1;
  for (let p0 = 0; p0 < pairs; p0 += COLUMN_BLOCK) {
    const cols = Math.min(COLUMN_BLOCK, pairs - p0);
    packPairs(half, 2 * p0, cols, n, z, scale, true);
    plan.transform(columns(z, cols, true), rowPairs(real, 2 * p0, n, true), cols);
  }
  if (rows % 2 === 1) {
    packPairs(half, rows - 1, 1, n, z, scale, false);
    plan.transform(columns(z, 1, true), rowPairs(lone, 0, n, true), 1);
    real.set(lone.subarray(0, n), (rows - 1) * n);
  }
}

/**
 * Z[k] = scale·(A[k] + i·B[k]) over the full length n for the `cols` pairs from row `row0`, with
 * A[n−j] = conj A[j] (same for B; B = 0 when not `withB`); the imaginary parts of bins 0 and n/2,
 * which a real signal cannot have, are dropped (as scipy's irfft does).
 */
function packPairs(half: Float32Array, row0: number, cols: number, n: number, z: Float32Array, scale: number, withB: boolean): void {
  const nh = (n >> 1) + 1;
  const sb = withB ? scale : 0;
  const step = 2 * cols;
  for (let b = 0; b < cols; b++) {
    const a = 2 * (row0 + 2 * b) * nh;
    const bb = withB ? a + 2 * nh : a;
    z[2 * b] = scale * half[a];
    z[2 * b + 1] = sb * half[bb];
    let lo = 2 * b + step;
    let hi = 2 * b + (n - 1) * step;
    for (let j = 1; 2 * j < n; j++, lo += step, hi -= step) {
      const ar = scale * half[a + 2 * j], ai = scale * half[a + 2 * j + 1];
      const br = sb * half[bb + 2 * j], bi = sb * half[bb + 2 * j + 1];
      z[lo] = ar - bi; z[lo + 1] = ai + br;
      z[hi] = ar + bi; z[hi + 1] = br - ai;
    }
    if (n % 2 === 0) {
      const m = 2 * b + (n >> 1) * step;
      z[m] = scale * half[a + n];
      z[m + 1] = sb * half[bb + n];
    }
  }
}
