/**
 * PERI's `H(field)` on a tile of the padded grid: the PSF component's circular convolution, with a
 * direct separable path for the box-truncated Gaussian (AnisotropicGaussianXYZ), whose kernel is a
 * product of 1-D Gaussians normalised by the product of their sums (the same kernel PERI builds).
 */
import { gaussianValue } from '../psfs/gaussian-kernel.cpu';
import { AnisotropicGaussianXYZ } from '../psfs/gaussian';
import { FixedSSChebPSF } from '../psfs/exact-cheb';
import { IdentityPSF } from '../psfs/identity';
import { GaussianKernelPsf } from '../psfs/kernel-psf';
import type { PsfComponent } from '../psfs/psf';
import type { Tile, Vec3 } from '../tile';
import { separableBlurCpu, type Kernel1D } from './separable-blur.cpu';
import { executePadded } from './fft-blur';

export interface BlurOptions {
  /** The field may be overwritten (used as scratch). */
  consume?: boolean;
  /** Only H(field) on this part of the tile (padded-grid coordinates) is needed. */
  valid?: Tile;
  /** The field is zero in most of the tile (a local difference): skip its zero rows. */
  skipZeros?: boolean;
  /** Where the separable and padded-FFT paths write H(field) (tile.volume values); others allocate. */
  out?: Float32Array;
  /**
   * FFT PSFs: convolve on this shape (≥ the tile's, field zero-padded) instead of the tile's. Only
   * with `valid`, where the caller guarantees it is exact (see `linearFftTile`, state/io-tiles.ts).
   */
  fftShape?: Vec3;
}

type Kernels3 = readonly [Kernel1D, Kernel1D, Kernel1D];

const cache = new WeakMap<PsfComponent, { key: string; kernels: Kernels3 }>();

/** The three normalised 1-D factors of a box-truncated Gaussian PSF, or null for other PSFs. */
export function separableKernels(psf: PsfComponent): Kernels3 | null {
  if (!(psf instanceof AnisotropicGaussianXYZ)) return null;
  const key = psf.values.join(',');
  const hit = cache.get(psf);
  if (hit && hit.key === key) return hit.kernels;
  const spec = psf.spec();
  if (spec.cutoff !== 'box') return null;
  const kernels = ([0, 1, 2] as const).map((axis) => {
    const n = spec.support[axis];
    const taps = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      const d = j - Math.floor(n / 2);
      const at: Vec3 = [0, 0, 0];
      at[axis] = d;
      taps[j] = gaussianValue(spec, at[0], at[1], at[2]);
    }
    const sum = taps.reduce((s, v) => s + v, 0);
    return { taps: taps.map((v) => v / sum) };
  }) as unknown as Kernels3;
  cache.set(psf, { key, kernels });
  return kernels;
}

/**
 * H(1) on the tile for the FFT-convolved PSFs: a number (shift-invariant kernels: the OTF at 0)
 * or one value per z plane (Chebyshev PSFs: Σ_k T_k(ẑ(z))·Σc_k); null when unknown.
 */
export function constantResponse(psf: PsfComponent, tile: Tile): number | Float64Array | null {
  if (psf instanceof GaussianKernelPsf) return psf.otf(tile.shape)[0];
  if (!(psf instanceof FixedSSChebPSF)) return null;
  const sums = psf.kernels().sums;
  const w = psf.chebyshevWeights(tile);
  return Float64Array.from({ length: tile.shape[0] }, (_, z) => sums.reduce((acc, s, k) => acc + w[z * sums.length + k] * s, 0));
}

/**
 * FFT convolution of field − mean, plus mean·H(1): the same result, with the float32 round-off of
 * the transforms scaled by the field's spread instead of its level (about 3× smaller for a model).
 */
function executeCentred(psf: PsfComponent, field: Float32Array, tile: Tile): Float32Array {
  const dc = constantResponse(psf, tile);
  let sum = 0;
  for (let i = 0; i < field.length; i++) sum += field[i];
  const mean = sum / field.length;
  if (dc === null || mean === 0) return psf.execute(field, tile);
  const out = psf.execute(field.map((v) => v - mean), tile);
  const plane = tile.shape[1] * tile.shape[2];
  for (let i = 0; i < out.length; i++) out[i] += mean * (typeof dc === 'number' ? dc : dc[Math.floor(i / plane)]);
  return out;
}

/**
 * H(field) on `tile`: identity, separable direct convolution, or the PSF's own (FFT) execute.
 * `valid` and `skipZeros` only save work on the separable path
 * (values outside `valid` are then 0); the values computed are the same. `fftShape` with `valid`
 * moves an FFT convolution to a larger (faster) shape; values outside `valid` then differ.
 */
export function blurOnTile(psf: PsfComponent, field: Float32Array, tile: Tile, o: BlurOptions = {}): Float32Array {
  if (psf instanceof IdentityPSF) return o.consume ? field : field.slice();
  const kernels = separableKernels(psf);
  if (kernels && tile.shape.every((n, i) => n >= kernels[i].taps.length)) {
    const valid = o.valid ? { l: sub(o.valid.l, tile.l), r: sub(o.valid.r, tile.l) } : undefined;
    return separableBlurCpu(field, tile.shape, kernels, { consume: o.consume, valid, skipZeros: o.skipZeros, out: o.out });
  }
  if (o.fftShape && o.valid && o.fftShape.some((n, a) => n !== tile.shape[a])) {
    return executePadded(psf, field, tile, o.valid, o.fftShape, constantResponse(psf, tile), o.out);
  }
  return executeCentred(psf, field, tile);
}

function sub(a: readonly number[], b: readonly number[]): Vec3 {
  return [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
}
