/**
 * CPU twins of the convolutions (real FFTs from src/compute/fft, complex product from
 * src/compute/elementwise): circular convolution with a PSF or OTF, and linear "same" convolution
 * with zero or mirror padding to a 2·3·5·7-smooth size.
 */
import { nextSmoothSize, planRfftCpu } from '../fft/fft';
import { pffftSupports } from '../fft/pffft';
import { complexMulCpu } from '../elementwise/elementwise.cpu';
import { checkPsfFits, checkPsfKernel, hermitianHalf, isPsfKernel, otfLayout, psfScale, wrapPsf, type ConvKernel, type PsfKernel } from './kernel';
import { defaultOtfCache, identity, type OtfCache } from './otf-cache';
import { cropCpu, padCpu } from './pad.cpu';
import { checkData, checkShape3, type Padding, type Shape3 } from './shape';

export interface ConvOptions {
  cache?: OtfCache;
}

export interface SameOptions extends ConvOptions {
  /** How the image continues past its border (default 'zero'). */
  padding?: Padding;
}

/** Cache key of a kernel's OTF for `shape`; `where` says which backend holds it. */
export function otfKey(kernel: ConvKernel, shape: Shape3, where: string): string {
  const data = isPsfKernel(kernel) ? kernel.psf : kernel.otf;
  const norm = isPsfKernel(kernel) ? (kernel.normalize === false ? 'raw' : 'unit') : 'otf';
  return `${where}|otf|${identity(data)}|v${kernel.version ?? 0}|${norm}|${shape.join('x')}`;
}

/** The kernel's half-spectrum OTF for a convolution of shape `shape` (host memory). */
export function halfOtfCpu(kernel: ConvKernel, shape: Shape3, cache: OtfCache = defaultOtfCache): Float32Array {
  if (!isPsfKernel(kernel) && otfLayout(kernel.otf, shape) === 'half') return kernel.otf;
  return cache.get(otfKey(kernel, shape, 'cpu'), () => {
    const half = isPsfKernel(kernel)
      ? planRfftCpu(shape).forward(wrapPsf(kernel.psf, checkPsfKernel(kernel), shape, psfScale(kernel)))
      : hermitianHalf(kernel.otf, shape);
    return { value: half, bytes: half.byteLength };
  });
}

/** Circular convolution Re(ifftn(fftn(image)·OTF)) over `shape` (PERI's PSF.execute). */
export function convolveCircularCpu(image: Float32Array, shape: Shape3, kernel: ConvKernel,
  options: ConvOptions = {}): Float32Array {
  const s = checkShape3('image shape', shape);
  checkData('image', image, s);
  if (isPsfKernel(kernel)) checkPsfFits(checkPsfKernel(kernel), s, 'image (circular convolution)');
  const otf = halfOtfCpu(kernel, s, options.cache);
  const plan = planRfftCpu(s);
  const spectrum = plan.forward(image);
  complexMulCpu(otf, spectrum);
  return plan.inverse(spectrum);
}

/**
 * Padded shape of a linear convolution: per axis a fast FFT length ≥ n + k − 1, so no wrapped value
 * reaches the image (axes of length 1 with a kernel of length 1 stay 1). `fastSize` defaults to the
 * next 2·3·5·7-smooth length (the GPU FFT's radices).
 */
export function samePaddedShape(shape: Shape3, psfShape: Shape3, fastSize: (n: number) => number = nextSmoothSize): Shape3 {
  return shape.map((n, a) => (n === 1 && psfShape[a] === 1 ? 1 : fastSize(n + psfShape[a] - 1))) as Shape3;
}

/**
 * Smallest length ≥ n that the CPU FFT (PFFFT) transforms directly: 4·2^a·3^b·5^c (or 2). Other
 * 7-smooth lengths such as 90 or 98 go through Bluestein on the CPU, 2–3× slower per value.
 */
export function nextCpuFftSize(n: number): number {
  if (n <= 2) return Math.max(1, n);
  let m = n;
  while (!pffftSupports(m)) m++;
  return m;
}

/**
 * Linear convolution cropped to the image ("same"): out[i] = Σ_k psf[k]·image[i + c − k], with
 * c = floor(k/2) per axis (MATLAB conv 'same', psf2otf). For even kernel lengths this is one voxel
 * off scipy.signal.fftconvolve(mode='same'), which centres at (k−1)/2.
 */
export function convolveSameCpu(image: Float32Array, shape: Shape3, psf: PsfKernel, options: SameOptions = {}): Float32Array {
  const s = checkShape3('image shape', shape);
  checkData('image', image, s);
  const padded = samePaddedShape(s, checkPsfKernel(psf), nextCpuFftSize);
  const big = padCpu(image, s, padded, options.padding ?? 'zero');
  return cropCpu(convolveCircularCpu(big, padded, psf, options), padded, s);
}
