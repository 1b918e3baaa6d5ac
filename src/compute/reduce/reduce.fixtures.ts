/** Test data and float64 references for the reduction tests (unit and kernel). */
import { Prng } from '../util/prng';

/** A seeded uniform [0, 1) stream (mulberry32): small, fast, and the same on every engine. */
export function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), seed | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Values like PERI residuals: offset + σ·N(0, 1), as float32. */
export function residualLike(n: number, seed: number, sigma = 0.05, offset = 0): Float32Array {
  const rng = new Prng(seed);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = offset + sigma * rng.normal();
  return out;
}

/**
 * Neumaier-compensated float64 sum of f(i). The terms used here (float32 values and products of two
 * float32) are exact in float64, so this is the reference "sum in float64" to ~1e-16 relative.
 */
export function referenceSum(n: number, f: (i: number) => number): number {
  let s = 0;
  let c = 0;
  for (let i = 0; i < n; i++) {
    const v = f(i);
    const t = s + v;
    c += Math.abs(s) >= Math.abs(v) ? s - t + v : v - t + s;
    s = t;
  }
  return s + c;
}

export function relativeError(got: number, want: number): number {
  return Math.abs(got - want) / Math.abs(want);
}
