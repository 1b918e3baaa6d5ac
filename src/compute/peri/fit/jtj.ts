/**
 * The hot products of the LM engine over many pixels: JJᵀ (n×n) and J·r (n), with J stored as n
 * rows of m pixels (rows are parameters, PERI's layout). Both run over pixel blocks small enough
 * that every row's block stays in cache while all n(n+1)/2 pairs are accumulated, in float64.
 */
import { FitNumericalError } from './errors';

/** Pixels per block: n rows × BLOCK × 8 bytes stays within a typical L2 for n ≲ 100. */
export const JTJ_BLOCK = 512;

export type JacobianRows = Float64Array[];

/** A box [l, r) of a row laid out as a row-major 3-D block of `shape` (z, y, x). */
export interface RowBox {
  l: readonly [number, number, number];
  r: readonly [number, number, number];
}

/** Where each row of J may be non-zero (exactly zero elsewhere), rows laid out as `shape` (see jacobian.ts). */
export interface RowSupports {
  shape: readonly [number, number, number];
  boxes: readonly RowBox[];
}

function checkRows(j: JacobianRows, m: number, what: string): void {
  j.forEach((row, i) => {
    if (row.length !== m) throw new FitNumericalError(`${what}: row ${i} of J has ${row.length} pixels, expected ${m}`);
  });
}

/**
 * JJᵀ as a row-major n×n Float64Array (symmetric, both triangles filled). Pairs are summed in 2×2
 * tiles of rows (each loaded value feeds two products); every pair keeps its own even/odd partial
 * sums per block, so the result does not depend on the tiling.
 */
export function jjt(j: JacobianRows): Float64Array {
  const n = j.length;
  const m = n ? j[0].length : 0;
  checkRows(j, m, 'JJᵀ');
  const out = new Float64Array(n * n);
  for (let lo = 0; lo < m; lo += JTJ_BLOCK) {
    const hi = Math.min(m, lo + JTJ_BLOCK);
    for (let a = 0; a < n; a += 2) {
      const two = a + 1 < n;
      for (let b = 0; b <= a; b += 2) {
        if (two && b + 1 <= a) {
          quadDots(j[a], j[a + 1], j[b], j[b + 1], lo, hi, out, a * n + b, (a + 1) * n + b);
          continue;
        }
        out[a * n + b] += pairDot(j[a], j[b], lo, hi);
        if (b + 1 <= a) out[a * n + b + 1] += pairDot(j[a], j[b + 1], lo, hi);
        if (!two) continue;
        out[(a + 1) * n + b] += pairDot(j[a + 1], j[b], lo, hi);
        out[(a + 1) * n + b + 1] += pairDot(j[a + 1], j[b + 1], lo, hi);
      }
    }
  }
  for (let a = 0; a < n; a++) for (let b = 0; b < a; b++) out[b * n + a] = out[a * n + b];
  return out;
}

/** Σ_k ra[k]·rb[k] over [lo, hi), as even and odd partial sums. */
function pairDot(ra: Float64Array, rb: Float64Array, lo: number, hi: number): number {
  let s0 = 0;
  let s1 = 0;
  let k = lo;
  for (; k + 1 < hi; k += 2) {
    s0 += ra[k] * rb[k];
    s1 += ra[k + 1] * rb[k + 1];
  }
  if (k < hi) s0 += ra[k] * rb[k];
  return s0 + s1;
}

/** pairDot of rows (x, y) × (u, v), added at out[at0], out[at0 + 1], out[at1], out[at1 + 1]. */
function quadDots(x: Float64Array, y: Float64Array, u: Float64Array, v: Float64Array, lo: number, hi: number, out: Float64Array, at0: number, at1: number): void {
  let xu0 = 0, xu1 = 0, xv0 = 0, xv1 = 0, yu0 = 0, yu1 = 0, yv0 = 0, yv1 = 0;
  let k = lo;
  for (; k + 1 < hi; k += 2) {
    const x0 = x[k], x1 = x[k + 1], y0 = y[k], y1 = y[k + 1];
    const u0 = u[k], u1 = u[k + 1], v0 = v[k], v1 = v[k + 1];
    xu0 += x0 * u0;
    xu1 += x1 * u1;
    xv0 += x0 * v0;
    xv1 += x1 * v1;
    yu0 += y0 * u0;
    yu1 += y1 * u1;
    yv0 += y0 * v0;
    yv1 += y1 * v1;
  }
  if (k < hi) {
    xu0 += x[k] * u[k];
    xv0 += x[k] * v[k];
    yu0 += y[k] * u[k];
    yv0 += y[k] * v[k];
  }
  out[at0] += xu0 + xu1;
  out[at0 + 1] += xv0 + xv1;
  out[at1] += yu0 + yu1;
  out[at1 + 1] += yv0 + yv1;
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

/**
 * J += d ⊗ u with u = values − dᵀJ: PERI's rank-1 update of J along the unit direction d. With
 * `jtj` (JJᵀ of the old J, n×n) it is brought along in O(n·m) instead of recomputed in O(n²·m):
 * (J + d uᵀ)(J + d uᵀ)ᵀ = JJᵀ + d (Ju)ᵀ + (Ju) dᵀ + (u·u) d dᵀ, the same matrix up to rounding.
 */
export function rank1Update(j: JacobianRows, direction: ArrayLike<number>, values: ArrayLike<number>, jtj?: Float64Array): void {
  const sub = combineRows(j, direction);
  for (let k = 0; k < sub.length; k++) sub[k] = values[k] - sub[k];
  if (jtj) addRank1Jjt(jtj, direction, sub, jr(j, sub));
  j.forEach((row, a) => {
    const w = direction[a];
    if (w === 0) return;
    for (let k = 0; k < row.length; k++) row[k] += w * sub[k];
  });
}

/**
 * JJᵀ (n×n, in place) of J brought to J + d uᵀ, given ju = J·u (n values):
 * + d (Ju)ᵀ + (Ju) dᵀ + (u·u) d dᵀ.
 */
export function addRank1Jjt(jtj: Float64Array, d: ArrayLike<number>, u: ArrayLike<number>, ju: Float64Array): void {
  const n = ju.length;
  if (jtj.length !== n * n) throw new FitNumericalError(`JJᵀ has ${jtj.length} entries, expected ${n}×${n}`);
  let uu = 0;
  for (let k = 0; k < u.length; k++) uu += u[k] * u[k];
  for (let a = 0; a < n; a++) {
    for (let b = 0; b < n; b++) jtj[a * n + b] += d[a] * ju[b] + ju[a] * d[b] + uu * d[a] * d[b];
  }
}

export function hasNonFinite(a: ArrayLike<number>): boolean {
  for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) return true;
  return false;
}
