/**
 * The LM step of PERI's LMEngine (`_calc_damped_jtj`, `_calc_lm_step`, `find_expected_error`):
 * solve (JJᵀ + λ·D) δ = −½·grad by least squares with rcond = min_eigval, where D is I
 * (Levenberg), diag(JJᵀ) (Marquardt) or max(diag(JJᵀ), t) (Transtrum), λ a per-parameter vector.
 */
import { FitNumericalError } from './errors';
import { dot, matVec, symmetricLstsq } from './linalg';
import type { ResolvedLMOptions } from './lm-options';

export type DampingMode = Pick<ResolvedLMOptions, 'marquardtDamping' | 'transtrumDamping'>;

/** JJᵀ + λ·D (a new matrix). */
export function dampedJtj(jtj: Float64Array, n: number, damping: Float64Array, mode: DampingMode): Float64Array {
  const out = jtj.slice();
  for (let i = 0; i < n; i++) {
    const diag = jtj[i * n + i];
    let d = 1;
    if (mode.marquardtDamping) d = diag;
    else if (mode.transtrumDamping !== null) d = Math.max(diag, mode.transtrumDamping);
    out[i * n + i] += damping[i] * d;
  }
  return out;
}

/** δ = lstsq(A, −½·grad, rcond). */
export function lmStep(a: Float64Array, grad: Float64Array, n: number, rcond: number): { delta: Float64Array; rank: number } {
  const rhs = grad.map((g) => -0.5 * g);
  const { x, rank } = symmetricLstsq(a, rhs, n, rcond);
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(x[i])) throw new FitNumericalError('the calculated LM step has NaN or infinite values');
  }
  return { delta: x, rank };
}

/** The error a linear model predicts after δ: err + grad·δ + δᵀ·JJᵀ·δ. */
export function expectedError(error: number, grad: Float64Array, jtj: Float64Array, delta: Float64Array, n: number): number {
  return error + dot(grad, delta) + dot(matVec(jtj, delta, n), delta);
}

/** PERI's `find_best_step`: index of the smallest finite error, the first one on ties. */
export function findBestStep(errors: readonly number[]): number {
  let best = -1;
  errors.forEach((e, i) => {
    if (Number.isNaN(e)) return;
    if (best < 0 || e < errors[best]) best = i;
  });
  if (best < 0) throw new FitNumericalError('every trial step gave a NaN error');
  return best;
}
