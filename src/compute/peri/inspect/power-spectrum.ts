/**
 * Radially averaged power spectrum of a complex spectrum (interleaved, fftn layout): |q|²/N averaged
 * over shells of |k|, k in cycles per pixel per axis (numpy's fftfreq), shells of width 1/max(n).
 * Normalised so that white noise of variance σ² has power σ² at every k.
 */
import type { Shape3 } from './shape';

export interface RadialSpectrum {
  /** Shell centres, cycles per pixel. */
  k: number[];
  /** Mean |q|²/N in each shell (NaN for an empty shell). */
  power: number[];
  /** Number of frequencies in each shell. */
  counts: number[];
}

/** fftfreq(n)[i]: i/n for i < ceil(n/2), else (i − n)/n. */
export function fftFrequency(i: number, n: number): number {
  return (i < Math.ceil(n / 2) ? i : i - n) / n;
}

export function radialPowerSpectrum(spectrum: Float32Array, shape: Shape3): RadialSpectrum {
  const [nz, ny, nx] = shape;
  const n = nz * ny * nx;
  const dk = 1 / Math.max(nz, ny, nx);
  const shells = Math.ceil((Math.sqrt(3) * 0.5) / dk) + 1;
  const sum = new Float64Array(shells);
  const counts = new Float64Array(shells);
  for (let z = 0, i = 0; z < nz; z++) {
    const kz = fftFrequency(z, nz);
    for (let y = 0; y < ny; y++) {
      const ky = fftFrequency(y, ny);
      for (let x = 0; x < nx; x++, i++) {
        const kx = fftFrequency(x, nx);
        const shell = Math.floor(Math.sqrt(kz * kz + ky * ky + kx * kx) / dk + 0.5);
        const re = spectrum[2 * i];
        const im = spectrum[2 * i + 1];
        sum[shell] += re * re + im * im;
        counts[shell]++;
      }
    }
  }
  let last = shells - 1;
  while (last > 0 && counts[last] === 0) last--;
  const keep = Array.from({ length: last + 1 }, (_, s) => s);
  return {
    k: keep.map((s) => s * dk),
    power: keep.map((s) => (counts[s] > 0 ? sum[s] / counts[s] / n : Number.NaN)),
    counts: keep.map((s) => counts[s]),
  };
}
