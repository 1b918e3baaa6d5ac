/** Radix schedules and twiddle tables of the WGSL mixed-radix FFT (the schedule loop also serves the JS one). */
import { isSmoothSize } from './smooth';

/** Butterflies the WGSL kernels implement (butterflies.wgsl). */
const RADICES = [8, 4, 2, 7, 5, 3] as const;

/**
 * Radices of the Stockham stages for a 2·3·5·7-smooth n, largest first (radix 8 while it
 * divides, then 4, 2, 7, 5, 3): fewest stages, hence fewest passes over memory.
 */
export function radixSchedule(n: number): number[] {
  if (!isSmoothSize(n)) throw new Error(`radixSchedule: ${n} is not 2·3·5·7-smooth`);
  return radixScheduleOf(n, RADICES);
}

/**
 * Radices of n in the order `radices` lists them, each repeated while it divides what is left
 * (shared by the WGSL schedule above and the JS mixed-radix engine's); n must factor over them.
 */
export function radixScheduleOf(n: number, radices: readonly number[]): number[] {
  const out: number[] = [];
  let m = n;
  for (const r of radices) {
    while (m % r === 0) {
      out.push(r);
      m /= r;
    }
  }
  return out;
}

/** W_n^k = e^(−2πik/n), k < n, interleaved; computed in float64 (exact k/n reduction), rounded once. */
export function twiddleTable(n: number): Float32Array {
  const t = new Float32Array(2 * n);
  for (let k = 0; k < n; k++) {
    const a = (-2 * Math.PI * k) / n;
    t[2 * k] = Math.cos(a);
    t[2 * k + 1] = Math.sin(a);
  }
  return t;
}

/** Radices packed 4 bits per stage, first stage in the low bits (RADICES of fft-line.wgsl). */
export function packRadices(radices: readonly number[]): number {
  if (radices.length > 8) throw new Error(`packRadices: ${radices.length} stages do not fit in 32 bits`);
  return radices.reduce((word, r, s) => word + r * 2 ** (4 * s), 0);
}
