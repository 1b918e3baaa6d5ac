/**
 * The OrthoManipulator's Fourier modifier (PERI's `W`): fftshift(|fftn(v)|^0.2) of the whole view
 * volume, with the zero-frequency element (v's [0,0,0] before the shift) set to 1 so that the mean
 * does not swamp the auto-scaling. Like PERI this is the 3-D transform of the volume shown, not a
 * 2-D transform per displayed slice: every ortho section through the result is a section of one
 * 3-D spectrum (kz, ky, kx), and the centre (k = 0) sits at index floor(n/2) on each axis.
 */
import { complexSpectrum } from './noise';
import { checkVolume, type Shape3 } from './shape';

export const FOURIER_EXPONENT = 0.2;

/** Moves element i of each axis to (i + floor(n/2)) mod n (numpy's fftshift). */
export function fftshift3(src: Float32Array, shape: Shape3): Float32Array {
  const [nz, ny, nx] = shape;
  const out = new Float32Array(src.length);
  const hz = Math.floor(nz / 2);
  const hy = Math.floor(ny / 2);
  const hx = Math.floor(nx / 2);
  for (let z = 0, i = 0; z < nz; z++) {
    const oz = ((z + hz) % nz) * ny;
    for (let y = 0; y < ny; y++) {
      const row = (oz + ((y + hy) % ny)) * nx;
      for (let x = 0; x < nx; x++, i++) out[row + ((x + hx) % nx)] = src[i];
    }
  }
  return out;
}

/** fftshift(|fftn(field)|^exponent), the k = 0 element set to 1. */
export function fourierMagnitudeView(field: Float32Array, shape: readonly number[], exponent = FOURIER_EXPONENT): Float32Array {
  const s = checkVolume(field.length, shape, 'the Fourier view');
  const q = complexSpectrum(sanitised(field), s);
  const mag = new Float32Array(field.length);
  for (let i = 0; i < mag.length; i++) mag[i] = Math.hypot(q[2 * i], q[2 * i + 1]) ** exponent;
  mag[0] = 1;
  return fftshift3(mag, s);
}

/** Non-finite voxels would turn the whole spectrum into NaN: they count as 0. */
function sanitised(field: Float32Array): Float32Array {
  if (field.every(Number.isFinite)) return field;
  return field.map((v) => (Number.isFinite(v) ? v : 0));
}
