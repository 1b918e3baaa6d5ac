/**
 * 1-D complex FFT engines for the CPU twin. The heap engines (`LineFft`) transform a block of
 * contiguous complex lines that sit in the WebAssembly heap of their PFFFT instance (the axis driver
 * gathers them there):
 * - PFFFT directly for the lengths it takes (2 and 4·2^a·3^b·5^c; SIMD build for multiples of 16),
 * - Bluestein (chirp-z) for any other length, on top of a padded PFFFT transform.
 * The other 2·3·5·7-smooth lengths (factor 7, odd, 2 mod 4) get a `MixedRadixLine`: the pure-JS
 * mixed-radix Stockham FFT over blocks of lines (mixed-radix.cpu.ts), which its callers run
 * directly on their arrays (`MixedRadixLine.plan`) without the copy to the heap.
 * Transforms are unnormalised in both directions; the plan applies 1/N once.
 */
import { MixedRadixPlan } from './mixed-radix.cpu';
import { PFFFT_BACKWARD, PFFFT_FORWARD, pffftFor, pffftSimd, pffftSupports, type PffftInstance } from './pffft';
import { isSmoothSize } from './smooth';

export interface LineFft {
  readonly n: number;
  readonly instance: PffftInstance;
  /** Scratch bytes `run` needs at `work` (16-byte aligned). */
  readonly workBytes: number;
  /** Transforms `count` lines of n complex values stored contiguously from byte address `lines`. */
  run(lines: number, count: number, inverse: boolean, work: number): void;
}

class PffftLine implements LineFft {
  readonly instance: PffftInstance;
  readonly workBytes: number;
  private readonly setup: number;

  constructor(readonly n: number) {
    this.instance = pffftFor(n);
    this.setup = this.instance.setup(n);
    this.workBytes = 8 * n;
  }

  run(lines: number, count: number, inverse: boolean, work: number): void {
    const dir = inverse ? PFFFT_BACKWARD : PFFFT_FORWARD;
    for (let l = 0; l < count; l++) this.instance.transform(this.setup, lines + 8 * this.n * l, work, dir);
  }
}

/**
 * Mixed-radix Stockham in JS: not a heap engine. Its callers run `plan` on their own arrays (the axis
 * driver through transformLines, the real x pass through real-pairs.cpu.ts), so no copy to the heap.
 */
export class MixedRadixLine {
  readonly plan: MixedRadixPlan;

  constructor(readonly n: number) {
    this.plan = new MixedRadixPlan(n);
  }
}

/** Smallest length PFFFT-SIMD accepts (2·3·5-smooth multiple of 16) that is ≥ n. */
export function bluesteinLength(n: number): number {
  let m = Math.ceil(n / 16) * 16;
  while (!pffftSupports(m)) m += 16;
  return m;
}

/**
 * Bluestein: jk = (j² + k² − (k−j)²)/2 turns the DFT into w[k]·Σ_j (x[j]·w[j])·conj(w[k−j]) with
 * w[k] = e^(−iπk²/n): a chirp multiply, a circular convolution of padded length m ≥ 2n−1 done with
 * two PFFFT transforms and PFFFT's SIMD spectrum product (in its internal frequency order), and a
 * chirp multiply. The inverse uses conj on the way in and out.
 */
class BluesteinLine implements LineFft {
  readonly instance = pffftSimd;
  readonly workBytes: number;
  readonly m: number;
  private readonly setup: number;
  /** Chirp w[k] = e^(−iπk²/n), k < n, interleaved. */
  private readonly chirp: Float64Array;
  /** Heap address of FFT_m of the wrapped kernel conj(w), in PFFFT's internal order. */
  private readonly kernelSpectrum: number;

  constructor(readonly n: number) {
    this.m = bluesteinLength(2 * n - 1);
    this.setup = this.instance.setup(this.m);
    this.workBytes = 24 * this.m;
    this.chirp = bluesteinChirp(n);
    this.kernelSpectrum = this.computeKernelSpectrum();
  }

