/**
 * Convolution kernels: a real-space PSF (centred at floor(k/2) per axis, normalised to unit sum by
 * default, as PERI does) or a precomputed OTF. Conversion of either into the half spectrum that
 * the real FFTs multiply with.
 */
import { sumCpu } from '../reduce/moments.cpu';
import { ConvError } from './errors';
import { centre, checkData, checkShape3, count3, type Shape3 } from './shape';

export interface PsfKernel {
  /** Real-space PSF, row-major (z, y, x), centred at index floor(k/2) along each axis. */
  psf: Float32Array;
  shape: Shape3;
  /** Divide by the PSF's sum (default true: unit sum, PERI's `kpsf /= kpsf[0]`). */
  normalize?: boolean;
  /** Bump when `psf` changes in place, so cached OTFs are recomputed. */
  version?: number;
}

export interface OtfKernel {
  /**
   * OTF over the convolution's shape S, interleaved complex: the full spectrum (2·N floats, as
   * psf2otf returns) or the half spectrum (2·nz·ny·(nx/2+1) floats, as rfftn returns). Used as is.
   */
  otf: Float32Array;
  version?: number;
}

export type ConvKernel = PsfKernel | OtfKernel;

export function isPsfKernel(k: ConvKernel): k is PsfKernel {
  return (k as PsfKernel).psf !== undefined;
}

export function checkPsfKernel(k: PsfKernel): Shape3 {
  const shape = checkShape3('PSF shape', k.shape);
  checkData('PSF', k.psf, shape);
  return shape;
}

/** 1 / Σpsf for a normalised kernel (1 otherwise); refuses a PSF whose sum is 0 or not finite. */
export function psfScale(k: PsfKernel): number {
  if (k.normalize === false) return 1;
  const s = sumCpu(k.psf);
  if (!Number.isFinite(s) || Math.abs(s) < 1e-30) {
    throw new ConvError(`the PSF sums to ${s}, so it cannot be normalised to unit sum (pass normalize: false to use it as is)`);
  }
  return 1 / s;
}

/** PSF that fits in `shape` along every axis, or a ConvError naming both shapes. */
export function checkPsfFits(psfShape: Shape3, shape: Shape3, what: string): void {
  if (psfShape.some((k, a) => k > shape[a])) {
    throw new ConvError(`a PSF of shape ${psfShape.join('×')} does not fit the ${what} shape ${shape.join('×')}`);
  }
}

/**
 * The PSF scaled by `scale`, zero-padded to `shape` and circularly shifted so that its centre
 * (floor(k/2) per axis) lands on index 0: MATLAB psf2otf's pad-and-circshift.
 */
export function wrapPsf(psf: ArrayLike<number>, psfShape: Shape3, shape: Shape3, scale = 1): Float32Array {
  checkPsfFits(psfShape, shape, 'padded');
  const out = new Float32Array(count3(shape));
  const [kz, ky, kx] = psfShape;
  const wrap = (k: number, a: number) => (((k - centre(psfShape[a])) % shape[a]) + shape[a]) % shape[a];
  for (let z = 0; z < kz; z++) {
    const oz = wrap(z, 0);
    for (let y = 0; y < ky; y++) {
      const oy = wrap(y, 1);
      for (let x = 0; x < kx; x++) {
        out[(oz * shape[1] + oy) * shape[2] + wrap(x, 2)] = psf[(z * ky + y) * kx + x] * scale;
      }
    }
  }
  return out;
}

/**
 * Half spectrum of the Hermitian part (H(k) + conj H(−k))/2 of a full OTF. With it, a real FFT
 * convolution gives exactly Re(ifftn(fftn(image)·H)), PERI's formula, even for an OTF that is
 * not the transform of a real kernel.
 */
export function hermitianHalf(full: Float32Array, shape: Shape3): Float32Array {
  checkData('full OTF', full, shape, 2);
  const [nz, ny, nx] = shape;
  const nh = (nx >> 1) + 1;
  const out = new Float32Array(2 * nz * ny * nh);
  for (let z = 0; z < nz; z++) {
    const mz = (nz - z) % nz;
    for (let y = 0; y < ny; y++) {
      const my = (ny - y) % ny;
      for (let x = 0; x < nh; x++) {
        const p = 2 * ((z * ny + y) * nx + x);
        const m = 2 * ((mz * ny + my) * nx + ((nx - x) % nx));
        const o = 2 * ((z * ny + y) * nh + x);
        out[o] = 0.5 * (full[p] + full[m]);
        out[o + 1] = 0.5 * (full[p + 1] - full[m + 1]);
      }
    }
  }
  return out;
}

/** Which spectrum an OTF array holds for a convolution of shape `shape`. */
export function otfLayout(otf: Float32Array, shape: Shape3): 'full' | 'half' {
  const n = count3(shape);
  const half = shape[0] * shape[1] * ((shape[2] >> 1) + 1);
  if (otf.length === 2 * n) return 'full';
  if (otf.length === 2 * half) return 'half';
  throw new ConvError(`an OTF for shape ${shape.join('×')} needs ${2 * n} floats (full spectrum) or ${2 * half} (half spectrum), got ${otf.length}`);
}
