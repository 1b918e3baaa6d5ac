/**
 * PERI's featuring on a state's residuals (`addsubtract.feature_guess`, `_feature_guess`,
 * `guess_invert`, `guess_add_radii`): look for missing particles as local maxima of the residuals
 * (or of 1 − residuals for dark particles) with a mass cut of 1 % of a sphere's volume.
 */
import type { PeriState } from '../state/state';
import type { Vec3 } from '../tile';
import { FeaturingError } from './errors';
import { localMaxFeaturing } from './local-max';

export type FeatureState = Pick<PeriState, 'residuals' | 'data' | 'ishape' | 'spheres'>;

export interface FeatureGuessOptions {
  /** Dark particles: feature 1 − residuals. 'guess' asks guessInvert. Default 'guess'. */
  invert?: boolean | 'guess';
  /** Default 0.01·(4/3)π·rad³. */
  minmass?: number | null;
  trimEdge?: boolean;
}

export interface Guess {
  /** Candidate centres (z, y, x), image pixels, largest mass first. */
  guess: Vec3[];
  npart: number;
}

/** PERI's minmass default: 1 % of the sphere's volume. */
export function defaultMinmass(rad: number): number {
  return rad ** 3 * (4 / 3) * Math.PI * 0.01;
}

/** PERI's `_feature_guess` on an image. */
export function featureGuessImage(im: ArrayLike<number>, shape: readonly number[], rad: number, opts: Omit<FeatureGuessOptions, 'invert'> = {}): Guess {
  const minmass = opts.minmass ?? defaultMinmass(rad);
  const { pos } = localMaxFeaturing(im, shape, rad, { minmass, trimEdge: opts.trimEdge ?? false });
  return { guess: pos, npart: pos.length };
}

/** PERI's `feature_guess`: features in the state's residuals (1 − residuals when inverted). */
export function featureGuess(st: FeatureState, rad: number, opts: FeatureGuessOptions = {}): Guess {
  const invert = opts.invert === undefined || opts.invert === 'guess' ? guessInvert(st) : opts.invert;
  const r = st.residuals;
  const im = invert ? Float64Array.from(r, (v) => 1 - v) : r;
  return featureGuessImage(im, st.ishape.shape, rad, opts);
}

/** numpy's round: half to even. */
export function roundHalfEven(v: number): number {
  const f = Math.floor(v);
  const d = v - f;
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

export function median(values: ArrayLike<number>): number {
  const a = Float64Array.from(values).sort();
  const n = a.length;
  if (n === 0) return NaN;
  return n % 2 ? a[(n - 1) / 2] : 0.5 * (a[n / 2 - 1] + a[n / 2]);
}

/** numpy.percentile with linear interpolation. */
export function percentile(values: ArrayLike<number>, q: number): number {
  const a = Float64Array.from(values).sort();
  if (a.length === 0) throw new FeaturingError('percentile of an empty list');
  const idx = (q / 100) * (a.length - 1);
  const lo = Math.floor(idx);
  const hi = Math.min(lo + 1, a.length - 1);
  return a[lo] + (idx - lo) * (a[hi] - a[lo]);
}

/** PERI's `guess_invert`: dark particles if the data at their centres is below the data's median. */
export function guessInvert(st: FeatureState): boolean {
  const pos = st.spheres?.positions() ?? [];
  const [nz, ny, nx] = st.ishape.shape;
  const vals: number[] = [];
  for (const p of pos) {
    const [z, y, x] = p.map(roundHalfEven);
    if (z >= 0 && z < nz && y >= 0 && y < ny && x >= 0 && x < nx) vals.push(st.data[(z * ny + y) * nx + x]);
  }
  // numpy: the median of nothing is NaN and NaN < m is False.
  return median(vals) < median(st.data);
}

/** PERI's `guess_add_radii`: the 20th percentile of the current radii. */
export function guessAddRadii(st: FeatureState): number {
  const rad = st.spheres?.radii() ?? [];
  if (rad.length === 0) throw new FeaturingError("cannot guess a radius for new particles: the state has none; pass rad explicitly instead of 'calc'");
  return percentile(rad, 20);
}
