import { FftShapeError } from './errors';

/** Radices of the mixed-radix FFTs (CPU library and WGSL kernels). */
export const SMOOTH_PRIMES = [2, 3, 5, 7] as const;

/** True when n ≥ 1 has no prime factor other than 2, 3, 5, 7. */
export function isSmoothSize(n: number): boolean {
  if (!Number.isInteger(n) || n < 1) return false;
  let m = n;
  for (const p of SMOOTH_PRIMES) while (m % p === 0) m /= p;
  return m === 1;
}

/** Smallest 2·3·5·7-smooth integer ≥ n (the size to pad to for a fast FFT convolution). */
export function nextSmoothSize(n: number): number {
  if (!Number.isFinite(n) || n > 2 ** 30) {
    throw new FftShapeError(`nextSmoothSize needs a finite size ≤ 2^30, got ${n}`);
  }
  let m = Math.max(1, Math.ceil(n));
  while (!isSmoothSize(m)) m++;
  return m;
}

/** Prime factors of n in increasing order (trial division; n ≤ 2^30). */
export function primeFactors(n: number): number[] {
  const out: number[] = [];
  let m = n;
  for (let p = 2; p * p <= m; p += p === 2 ? 1 : 2) {
    while (m % p === 0) {
      out.push(p);
      m /= p;
    }
  }
  if (m > 1) out.push(m);
  return out;
}

/**
 * Next size ≥ n that a backend transforms fastest, for padded convolutions:
 * 'gpu' → nextSmoothSize (mixed radix 2, 3, 4, 5, 7, 8 in WGSL);
 * 'cpu' → the next size PFFFT's SIMD build takes directly: 16·2^a·3^b·5^c (or 1, 2, 4, 8, 12, 16
 * below 16). Other sizes still work on the CPU, through Bluestein at several times the cost.
 */
export function nextFastSize(n: number, backend: 'cpu' | 'gpu'): number {
  if (backend === 'gpu') return nextSmoothSize(n);
  let m = nextSmoothSize(n);
  while (!(m <= 16 ? [1, 2, 4, 8, 12, 16].includes(m) : m % 16 === 0 && isSmooth235(m))) m = nextSmoothSize(m + 1);
  return m;
}

function isSmooth235(n: number): boolean {
  let m = n;
  for (const p of [2, 3, 5]) while (m % p === 0) m /= p;
  return m === 1;
}
