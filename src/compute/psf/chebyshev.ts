/**
 * Chebyshev interpolation of an array-valued function of one variable over a window [a, b]
 * (PERI's ChebyshevInterpolation1D): f is sampled at the N Chebyshev nodes
 * x_j = c2x(cos(π(j + ½)/N)), and c_k = (2/N) Σ_j f(x_j)·cos(πk(j + ½)/N) for k < degree, with c_0
 * halved, so f(x) ≈ Σ_k c_k·T_k(x̂), x̂ = (2x − a − b)/(b − a).
 */
import { OpticsError } from './vectorial';

export type Window = readonly [number, number];

function checkWindow(window: Window): void {
  const [a, b] = window;
  if (!Number.isFinite(a) || !Number.isFinite(b) || a === b) {
    throw new OpticsError(`a Chebyshev window needs two different finite ends, got [${a}, ${b}]`);
  }
}

export function checkChebyshevOrder(degree: number, evals: number): void {
  if (!Number.isInteger(degree) || degree < 1) throw new OpticsError(`Chebyshev degree must be a positive integer, got ${degree}`);
  if (!Number.isInteger(evals) || evals < degree) {
    throw new OpticsError(`the number of Chebyshev points (${evals}) must be an integer ≥ the degree (${degree})`);
  }
}

/** x̂ in [−1, 1] for x in the depth window [lo, hi]. */
export function toChebyshevCoordinate(x: number, window: Window): number {
  return (2 * x - window[1] - window[0]) / (window[1] - window[0]);
}

/** The N Chebyshev nodes mapped into the depth window [lo, hi]. */
export function chebyshevNodes(window: Window, evals: number): Float64Array {
  checkWindow(window);
  const out = new Float64Array(evals);
  for (let j = 0; j < evals; j++) {
    const c = Math.cos((Math.PI * (j + 0.5)) / evals);
    out[j] = 0.5 * (window[0] + window[1] + c * (window[1] - window[0]));
  }
  return out;
}

/** Coefficient arrays c_0..c_{degree−1} from the samples at `chebyshevNodes(window, samples.length)`. */
export function chebyshevCoefficients(samples: readonly Float64Array[], degree: number): Float64Array[] {
  const n = samples.length;
  checkChebyshevOrder(degree, n);
  const len = samples[0].length;
  if (samples.some((s) => s.length !== len)) throw new OpticsError('Chebyshev samples must all have the same length');
  const out: Float64Array[] = [];
  for (let k = 0; k < degree; k++) {
    const c = new Float64Array(len);
    for (let j = 0; j < n; j++) {
      const f = ((k === 0 ? 1 : 2) / n) * Math.cos((Math.PI * k * (j + 0.5)) / n);
      const s = samples[j];
      for (let i = 0; i < len; i++) c[i] += f * s[i];
    }
    out.push(c);
  }
  return out;
}

/** T_0..T_{degree−1} at x̂ (three-term recurrence). */
export function chebyshevT(xhat: number, degree: number): Float64Array {
  const t = new Float64Array(degree);
  if (degree > 0) t[0] = 1;
  if (degree > 1) t[1] = xhat;
  for (let k = 2; k < degree; k++) t[k] = 2 * xhat * t[k - 1] - t[k - 2];
  return t;
}

/** Weights [zs.length × degree]: row z holds T_k(x̂(z)) for the depth window [lo, hi]. */
export function chebyshevWeights(zs: ArrayLike<number>, window: Window, degree: number): Float64Array {
  checkWindow(window);
  const out = new Float64Array(zs.length * degree);
  for (let i = 0; i < zs.length; i++) out.set(chebyshevT(toChebyshevCoordinate(zs[i], window), degree), i * degree);
  return out;
}
