/**
 * Float64 reference transforms for the FFT tests: a direct DFT for any length, iterative radix-2
 * for powers of two, both with float64 twiddle tables. Independent of the library and of the WGSL
 * kernels; not used by the app.
 */
import { axisLines, type FftAxis, type Shape3 } from './shape';

/** W_n^(sign·k), k < n, interleaved. */
function table(n: number, sign: number): Float64Array {
  const t = new Float64Array(2 * n);
  for (let k = 0; k < n; k++) {
    t[2 * k] = Math.cos((2 * Math.PI * k) / n);
    t[2 * k + 1] = sign * Math.sin((2 * Math.PI * k) / n);
  }
  return t;
}

/** In-place transform of the contiguous complex line t (length n) with twiddles w. */
function lineTransform(t: Float64Array, n: number, w: Float64Array, tmp: Float64Array): void {
  if ((n & (n - 1)) === 0) radix2(t, n, w);
  else directDft(t, n, w, tmp);
}

function directDft(t: Float64Array, n: number, w: Float64Array, out: Float64Array): void {
  for (let k = 0; k < n; k++) {
    let sr = 0;
    let si = 0;
    for (let j = 0, jk = 0; j < n; j++, jk = (jk + k) % n) {
      const xr = t[2 * j];
      const xi = t[2 * j + 1];
      sr += xr * w[2 * jk] - xi * w[2 * jk + 1];
      si += xr * w[2 * jk + 1] + xi * w[2 * jk];
    }
    out[2 * k] = sr;
    out[2 * k + 1] = si;
  }
  t.set(out.subarray(0, 2 * n));
}

function radix2(t: Float64Array, n: number, w: Float64Array): void {
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      let s = t[2 * i]; t[2 * i] = t[2 * j]; t[2 * j] = s;
      s = t[2 * i + 1]; t[2 * i + 1] = t[2 * j + 1]; t[2 * j + 1] = s;
    }
  }
  for (let len = 2; len <= n; len <<= 1) {
    const half = len >> 1;
    const step = n / len;
    for (let i0 = 0; i0 < n; i0 += len) {
      for (let k = 0; k < half; k++) {
        const wr = w[2 * k * step];
        const wi = w[2 * k * step + 1];
        const i = i0 + k;
        const j = i + half;
        const xr = t[2 * j] * wr - t[2 * j + 1] * wi;
        const xi = t[2 * j] * wi + t[2 * j + 1] * wr;
        t[2 * j] = t[2 * i] - xr;
        t[2 * j + 1] = t[2 * i + 1] - xi;
        t[2 * i] += xr;
        t[2 * i + 1] += xi;
      }
    }
  }
}

/** Unnormalised float64 transform of interleaved complex `a` along `axes` (in place). */
export function fft64(a: Float64Array, shape: Shape3, axes: readonly FftAxis[] = [0, 1, 2], inverse = false): Float64Array {
  for (const axis of axes) {
    const { n, inner, count } = axisLines(shape, axis);
    if (n === 1) continue;
    const w = table(n, inverse ? 1 : -1);
    const t = new Float64Array(2 * n);
    const tmp = new Float64Array(2 * n);
    for (let l = 0; l < count; l++) {
      const base = Math.floor(l / inner) * n * inner + (l % inner);
      for (let k = 0; k < n; k++) {
        t[2 * k] = a[2 * (base + k * inner)];
        t[2 * k + 1] = a[2 * (base + k * inner) + 1];
      }
      lineTransform(t, n, w, tmp);
      for (let k = 0; k < n; k++) {
        a[2 * (base + k * inner)] = t[2 * k];
        a[2 * (base + k * inner) + 1] = t[2 * k + 1];
      }
    }
  }
  return a;
}

/** Half spectrum [nz, ny, nx/2+1] of a real array, from the float64 complex transform. */
export function rfft64(real: Float32Array, shape: Shape3): Float64Array {
  const [nz, ny, nx] = shape;
  const c = new Float64Array(2 * real.length);
  for (let i = 0; i < real.length; i++) c[2 * i] = real[i];
  fft64(c, shape);
  const nh = (nx >> 1) + 1;
  const out = new Float64Array(2 * nz * ny * nh);
  for (let r = 0; r < nz * ny; r++) out.set(c.subarray(2 * r * nx, 2 * (r * nx + nh)), 2 * r * nh);
  return out;
}

/** ‖a − b‖₂ / ‖b‖₂ over all entries. */
export function relL2(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`relL2: lengths ${a.length} and ${b.length} differ`);
  let num = 0;
  let den = 0;
  for (let i = 0; i < a.length; i++) {
    const d = a[i] - b[i];
    num += d * d;
    den += b[i] * b[i];
  }
  return Math.sqrt(num / (den || 1));
}

/** Deterministic uniform(−1, 1) values (mulberry32), so failures reproduce. */
export function randomArray(length: number, seed = 1): Float32Array {
  const out = new Float32Array(length);
  let s = seed >>> 0;
  for (let i = 0; i < length; i++) {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = (((t ^ (t >>> 14)) >>> 0) / 4294967296) * 2 - 1;
  }
  return out;
}
