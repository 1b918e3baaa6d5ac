/**
 * The CPU FFT library: PFFFT (BSD-3-Clause, Julien Pommier) compiled to WebAssembly by the
 * `@echogarden/pffft-wasm` package, in two builds: SIMD (wasm simd128) for lengths that are multiples
 * of 16, scalar for the other 2·3·5-smooth lengths. Both are instantiated once, at module load
 * (top-level await), so the CPU plans stay synchronous. See README.md for why this library.
 */
import createPffftScalar, { type PffftWasmModule } from '@echogarden/pffft-wasm';
import createPffftSimd from '@echogarden/pffft-wasm/simd';

const PFFFT_REAL = 0;
const PFFFT_COMPLEX = 1;
export const PFFFT_FORWARD = 0;
export const PFFFT_BACKWARD = 1;
/** Complex values per `scaleTo` chunk (a length both builds take). */
const SCALE_CHUNK = 1024;

/** One WebAssembly instance of PFFFT with its cached setups and one growable scratch area. */
export class PffftInstance {
  private readonly setups = new Map<number, number>();
  private readonly realSetups = new Map<number, number>();
  private scratchPtr = 0;
  private scratchBytes = 0;

  /** Complex setup of SCALE_CHUNK and a vector of 1 + 0i in this build's layout (SIMD: 4 re, 4 im),
   *  made up front: allocating later could grow the heap under a caller's views. */
  private readonly scaler: { setup: number; ones: number };

  constructor(readonly wasm: PffftWasmModule, readonly simd: boolean) {
    const ones = this.permanent(8 * SCALE_CHUNK);
    const lane = simd ? 4 : 1;
    const h = this.heap();
    for (let f = 0; f < 2 * SCALE_CHUNK; f++) h[(ones >> 2) + f] = Math.floor(f / lane) % 2 === 0 ? 1 : 0;
    this.scaler = { setup: this.setup(SCALE_CHUNK), ones };
  }

  /** Complex setup for length n (cached for the life of the page/process). */
  setup(n: number): number {
    let s = this.setups.get(n);
    if (s === undefined) {
      s = this.wasm._pffft_new_setup(n, PFFFT_COMPLEX);
      if (!s) throw new Error(`PFFFT cannot transform length ${n}`);
      this.setups.set(n, s);
    }
    return s;
  }

  /** Real-transform setup for length n (cached); see pffftSupportsReal. */
  realSetup(n: number): number {
    let s = this.realSetups.get(n);
    if (s === undefined) {
      s = this.wasm._pffft_new_setup(n, PFFFT_REAL);
      if (!s) throw new Error(`PFFFT cannot transform real length ${n}`);
      this.realSetups.set(n, s);
    }
    return s;
  }

  /**
   * A 16-byte aligned scratch area of at least `bytes`, reused by every plan of this instance (plans run
   * one at a time: JS is single-threaded). Re-read `heap()` after calling this: growth replaces it.
   */
  scratch(bytes: number): number {
    if (bytes > this.scratchBytes) {
      if (this.scratchPtr) this.wasm._pffft_aligned_free(this.scratchPtr);
      this.scratchBytes = Math.max(bytes, 2 * this.scratchBytes);
      this.scratchPtr = this.wasm._pffft_aligned_malloc(this.scratchBytes);
      if (!this.scratchPtr) throw new Error(`PFFFT could not allocate ${this.scratchBytes} bytes of scratch`);
    }
    return this.scratchPtr;
  }

  heap(): Float32Array {
    return this.wasm.HEAPF32;
  }

  /** In-place transform whose frequency side is in PFFFT's internal order (for `zconvolve`). */
  transformUnordered(setup: number, ptr: number, work: number, direction: number): void {
    this.wasm._pffft_transform(setup, ptr, ptr, work, direction);
  }

  /** ab += a·b·scale, all three in PFFFT's internal frequency order (SIMD). */
  zconvolve(setup: number, a: number, b: number, ab: number, scale: number): void {
    this.wasm._pffft_zconvolve_accumulate(setup, a, b, ab, scale);
  }

  /**
   * dst = src·scale for `floats` floats (16-byte aligned byte addresses, dst ≠ src; both may lie in
   * the scratch), rounded as the float64 product. When the scale is a power of 2 (1/N of power-of-2
   * lengths) the float32 product is exact, and PFFFT's SIMD spectrum product `ab += a·b·s` with
   * b = 1 + 0i (a·1 − a'·0 = a exactly) into a zeroed dst does it over chunks of SCALE_CHUNK complex
   * values (−0 becomes +0; ∞ becomes NaN); 128³ ifftn minus fftn: 1.7–2.1 ms with a scaled JS
   * scatter, 1.3–1.4 ms this way. Other scales, which a float32 s cannot hold exactly (a two-term
   * split still measured +2 % relative L2 error), and the remainder run in JS.
   */
  scaleTo(src: number, dst: number, floats: number, scale: number): void {
    const heap = this.heap();
    const pow2 = Math.fround(scale) === scale && Number.isInteger(Math.log2(scale));
    const whole = pow2 ? floats - (floats % (2 * SCALE_CHUNK)) : 0;
    if (whole > 0) {
      const { setup, ones } = this.scaler;
      heap.fill(0, dst >> 2, (dst >> 2) + whole);
      for (let f = 0; f < whole; f += 2 * SCALE_CHUNK) this.wasm._pffft_zconvolve_accumulate(setup, src + 4 * f, ones, dst + 4 * f, scale);
    }
    for (let f = whole, s = src >> 2, d = dst >> 2; f < floats; f++) heap[d + f] = heap[s + f] * scale;
  }

  /** A 16-byte aligned block that lives as long as the page/process (tables of cached engines). */
  permanent(bytes: number): number {
    const ptr = this.wasm._pffft_aligned_malloc(bytes);
    if (!ptr) throw new Error(`PFFFT could not allocate ${bytes} bytes`);
    return ptr;
  }

  /**
   * Ordered transform of the line at byte address `ptr` into `dst` (in place by default; both
   * 16-byte aligned; unnormalised).
   */
  transform(setup: number, ptr: number, work: number, direction: number, dst = ptr): void {
    this.wasm._pffft_transform_ordered(setup, ptr, dst, work, direction);
  }
}

export const pffftSimd = new PffftInstance(await createPffftSimd(), true);
export const pffftScalar = new PffftInstance(await createPffftScalar(), false);

/**
 * True when PFFFT transforms a complex line of length n directly: n = 2, or n = 4·2^a·3^b·5^c. Its
 * radix-3 and radix-5 passes cannot be the last pass, and the factor order it uses puts a 4 last
 * only when 4 divides n (30 = 2·5·3 aborts); the SIMD build further needs n % 16 = 0.
 */
export function pffftSupports(n: number): boolean {
  return n === 2 || (n % 4 === 0 && isSmooth235(n));
}

function isSmooth235(n: number): boolean {
  let m = n;
  for (const p of [2, 3, 5]) while (m % p === 0) m /= p;
  return m === 1;
}

/** True when the SIMD build transforms real lines of length n directly (n = 32·2^a·3^b·5^c). */
export function pffftSupportsReal(n: number): boolean {
  return n % 32 === 0 && isSmooth235(n);
}

/** The instance that transforms length n fastest (SIMD needs multiples of 16). */
export function pffftFor(n: number): PffftInstance {
  return n % 16 === 0 ? pffftSimd : pffftScalar;
}
