/**
 * MATLAB's psf2otf / otf2psf (as pysofi uses them through pypher): pad the PSF with zeros to the
 * output size, circularly shift its centre floor(k/2) to the origin, FFT; and the inverse. As in
 * MATLAB, an OTF whose imaginary part is within FFT round-off is made exactly real. MATLAB's
 * bound, n_ops·eps (n_ops ≈ N·Σ log2 n), assumes float64; the FFTs here run in float32, whose
 * round-off grows like eps32·Σ log2 n relative to the largest modulus, so the bound used is
 * 2·eps32·Σ log2 n (≈ 4e-6 for 64³): symmetric PSFs give a real OTF, genuine phases survive.
 * Complex data is interleaved (re, im) float32.
 */
import { planFftCpu } from '../fft/fft';
import { checkPsfFits, wrapPsf } from './kernel';
import { centre, checkData, checkShape3, count3, type Shape3 } from './shape';

const EPS32 = 2 ** -23;

/** Full complex OTF (2·N floats) of shape `shape` for a PSF of shape `psfShape`. */
export function psf2otf(psf: Float32Array, psfShape: Shape3, shape: Shape3): Float32Array {
  const ps = checkShape3('PSF shape', psfShape);
  const s = checkShape3('OTF shape', shape);
  checkData('PSF', psf, ps);
  const wrapped = wrapPsf(psf, ps, s);
  const otf = new Float32Array(2 * wrapped.length);
  for (let i = 0; i < wrapped.length; i++) otf[2 * i] = wrapped[i];
  planFftCpu(s).forward(otf);
  realIfClose(otf, s);
  return otf;
}

/** Real PSF of shape `psfShape` from a full complex OTF of shape `otfShape` (real part of the IFFT). */
export function otf2psf(otf: Float32Array, otfShape: Shape3, psfShape: Shape3): Float32Array {
  const s = checkShape3('OTF shape', otfShape);
  const ps = checkShape3('PSF shape', psfShape);
  checkData('OTF', otf, s, 2);
  checkPsfFits(ps, s, 'OTF');
  const work = otf.slice();
  planFftCpu(s).inverse(work);
  const out = new Float32Array(count3(ps));
  const wrap = (k: number, a: number) => (((k - centre(ps[a])) % s[a]) + s[a]) % s[a];
  for (let z = 0; z < ps[0]; z++) {
    for (let y = 0; y < ps[1]; y++) {
      for (let x = 0; x < ps[2]; x++) {
        out[(z * ps[1] + y) * ps[2] + x] = work[2 * ((wrap(z, 0) * s[1] + wrap(y, 1)) * s[2] + wrap(x, 2))];
      }
    }
  }
  return out;
}

/** Relative round-off bound of a float32 FFT of this shape. */
function roundOff(shape: Shape3): number {
  return 2 * EPS32 * shape.reduce((sum, k) => sum + Math.log2(k), 0);
}

function realIfClose(otf: Float32Array, shape: Shape3): void {
  let maxAbs = 0;
  let maxImag = 0;
  for (let i = 0; i < otf.length; i += 2) {
    maxAbs = Math.max(maxAbs, Math.hypot(otf[i], otf[i + 1]));
    maxImag = Math.max(maxImag, Math.abs(otf[i + 1]));
  }
  if (maxAbs > 0 && maxImag / maxAbs <= roundOff(shape)) {
    for (let i = 1; i < otf.length; i += 2) otf[i] = 0;
  }
}
