/**
 * PERI's `examine_unexplained_noise`: is what the model leaves unexplained white Gaussian noise?
 * - Real space: histogram (density) of r / RMS(r), RMS = √mean(r²) of the residuals themselves
 *   (not the state's σ).
 * - Fourier space: q = fftn(r); histogram of the concatenation of Re q and Im q, divided by RMS(Re q).
 * - Both against the unit Gaussian, on ±xlim. PERI uses 1000 bins; a display wants ~200.
 * - Added: the radially averaged residual power spectrum (flat for white noise, at σ²).
 */
import { planFftCpu } from '../../fft/fft';
import { InspectError } from './errors';
import { checkBins, densityHistogram, unitGaussian, type DensityHistogram } from './histogram';
import { radialPowerSpectrum, type RadialSpectrum } from './power-spectrum';
import { checkVolume } from './shape';

export interface NoiseOptions {
  /** Histogram bins over [−xlim, xlim]; default 200 (PERI: 1000). */
  bins?: number;
  /** Half-width of the histograms' range in units of the RMS; default 10 (PERI's xlim). */
  xlim?: number;
  /** Points of the unit-Gaussian curve; default 201. */
  gaussianPoints?: number;
}

export interface NoiseExamination {
  real: DensityHistogram;
  fourier: DensityHistogram;
  /** The unit normal pdf over [−xlim, xlim]. */
  gaussian: { t: number[]; density: number[] };
  spectrum: RadialSpectrum;
  /** RMS of the residuals and of Re(fftn(residuals)). */
  rms: { real: number; fourierRe: number };
  shape: [number, number, number];
}

export const DEFAULT_NOISE_BINS = 200;
export const DEFAULT_NOISE_XLIM = 10;

function rmsOf(values: ArrayLike<number>, stride = 1, offset = 0): number {
  let s = 0;
  let n = 0;
  for (let i = offset; i < values.length; i += stride, n++) s += values[i] * values[i];
  return Math.sqrt(s / Math.max(1, n));
}

function checkResiduals(r: Float32Array): void {
  for (let i = 0; i < r.length; i++) {
    if (!Number.isFinite(r[i])) throw new InspectError(`the residuals hold a non-finite value (${r[i]}) at index ${i}: the model or the data is broken`);
  }
}

/** Forward complex FFT of real data (interleaved re, im). */
export function complexSpectrum(real: Float32Array, shape: [number, number, number]): Float32Array {
  const c = new Float32Array(2 * real.length);
  for (let i = 0; i < real.length; i++) c[2 * i] = real[i];
  planFftCpu(shape).forward(c);
  return c;
}

export function examineUnexplainedNoise(residuals: Float32Array, shape: readonly number[], opts: NoiseOptions = {}): NoiseExamination {
  const s = checkVolume(residuals.length, shape, 'examining the noise');
  const bins = opts.bins ?? DEFAULT_NOISE_BINS;
  const xlim = opts.xlim ?? DEFAULT_NOISE_XLIM;
  const points = opts.gaussianPoints ?? 201;
  checkBins(bins, xlim);
  if (!Number.isInteger(points) || points < 2) throw new InspectError(`gaussianPoints must be an integer ≥ 2, got ${points}`);
  checkResiduals(residuals);
  const rmsReal = rmsOf(residuals);
  if (rmsReal === 0) throw new InspectError('the residuals are all zero (the model equals the data): there is no noise to examine');
  const q = complexSpectrum(residuals, s);
  const rmsRe = rmsOf(q, 2, 0);
  const real = densityHistogram(residuals, 1 / rmsReal, bins, xlim);
  // Re and Im interleaved are exactly the concatenation PERI histograms.
  const fourier = densityHistogram(q, rmsRe > 0 ? 1 / rmsRe : 0, bins, xlim);
  const t = Array.from({ length: points }, (_, i) => -xlim + (2 * xlim * i) / (points - 1));
  return {
    real,
    fourier,
    gaussian: { t, density: t.map(unitGaussian) },
    spectrum: radialPowerSpectrum(q, s),
    rms: { real: rmsReal, fourierRe: rmsRe },
    shape: s,
  };
}