  private computeKernelSpectrum(): number {
    const { n, m, chirp } = this;
    const ptr = this.instance.permanent(8 * m);
    const work = this.instance.scratch(8 * m);
    const h = this.instance.heap();
    const base = ptr >> 2;
    h.fill(0, base, base + 2 * m);
    for (let k = 0; k < n; k++) {
      for (const j of k === 0 ? [0] : [k, m - k]) {
        h[base + 2 * j] = chirp[2 * k];
        h[base + 2 * j + 1] = -chirp[2 * k + 1];
      }
    }
    this.instance.transformUnordered(this.setup, ptr, work, PFFFT_FORWARD);
    return ptr;
  }

  /** work = [padded line | spectrum product | PFFFT work], 8·m bytes each. */
  run(lines: number, count: number, inverse: boolean, work: number): void {
    const { n, m, chirp } = this;
    const s = inverse ? -1 : 1;
    const h = this.instance.heap();
    const pad = work >> 2;
    const prod = work + 8 * m;
    const p0 = prod >> 2;
    const pw = work + 16 * m;
    for (let l = 0; l < count; l++) {
      const line = (lines >> 2) + 2 * n * l;
      for (let k = 0; k < n; k++) {
        const xr = h[line + 2 * k];
        const xi = s * h[line + 2 * k + 1];
        const wr = chirp[2 * k];
        const wi = chirp[2 * k + 1];
        h[pad + 2 * k] = xr * wr - xi * wi;
        h[pad + 2 * k + 1] = xr * wi + xi * wr;
      }
      h.fill(0, pad + 2 * n, pad + 2 * m);
      h.fill(0, p0, p0 + 2 * m);
      this.instance.transformUnordered(this.setup, work, pw, PFFFT_FORWARD);
      this.instance.zconvolve(this.setup, work, this.kernelSpectrum, prod, 1 / m);
      this.instance.transformUnordered(this.setup, prod, pw, PFFFT_BACKWARD);
      for (let k = 0; k < n; k++) {
        const yr = h[p0 + 2 * k];
        const yi = h[p0 + 2 * k + 1];
        const wr = chirp[2 * k];
        const wi = chirp[2 * k + 1];
        h[line + 2 * k] = yr * wr - yi * wi;
        h[line + 2 * k + 1] = s * (yr * wi + yi * wr);
      }
    }
  }
}

/** w[k] = e^(−iπk²/n) in float64, with k² reduced mod 2n (exactly, incrementally) so the angle stays small. */
export function bluesteinChirp(n: number): Float64Array {
  const w = new Float64Array(2 * n);
  let k2 = 0;
  for (let k = 0; k < n; k++) {
    const a = (-Math.PI * k2) / n;
    w[2 * k] = Math.cos(a);
    w[2 * k + 1] = Math.sin(a);
    k2 = (k2 + 2 * k + 1) % (2 * n);
  }
  return w;
}

/**
 * Longest length for the JS mixed-radix engine: measured per line against Bluestein (Node 20), it is
 * 5× faster at n = 6, 2× at 30–49, 1.3–1.5× at 90–625, ~1.07× at 1029–3125 and slower at 7203
 * (its column blocks leave L2).
 */
export const MIXED_RADIX_MAX = 4096;

const engines = new Map<number, LineFft | MixedRadixLine>();

/** The (cached) engine for complex lines of length n ≥ 2. */
export function lineFft(n: number): LineFft | MixedRadixLine {
  let e = engines.get(n);
  if (!e) {
    if (pffftSupports(n)) e = new PffftLine(n);
    else if (isSmoothSize(n) && n <= MIXED_RADIX_MAX) e = new MixedRadixLine(n);
    else e = new BluesteinLine(n);
    engines.set(n, e);
  }
  return e;
}
