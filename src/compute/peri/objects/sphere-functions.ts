/**
 * PERI's platonic-sphere interpolation functions f(dr, a, α): the voxel value as a function of
 * the signed distance dr to the surface (negative inside), the radius a and a width α. 1 inside,
 * 0 outside. Float64, written from the formulas in PERI's objs.py.
 */
import { PeriValueError } from '../errors';
import { erf } from './erf';

export const SPHERE_METHODS = [
  'exact-gaussian-fast',
  'exact-gaussian-trim',
  'exact-gaussian',
  'lerp',
  'logistic',
  'triangle',
  'constrained-cubic',
  'bool',
] as const;
export type SphereMethod = (typeof SPHERE_METHODS)[number];
/** The function actually used: PERI's 'exact-gaussian-fast' is broken and falls back to the trim. */
export type ResolvedSphereMethod = Exclude<SphereMethod, 'exact-gaussian-fast'>;
export type SphereFunction = (dr: number, a: number, alpha: number) => number;

/** PERI's `alpha_defaults`. */
export const SPHERE_ALPHA_DEFAULTS: Readonly<Record<SphereMethod, number>> = {
  bool: 0,
  lerp: 0.4539,
  logistic: 6.5,
  triangle: 0.6618,
  'exact-gaussian': 0.27595,
  'exact-gaussian-trim': 0.27595,
  'exact-gaussian-fast': 0.27595,
  'constrained-cubic': 0.8499,
};

/** |dr| beyond which the trimmed exact Gaussian is exactly 0 or 1. */
export const TRIM_CUT = 1.6;
const SQRT2 = Math.SQRT2;
const SQRT_HALF_OVER_PI = Math.sqrt(0.5 / Math.PI);
const SQRT3 = Math.sqrt(3);

function clip(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}

export function isSphereMethod(m: string): m is SphereMethod {
  return (SPHERE_METHODS as readonly string[]).includes(m);
}

export function resolveSphereMethod(method: string): ResolvedSphereMethod {
  if (!isSphereMethod(method)) {
    throw new PeriValueError(`unknown sphere method '${method}'; use one of ${SPHERE_METHODS.join(', ')}`);
  }
  return method === 'exact-gaussian-fast' ? 'exact-gaussian-trim' : method;
}

const sphereBool: SphereFunction = (dr) => (dr < 0 ? 1 : 0);

const sphereLerp: SphereFunction = (dr, _a, alpha) => 1 - clip((dr + alpha) / (2 * alpha), 0, 1);

const sphereLogistic: SphereFunction = (dr, _a, alpha) => 1 / (1 + Math.exp(alpha * dr));

const sphereTriangle: SphereFunction = (dr, _a, alpha) => {
  const a2 = 2 * alpha * alpha;
  const p0 = dr < 0 && dr > -alpha ? (dr + alpha) ** 2 / a2 : 0;
  const p1 = (dr > 0 ? 1 : 0) - (dr > 0 && dr < alpha ? (alpha - dr) ** 2 / a2 : 0);
  return 1 - clip(p0 + p1, 0, 1);
};

/** A solid sphere convolved with an isotropic Gaussian of std α, evaluated at r = dr + a. */
const sphereExactGaussian: SphereFunction = (dr, a, alpha) => {
  const s = alpha * SQRT2;
  const term1 = 0.5 * (erf((dr + 2 * a) / s) + erf(-dr / s));
  const g = Math.exp((-0.5 * dr * dr) / (alpha * alpha)) - Math.exp((-0.5 * (dr + 2 * a) ** 2) / (alpha * alpha));
  return term1 - SQRT_HALF_OVER_PI * (alpha / (dr + a + 1e-10)) * g;
};

/** The exact Gaussian without the terms that vanish (< 1e-8) for |dr| > 1.6. */
const sphereExactGaussianTrim: SphereFunction = (dr, a, alpha) => {
  if (dr > TRIM_CUT) return 0;
  if (dr < -TRIM_CUT) return 1;
  const t = -dr / (alpha * SQRT2);
  return 0.5 * (1 + erf(t)) - SQRT_HALF_OVER_PI * (alpha / (dr + a + 1e-10)) * Math.exp(-t * t);
};

/** A cubic constrained to be 1 and 0 at dr = ∓√3/2 (the cube diagonal). */
const sphereConstrainedCubic: SphereFunction = (dr, a, alpha) => {
  const b = ((a * 0.5) / SQRT3) * (1 - 0.6 * SQRT3 * alpha) / (0.15 + a * a);
  const x = clip(dr, -0.5 * SQRT3, 0.5 * SQRT3);
  const up = x + 0.5 * SQRT3;
  const dn = x - 0.5 * SQRT3;
  return alpha * dn * up * x + b * dn * up - dn / SQRT3;
};

const FUNCTIONS: Readonly<Record<ResolvedSphereMethod, SphereFunction>> = {
  bool: sphereBool,
  lerp: sphereLerp,
  logistic: sphereLogistic,
  triangle: sphereTriangle,
  'exact-gaussian': sphereExactGaussian,
  'exact-gaussian-trim': sphereExactGaussianTrim,
  'constrained-cubic': sphereConstrainedCubic,
};

export function sphereFunction(method: string): SphereFunction {
  return FUNCTIONS[resolveSphereMethod(method)];
}

/** Where each profile is flat: beyond ±cut(α) of the surface it is exactly 0 (outside) or 1 (inside). */
const CUTS = new Map<SphereFunction, (alpha: number) => number>([
  [sphereBool, () => 0],
  [sphereLerp, (alpha) => alpha],
  [sphereTriangle, (alpha) => alpha],
  [sphereExactGaussianTrim, () => TRIM_CUT],
  [sphereConstrainedCubic, () => 0.5 * SQRT3],
]);

/**
 * |dr| beyond which `fn` is exactly 0 (dr > cut) or exactly 1 (dr < −cut); Infinity for the
 * profiles that never flatten (exact Gaussian, logistic) and for functions not listed here.
 */
export function sphereCut(fn: SphereFunction, alpha: number): number {
  const cut = CUTS.get(fn);
  return cut ? cut(alpha) : Infinity;
}
