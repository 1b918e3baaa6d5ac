/**
 * Bessel functions of the first kind J0, J1, J2 in float64, absolute error ≲ 1e-14 on [0, ∞).
 * Three regimes, each used where it is accurate:
 * - |x| < 8: the power series Σ (−1)^k (x/2)^(2k+n) / (k!(k+n)!) (largest term ≈ 100, so the
 *   cancellation costs two digits at most);
 * - 8 ≤ |x| < 35: Miller's backward recurrence J_{k−1} = (2k/x)·J_k − J_{k+1} from an order well
 *   above x, normalised by J0 + 2·Σ J_2k = 1;
 * - |x| ≥ 35: Hankel's asymptotic expansion J_n(x) = √(2/πx)·(P cos χ − Q sin χ), χ = x − nπ/2 − π/4.
 * J_n(−x) = (−1)^n J_n(x).
 */

const SERIES_MAX = 8;
const ASYMPTOTIC_MIN = 35;

export interface Bessel012 {
  j0: number;
  j1: number;
  j2: number;
}

function seriesJn(n: number, x: number): number {
  const h = x / 2;
  const q = -h * h;
  let term = 1;
  for (let k = 1; k <= n; k++) term *= h / k;
  let sum = term;
  for (let k = 1; k < 200; k++) {
    term *= q / (k * (k + n));
    sum += term;
    if (Math.abs(term) < 1e-17 * Math.abs(sum)) break;
  }
  return sum;
}

/** Miller's recurrence: J0, J1, J2 at x ≥ 8 (positive x only). */
function millerJ012(x: number): Bessel012 {
  let top = Math.ceil(x + 20 + 6 * Math.cbrt(x));
  top += top % 2;
  let next = 0; // J_{k+1}
  let cur = 1e-30; // J_k, arbitrary scale
  let norm = 0; // Σ over even k ≥ 2 of 2·J_k, then + J0
  let j1 = 0;
  let j2 = 0;
  for (let k = top; k > 0; k--) {
    const prev = ((2 * k) / x) * cur - next; // J_{k-1}
    next = cur;
    cur = prev;
    const order = k - 1;
    if (order === 2) j2 = cur;
    if (order === 1) j1 = cur;
    if (order > 0 && order % 2 === 0) norm += 2 * cur;
    if (Math.abs(cur) > 1e200) {
      const s = 1e-200;
      cur *= s;
      next *= s;
      norm *= s;
      j1 *= s;
      j2 *= s;
    }
  }
  norm += cur;
  return { j0: cur / norm, j1: j1 / norm, j2: j2 / norm };
}

/** Hankel's expansion of J_n at x ≥ 35: P and Q summed while their terms decrease. */
function asymptoticJn(n: number, x: number): number {
  const mu = 4 * n * n;
  const eightX = 8 * x;
  let p = 1;
  let q = 0;
  let term = 1;
  let lastSize = Infinity;
  for (let k = 1; k < 60; k++) {
    term *= (mu - (2 * k - 1) * (2 * k - 1)) / (k * eightX);
    const size = Math.abs(term);
    if (size > lastSize || size < 1e-18) break;
    lastSize = size;
    const quarter = k % 4;
    if (quarter === 1) q += term;
    else if (quarter === 2) p -= term;
    else if (quarter === 3) q -= term;
    else p += term;
  }
  const chi = x - (n * Math.PI) / 2 - Math.PI / 4;
  return Math.sqrt(2 / (Math.PI * x)) * (p * Math.cos(chi) - q * Math.sin(chi));
}

/** J0(x), J1(x), J2(x) together (one recurrence serves all three in the middle range). */
export function besselJ012(x: number): Bessel012 {
  if (!Number.isFinite(x)) {
    if (Number.isNaN(x)) return { j0: NaN, j1: NaN, j2: NaN };
    return { j0: 0, j1: 0, j2: 0 };
  }
  const ax = Math.abs(x);
  let r: Bessel012;
  if (ax < SERIES_MAX) r = { j0: seriesJn(0, ax), j1: seriesJn(1, ax), j2: seriesJn(2, ax) };
  else if (ax < ASYMPTOTIC_MIN) r = millerJ012(ax);
  else r = { j0: asymptoticJn(0, ax), j1: asymptoticJn(1, ax), j2: asymptoticJn(2, ax) };
  if (x < 0) r.j1 = -r.j1;
  return r;
}

export function besselJ0(x: number): number {
  return besselJ012(x).j0;
}

export function besselJ1(x: number): number {
  return besselJ012(x).j1;
}

export function besselJ2(x: number): number {
  return besselJ012(x).j2;
}
