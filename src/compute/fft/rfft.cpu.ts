/**
 * CPU twin of the real N-D FFT. Along x, rows of length 32·2^a·3^b·5^c use PFFFT's real FFT
 * (real-line.cpu.ts); other lengths pack two real rows into one complex line (z = a + i·b, then
 * A[k] = (Z[k] + conj Z[n−k])/2, B[k] = (Z[k] − conj Z[n−k])/2i), so one complex transform of
 * length nx serves two rows and any nx works. y and z are complex transforms of the half spectrum.
 * The inverse undoes the same steps.
 */
import { transformCpu } from './fft.cpu';
import { lineFft, MixedRadixLine, type LineFft } from './line-fft.cpu';
import { pffftSupportsReal } from './pffft';
import { realRowsForwardPffft, realRowsInversePffft } from './real-line.cpu';
import { realPairsForward, realPairsInverse, separateHalves } from './real-pairs.cpu';
import { checkLength, checkShape, halfShape, voxelCount3, type FftAxis, type Shape3 } from './shape';

export interface RfftPlanCpu {
  readonly shape: Shape3;
  /** [nz, ny, floor(nx/2)+1] */
  readonly halfShape: Shape3;
  /** Half spectrum (interleaved, 2·nz·ny·(nx/2+1) floats) of `real`; written to `half` when given. */
  forward(real: Float32Array, half?: Float32Array): Float32Array;
  /** Real array (normalised by 1/N) whose half spectrum is `half`; `half` is not modified. Uses a
   *  module-wide half-spectrum-sized work array (when nz or ny > 1, up to 64 MiB), shared by all plans. */
  inverse(half: Float32Array, real?: Float32Array): Float32Array;
}

/** Row pairs per gathered block. */
const PAIR_BLOCK = 16;

export function planRfftCpu(shape: Shape3): RfftPlanCpu {
  const s = checkShape(shape);
  const hs = halfShape(s);
  const nx = s[2];
  const rows = s[0] * s[1];
  const nReal = voxelCount3(s);
  const nHalf = 2 * voxelCount3(hs);
  const outer = ([0, 1] as FftAxis[]).filter((a) => s[a] > 1);
  for (const a of outer) lineFft(s[a]);
  const realPffft = pffftSupportsReal(nx);
  const fx = nx > 1 && !realPffft ? lineFft(nx) : null;
  const what = `for a real FFT of shape ${s.join('×')}`;
  return {
    shape: s,
    halfShape: hs,
    forward(real, half = new Float32Array(nHalf)) {
      checkLength(real, nReal, `real array ${what}`);
      checkLength(half, nHalf, `half spectrum ${what}`);
      if (realPffft) realRowsForwardPffft(nx, real, half, rows);
      else if (fx instanceof MixedRadixLine) realPairsForward(fx.plan, real, half, rows);
      else if (fx) realRowsForward(fx, real, half, rows);
      else for (let r = 0; r < rows; r++) { half[2 * r] = real[r]; half[2 * r + 1] = 0; }
      transformCpu(half, half, hs, outer, false, 1);
      return half;
    },
    inverse(half, real = new Float32Array(nReal)) {
      checkLength(half, nHalf, `half spectrum ${what}`);
      checkLength(real, nReal, `real array ${what}`);
      // y and z into a shared work array (half stays untouched). The whole 1/N is applied once:
      // on the JS mixed-radix x pass, folded into its last stage; before PFFFT's real rows, in
      // the y/z pass's copy out of the heap (so the rows leave the heap by memcpy).
      const scale = 1 / nReal;
      const scaleYz = realPffft && outer.length > 0;
      let spectrum = half;
      if (outer.length > 0) {
        spectrum = inverseWork(nHalf);
        transformCpu(half, spectrum, hs, outer, true, scaleYz ? scale : 1);
      }
      if (realPffft) realRowsInversePffft(nx, spectrum, real, rows, scaleYz ? 1 : scale);
      else if (fx instanceof MixedRadixLine) realPairsInverse(fx.plan, spectrum, real, rows, scale);
      else if (fx) realRowsInverse(fx, spectrum, real, rows, scale);
      else for (let r = 0; r < rows; r++) real[r] = spectrum[2 * r] * scale;
      return real;
    },
  };
}

let work = new Float32Array(0);
/** Above this (floats: 64 MiB) the scratch is allocated per call rather than kept for good. */
const KEPT_WORK_FLOATS = 16 * 2 ** 20;

/**
 * Scratch for the inverse's y and z passes, shared by every plan (JS runs one transform at a time;
 * callers that make a plan per call would otherwise allocate and zero a half spectrum each time).
 */
