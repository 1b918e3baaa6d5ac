/**
 * Density histograms over a fixed range, as numpy's `hist(density=True)` but normalised by the
 * total number of samples (values outside the range count in the total, not in a bin), so that a
 * distribution with far outliers still compares honestly with a unit Gaussian drawn over it.
 */
import { InspectError } from './errors';

export interface DensityHistogram {
  /** Bin centres. */
  centers: number[];
  /** count / (total · bin width): integrates to the fraction of samples inside the range. */
  density: number[];
  /** Samples below and above the range. */
  below: number;
  above: number;
  total: number;
}

export function checkBins(bins: number, xlim: number): void {
  if (!Number.isInteger(bins) || bins < 1 || bins > 100_000) throw new InspectError(`bins must be an integer in 1…100000, got ${bins}`);
  if (!Number.isFinite(xlim) || xlim <= 0) throw new InspectError(`xlim must be a finite number > 0, got ${xlim}`);
}

/** Histogram of `values[i] · scale` on [−xlim, xlim) with `bins` equal bins (the last one closed). */
export function densityHistogram(values: ArrayLike<number>, scale: number, bins: number, xlim: number): DensityHistogram {
  checkBins(bins, xlim);
  const counts = new Float64Array(bins);
  const width = (2 * xlim) / bins;
  let below = 0;
  let above = 0;
  for (let i = 0; i < values.length; i++) {
    const t = values[i] * scale;
    if (t < -xlim) below++;
    else if (t > xlim) above++;
    else counts[Math.min(bins - 1, Math.floor((t + xlim) / width))]++;
  }
  const total = values.length;
  const norm = total > 0 ? 1 / (total * width) : 0;
  return {
    centers: Array.from({ length: bins }, (_, k) => -xlim + (k + 0.5) * width),
    density: Array.from(counts, (c) => c * norm),
    below,
    above,
    total,
  };
}

/** The unit normal density exp(−t²/2)/√(2π) at `t` (PERI's "Gauss Fit" curve). */
export function unitGaussian(t: number): number {
  return Math.exp(-0.5 * t * t) / Math.sqrt(2 * Math.PI);
}
