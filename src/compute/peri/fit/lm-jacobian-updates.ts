/**
 * Updates of J between refreshes (PERI's `update_Broyden_J`, `update_eig_J`): rank-1 corrections
 * J += d̂ ⊗ (Δr/|Δp| − d̂ᵀJ) along the last step, and along the stiffest eigen-directions of JJᵀ
 * measured by a finite difference of the residuals (dl = eig_dl).
 */
import { symmetricEigen } from './linalg';
import type { Jacobian } from './jacobian';
import type { FitProblem } from './problem';

/**
 * Broyden's rank-1 update along the last step; false (no change) when the step was zero. `jtj`
 * (JJᵀ of J) is updated along with J (see rank1Update).
 */
export function broydenUpdate(
  j: Jacobian,
  vals: Float64Array,
  lastVals: Float64Array,
  residuals: Float64Array,
  lastResiduals: Float64Array,
  jtj?: Float64Array,
): boolean {
  if (residuals.length !== lastResiduals.length) return false;
  const dp = vals.map((v, i) => v - lastVals[i]);
  let nrm = 0;
  for (const v of dp) nrm += v * v;
  nrm = Math.sqrt(nrm);
  if (!(nrm > 0)) return false;
  const direction = dp.map((v) => v / nrm);
  const dr = new Float64Array(residuals.length);
  for (let k = 0; k < dr.length; k++) dr[k] = (residuals[k] - lastResiduals[k]) / nrm;
  j.rank1Update(direction, dr, jtj);
  return true;
}

/**
 * Re-measures J along the `numDirs` eigenvectors of JJᵀ with the largest eigenvalues (the stiff
 * directions, where a wrong J hurts most): ∂r/∂v ≈ (r(p + dl·v) − r(p))/dl. Leaves the problem at
 * p + dl·v_last; the caller puts it back.
 */
export function eigenDirectionUpdate(
  j: Jacobian,
  jtj: Float64Array,
  n: number,
  numDirs: number,
  dl: number,
  vals: Float64Array,
  problem: FitProblem,
): void {
  const { vectors } = symmetricEigen(jtj, n);
  const r0 = problem.residuals();
  for (let a = 0; a < Math.min(numDirs, n); a++) {
    const col = n - 1 - a;
    const dir = Float64Array.from({ length: n }, (_, i) => vectors[i * n + col]);
    problem.update(vals.map((v, i) => v + dl * dir[i]));
    const r1 = problem.residuals();
    if (r1.length !== r0.length) continue;
    for (let k = 0; k < r1.length; k++) r1[k] = (r1[k] - r0[k]) / dl;
    j.rank1Update(dir, r1, jtj);
  }
}
