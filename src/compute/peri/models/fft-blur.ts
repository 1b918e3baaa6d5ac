/**
 * FFT convolutions on an FFT shape larger than the tile. Where H(field) is needed only on part of
 * the tile (`valid`) and no kernel tap from there reaches an alias of the field's support, the
 * circular convolution of the field zero-padded to any larger shape gives the same values there
 * (the linear convolution). That lets the CPU work on sides its FFT does fast (PFFFT: multiples
 * of 4 or 16 with factors 2, 3, 5; 84 or 112 take the slower radix-7 path, 82 Bluestein) and on a
 * few shapes only, so the PSF's kernel spectra are computed once per shape.
 */
import { nextCpuFftSize } from '../../conv/convolve.cpu';
import { nextFastSize } from '../../fft/smooth';
import { FixedSSChebPSF } from '../psfs/exact-cheb';
import { GaussianKernelPsf } from '../psfs/kernel-psf';
import type { PsfComponent } from '../psfs/psf';
import { Tile, type Vec3 } from '../tile';
import { workArray } from '../work-arrays';

/**
 * How far an FFT PSF's kernel reaches from its centre per axis (offsets −⌊n/2⌋..n−1−⌊n/2⌋ of its
 * support), for the PSFs whose kernel is the same on every tile at least its support; else null.
 */
export function fftReach(psf: PsfComponent): Vec3 | null {
  const support = psf instanceof FixedSSChebPSF ? psf.support : psf instanceof GaussianKernelPsf ? psf.minSupport() : null;
  return support ? (support.map((n) => Math.floor(n / 2)) as Vec3) : null;
}

/**
 * An FFT length ≥ n that the CPU transforms fast: the next multiple of 16 with factors 2, 3, 5
 * (PFFFT's SIMD build) unless that is over 20 % longer than the next multiple of 4 with those
 * factors (its scalar build).
 */
export function fastFftSize(n: number): number {
  const simd = nextFastSize(n, 'cpu');
  const scalar = nextCpuFftSize(Math.ceil(n));
  return simd <= 1.2 * scalar ? simd : scalar;
}

/**
 * H(field) on `tile` through an FFT on `shape` (≥ tile.shape per axis, the field zero-padded at the
 * high end), the caller guaranteeing that this is exact on `valid`. The field minus its mean is
 * convolved and mean·H(1) added back (as `executeCentred` does) when every padded axis keeps
 * `valid` ± reach inside the tile, where the constant part's convolution is mean·H(1) exactly.
 * Chebyshev PSFs compute only the planes of `valid`; the other planes are 0.
 */
export function executePadded(psf: PsfComponent, field: Float32Array, tile: Tile, valid: Tile, shape: Vec3, dc: number | Float64Array | null, out?: Float32Array): Float32Array {
  const reach = fftReach(psf) ?? [0, 0, 0];
  const centred = dc !== null && [0, 1, 2].every((a) => shape[a] === tile.shape[a] || (valid.l[a] - reach[a] >= tile.l[a] && valid.r[a] + reach[a] <= tile.r[a]));
  let mean = 0;
  if (centred) {
    for (let i = 0; i < field.length; i++) mean += field[i];
    mean /= field.length;
  }
  const big = new Tile(tile.l, [tile.l[0] + shape[0], tile.l[1] + shape[1], tile.l[2] + shape[2]]);
  const padded = zeroPadded(field, tile.shape, shape, mean);
  const [z0, z1] = [Math.max(0, valid.l[0] - tile.l[0]), Math.min(tile.shape[0], valid.r[0] - tile.l[0])];
  const planeOut = shape[1] * shape[2];
  const h = psf instanceof FixedSSChebPSF
    ? psf.executePlanes(padded, big, z0, z1, workArray('fft-blur:h', (z1 - z0) * planeOut))
    : psf.execute(padded, big).subarray(z0 * planeOut, z1 * planeOut);
  const res = out ?? new Float32Array(tile.volume);
  const [, ty, tx] = tile.shape;
  const plane = ty * tx;
  res.fill(0, 0, z0 * plane);
  res.fill(0, z1 * plane);
  for (let z = z0; z < z1; z++) {
    const add = !centred ? 0 : mean * (typeof dc === 'number' ? dc : (dc as Float64Array)[z]);
    for (let y = 0; y < ty; y++) {
      const src = ((z - z0) * shape[1] + y) * shape[2];
      const dst = z * plane + y * tx;
      for (let x = 0; x < tx; x++) res[dst + x] = h[src + x] + add;
    }
  }
  return res;
}

/** field − mean on its tile's shape, placed at the origin of a zero array of `shape` (reused). */
function zeroPadded(field: Float32Array, tshape: Vec3, shape: Vec3, mean: number): Float32Array {
  const [tz, ty, tx] = tshape;
  const padded = workArray('fft-blur:padded', shape[0] * shape[1] * shape[2]).fill(0);
  for (let z = 0; z < tz; z++) {
    for (let y = 0; y < ty; y++) {
      const src = (z * ty + y) * tx;
      const dst = (z * shape[1] + y) * shape[2];
      for (let x = 0; x < tx; x++) padded[dst + x] = field[src + x] - mean;
    }
  }
  return padded;
}