function inverseWork(length: number): Float32Array {
  if (length > KEPT_WORK_FLOATS) return new Float32Array(length);
  if (work.length < length) work = new Float32Array(length);
  return work.subarray(0, length);
}

export function rfftnCpu(real: Float32Array, shape: Shape3): Float32Array {
  return planRfftCpu(shape).forward(real);
}

export function irfftnCpu(half: Float32Array, shape: Shape3): Float32Array {
  return planRfftCpu(shape).inverse(half);
}

function blockScratch(fx: LineFft, pairs: number) {
  const linesBytes = Math.ceil((pairs * fx.n * 8) / 16) * 16;
  const lines = fx.instance.scratch(linesBytes + fx.workBytes);
  return { lines, work: lines + linesBytes, h0: lines >> 2, heap: fx.instance.heap() };
}

/**
 * Runs the complex line transform over all row pairs, PAIR_BLOCK pairs at a time: `load` writes
 * pair p's complex line at heap offset h, `store` reads the transformed line back.
 */
function transformPairs(fx: LineFft, rows: number, inverse: boolean,
  load: (p: number, heap: Float32Array, h: number) => void, store: (p: number, heap: Float32Array, h: number) => void): void {
  const pairs = Math.ceil(rows / 2);
  const { lines, work, h0, heap } = blockScratch(fx, Math.min(PAIR_BLOCK, pairs));
  for (let p0 = 0; p0 < pairs; p0 += PAIR_BLOCK) {
    const np = Math.min(PAIR_BLOCK, pairs - p0);
    for (let p = 0; p < np; p++) load(p0 + p, heap, h0 + 2 * fx.n * p);
    fx.run(lines, np, inverse, work);
    for (let p = 0; p < np; p++) store(p0 + p, heap, h0 + 2 * fx.n * p);
  }
}

/** x-axis real→half-spectrum transform of all rows, two rows per complex line. */
function realRowsForward(fx: LineFft, real: Float32Array, half: Float32Array, rows: number): void {
  const n = fx.n;
  const nh = (n >> 1) + 1;
  const load = (p: number, heap: Float32Array, h: number) => {
    const a = 2 * p * n;
    const hasB = 2 * p + 1 < rows;
    for (let k = 0; k < n; k++) {
      heap[h + 2 * k] = real[a + k];
      heap[h + 2 * k + 1] = hasB ? real[a + n + k] : 0;
    }
  };
  const store = (p: number, heap: Float32Array, h: number) => {
    const outA = 4 * p * nh;
    separateHalves(heap, h, 2, n, half, outA, 2 * p + 1 < rows ? outA + 2 * nh : -1);
  };
  transformPairs(fx, rows, false, load, store);
}

/** x-axis half-spectrum→real transform (times `scale`) of all rows, two rows per complex line. */
function realRowsInverse(fx: LineFft, half: Float32Array, real: Float32Array, rows: number, scale: number): void {
  const n = fx.n;
  const nh = (n >> 1) + 1;
  const load = (p: number, heap: Float32Array, h: number) => {
    const r = 2 * p;
    packHermitianPair(half, 2 * r * nh, r + 1 < rows ? 2 * (r + 1) * nh : -1, n, heap, h);
  };
  const store = (p: number, heap: Float32Array, h: number) => {
    const r = 2 * p;
    const hasB = r + 1 < rows;
    for (let k = 0; k < n; k++) {
      real[r * n + k] = heap[h + 2 * k] * scale;
      if (hasB) real[(r + 1) * n + k] = heap[h + 2 * k + 1] * scale;
    }
  };
  transformPairs(fx, rows, true, load, store);
}

/**
 * Z[k] = A[k] + i·B[k] over the full length n, A and B extended by Hermitian symmetry from their
 * half spectra (offsets `a`, `b` into `half`; b < 0 means B = 0). The imaginary parts of bins 0 and
 * n/2, which a real signal cannot have, are ignored (as scipy's irfft does).
 */
function packHermitianPair(half: Float32Array, a: number, b: number, n: number, heap: Float32Array, h: number): void {
  const nh = (n >> 1) + 1;
  for (let k = 0; k < n; k++) {
    const mirrored = k >= nh;
    const j = mirrored ? n - k : k;
    const selfConj = j === 0 || 2 * j === n;
    const sign = mirrored ? -1 : 1;
    const ar = half[a + 2 * j];
    const ai = selfConj ? 0 : sign * half[a + 2 * j + 1];
    const br = b < 0 ? 0 : half[b + 2 * j];
    const bi = b < 0 || selfConj ? 0 : sign * half[b + 2 * j + 1];
    heap[h + 2 * k] = ar - bi;
    heap[h + 2 * k + 1] = ai + br;
  }
}
