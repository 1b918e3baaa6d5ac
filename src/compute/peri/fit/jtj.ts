/**
 * The hot products of the LM engine over many pixels: JJᵀ (n×n) and J·r (n), with J stored as n
 * rows of m pixels (rows are parameters, PERI's layout). Both run over pixel blocks small enough
 * that every row's block stays in cache while all n(n+1)/2 pairs are accumulated, in float64.
 */
import { FitNumericalError } from './errors';

/** Pixels per block: n rows × BLOCK × 8 bytes stays within a typical L2 for n ≲ 100. */
export const JTJ_BLOCK = 512;

export type JacobianRows = Float64Array[];

function checkRows(j: JacobianRows, m: number, what: string): void {
  j.forEach((row, i) => {
    if (row.length !== m) throw new FitNumericalError(`${what}: row ${i} of J has ${row.length} pixels, expected ${m}`);
  });
}

/** JJᵀ as a row-major n×n Float64Array (symmetric, both triangles filled). */
export function jjt(j: JacobianRows): Float64Array {
  const n = j.length;
  const m = n ? j[0].length : 0;
  checkRows(j, m, 'JJᵀ');
  const out = new Float64Array(n * n);
  for (let lo = 0; lo < m; lo += JTJ_BLOCK) {
    const hi = Math.min(m, lo + JTJ_BLOCK);
    for (let a = 0; a < n; a++) {
      const ra = j[a];
      for (let b = 0; b <= a; b++) {
        const rb = j[b];
        let s0 = 0;
        let s1 = 0;
        let k = lo;
        for (; k + 1 < hi; k += 2) {
          s0 += ra[k] * rb[k];
          s1 += ra[k + 1] * rb[k + 1];
        }
        if (k < hi) s0 += ra[k] * rb[k];
        out[a * n + b] += s0 + s1;
      }
    }
  }
  for (let a = 0; a < n; a++) for (let b = 0; b < a; b++) out[b * n + a] = out[a * n + b];
  return out;
}

/** J·r (n values). */
export function jr(j: JacobianRows, r: ArrayLike<number>): Float64Array {
  checkRows(j, r.length, 'J·r');
  const out = new Float64Array(j.length);
  for (let lo = 0; lo < r.length; lo += JTJ_BLOCK) {
    const hi = Math.min(r.length, lo + JTJ_BLOCK);
    for (let a = 0; a < j.length; a++) {
      const ra = j[a];
      let s = 0;
      for (let k = lo; k < hi; k++) s += ra[k] * r[k];
      out[a] += s;
    }
  }
  return out;
}

/** dᵀ·J (m values): the combination of rows with weights d. */
export function combineRows(j: JacobianRows, d: ArrayLike<number>): Float64Array {
  const m = j.length ? j[0].length : 0;
  const out = new Float64Array(m);
  j.forEach((row, a) => {
    const w = d[a];
    if (w === 0) return;
    for (let k = 0; k < m; k++) out[k] += w * row[k];
  });
  return out;
}

/** J += d ⊗ (values − dᵀJ): PERI's rank-1 update of J along the unit direction d. */
export function rank1Update(j: JacobianRows, direction: ArrayLike<number>, values: ArrayLike<number>): void {
  const sub = combineRows(j, direction);
  for (let k = 0; k < sub.length; k++) sub[k] = values[k] - sub[k];
  j.forEach((row, a) => {
    const w = direction[a];
    if (w === 0) return;
    for (let k = 0; k < row.length; k++) row[k] += w * sub[k];
  });
}

export function hasNonFinite(a: ArrayLike<number>): boolean {
  for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) return true;
  return false;
}
