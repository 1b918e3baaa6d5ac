/**
 * Small dense float64 linear algebra for the LM engine: the symmetric eigen-decomposition
 * (Householder reduction to tridiagonal form, then the implicit QL iteration with Wilkinson-type
 * shifts), least squares of a symmetric system through its eigen-decomposition (numpy's `lstsq`
 * with `rcond`: for a symmetric matrix the singular values are |eigenvalues|), and the inverse.
 * Matrices are row-major Float64Array n×n.
 */
import { FitNumericalError } from './errors';

export interface SymmetricEigen {
  /** Eigenvalues, ascending. */
  values: Float64Array;
  /** Eigenvectors as columns: vectors[i·n + k] is component i of eigenvector k. */
  vectors: Float64Array;
}

const EPS = 2 ** -52;
const MAX_QL_ITERATIONS = 60;

function checkSquare(a: Float64Array, n: number, what: string): void {
  if (a.length !== n * n) throw new FitNumericalError(`${what}: expected a ${n}×${n} matrix, got ${a.length} values`);
  for (let i = 0; i < a.length; i++) {
    if (!Number.isFinite(a[i])) throw new FitNumericalError(`${what}: the matrix has a non-finite entry (${a[i]}) at row ${Math.floor(i / n)}, column ${i % n}`);
  }
}

/** Householder reduction of the symmetric matrix held in v (rows) to tridiagonal d, e; v becomes Q. */
function tridiagonalize(v: Float64Array[], d: Float64Array, e: Float64Array): void {
  const n = d.length;
  for (let j = 0; j < n; j++) d[j] = v[n - 1][j];
  for (let i = n - 1; i > 0; i--) {
    let scale = 0;
    let h = 0;
    for (let k = 0; k < i; k++) scale += Math.abs(d[k]);
    if (scale === 0) {
      e[i] = d[i - 1];
      for (let j = 0; j < i; j++) {
        d[j] = v[i - 1][j];
        v[i][j] = 0;
        v[j][i] = 0;
      }
    } else {
      for (let k = 0; k < i; k++) {
        d[k] /= scale;
        h += d[k] * d[k];
      }
      let f = d[i - 1];
      let g = Math.sqrt(h);
      if (f > 0) g = -g;
      e[i] = scale * g;
      h -= f * g;
      d[i - 1] = f - g;
      for (let j = 0; j < i; j++) e[j] = 0;
      for (let j = 0; j < i; j++) {
        f = d[j];
        v[j][i] = f;
        g = e[j] + v[j][j] * f;
        for (let k = j + 1; k <= i - 1; k++) {
          g += v[k][j] * d[k];
          e[k] += v[k][j] * f;
        }
        e[j] = g;
      }
      f = 0;
      for (let j = 0; j < i; j++) {
        e[j] /= h;
        f += e[j] * d[j];
      }
      const hh = f / (h + h);
      for (let j = 0; j < i; j++) e[j] -= hh * d[j];
      for (let j = 0; j < i; j++) {
        f = d[j];
        g = e[j];
        for (let k = j; k <= i - 1; k++) v[k][j] -= f * e[k] + g * d[k];
        d[j] = v[i - 1][j];
        v[i][j] = 0;
      }
    }
    d[i] = h;
  }
  accumulateTransforms(v, d);
  e[0] = 0;
}

function accumulateTransforms(v: Float64Array[], d: Float64Array): void {
  const n = d.length;
  for (let i = 0; i < n - 1; i++) {
    v[n - 1][i] = v[i][i];
    v[i][i] = 1;
    const h = d[i + 1];
    if (h !== 0) {
      for (let k = 0; k <= i; k++) d[k] = v[k][i + 1] / h;
      for (let j = 0; j <= i; j++) {
        let g = 0;
        for (let k = 0; k <= i; k++) g += v[k][i + 1] * v[k][j];
        for (let k = 0; k <= i; k++) v[k][j] -= g * d[k];
      }
    }
    for (let k = 0; k <= i; k++) v[k][i + 1] = 0;
  }
  for (let j = 0; j < n; j++) {
    d[j] = v[n - 1][j];
    v[n - 1][j] = 0;
  }
  v[n - 1][n - 1] = 1;
}

/** Implicit QL iterations on the tridiagonal (d, e), rotating the columns of v along. */
function tridiagonalQL(v: Float64Array[], d: Float64Array, e: Float64Array): void {
  const n = d.length;
  for (let i = 1; i < n; i++) e[i - 1] = e[i];
  e[n - 1] = 0;
  let f = 0;
  let tst1 = 0;
  for (let l = 0; l < n; l++) {
    tst1 = Math.max(tst1, Math.abs(d[l]) + Math.abs(e[l]));
    let m = l;
    while (m < n && Math.abs(e[m]) > EPS * tst1) m++;
    if (m > l) {
      let iter = 0;
      do {
        if (++iter > MAX_QL_ITERATIONS) throw new FitNumericalError(`symmetric eigen-decomposition did not converge (eigenvalue ${l} of ${n})`);
        let g = d[l];
        let p = (d[l + 1] - g) / (2 * e[l]);
        let r = Math.hypot(p, 1);
        if (p < 0) r = -r;
        d[l] = e[l] / (p + r);
        d[l + 1] = e[l] * (p + r);
        const dl1 = d[l + 1];
        let h = g - d[l];
        for (let i = l + 2; i < n; i++) d[i] -= h;
        f += h;
        p = d[m];
        let c = 1;
        let c2 = c;
        let c3 = c;
        const el1 = e[l + 1];
        let s = 0;
        let s2 = 0;
        for (let i = m - 1; i >= l; i--) {
          c3 = c2;
          c2 = c;
          s2 = s;
          g = c * e[i];
          h = c * p;
          r = Math.hypot(p, e[i]);
          e[i + 1] = s * r;
          s = e[i] / r;
          c = p / r;
          p = c * d[i] - s * g;
          d[i + 1] = h + s * (c * g + s * d[i]);
          for (let k = 0; k < n; k++) {
            const vk = v[k];
            h = vk[i + 1];
            vk[i + 1] = s * vk[i] + c * h;
            vk[i] = c * vk[i] - s * h;
          }
        }
        p = (-s * s2 * c3 * el1 * e[l]) / dl1;
        e[l] = s * p;
        d[l] = c * p;
      } while (Math.abs(e[l]) > EPS * tst1);
    }
    d[l] += f;
    e[l] = 0;
  }
}

/** Eigen-decomposition of the symmetric n×n matrix `a` (only its lower triangle is read). */
export function symmetricEigen(a: Float64Array, n: number): SymmetricEigen {
  checkSquare(a, n, 'symmetricEigen');
  if (n === 0) return { values: new Float64Array(0), vectors: new Float64Array(0) };
  const v: Float64Array[] = [];
  for (let i = 0; i < n; i++) {
    const row = new Float64Array(n);
    for (let j = 0; j <= i; j++) row[j] = a[i * n + j];
    for (let j = i + 1; j < n; j++) row[j] = a[j * n + i];
    v.push(row);
  }
  const d = new Float64Array(n);
  const e = new Float64Array(n);
  tridiagonalize(v, d, e);
  tridiagonalQL(v, d, e);
  const order = Array.from({ length: n }, (_, k) => k).sort((x, y) => d[x] - d[y]);
  const values = new Float64Array(n);
  const vectors = new Float64Array(n * n);
  order.forEach((k, col) => {
    values[col] = d[k];
    for (let i = 0; i < n; i++) vectors[i * n + col] = v[i][k];
  });
  return { values, vectors };
}

export interface LstsqResult {
  x: Float64Array;
  /** Number of eigen-directions kept (numpy's rank). */
  rank: number;
}

/**
 * Minimum-norm least-squares solution of a·x = b for symmetric `a`: eigen-directions whose
 * |eigenvalue| ≤ rcond·max|eigenvalue| are dropped (numpy.linalg.lstsq keeps s > rcond·s_max).
 */
export function symmetricLstsq(a: Float64Array, b: ArrayLike<number>, n: number, rcond: number): LstsqResult {
  if (b.length !== n) throw new FitNumericalError(`symmetricLstsq: right-hand side has ${b.length} values, the matrix is ${n}×${n}`);
  const { values, vectors } = symmetricEigen(a, n);
  let smax = 0;
  for (let k = 0; k < n; k++) smax = Math.max(smax, Math.abs(values[k]));
  const x = new Float64Array(n);
  let rank = 0;
  for (let k = 0; k < n; k++) {
    if (!(Math.abs(values[k]) > rcond * smax)) continue;
    rank++;
    let proj = 0;
    for (let i = 0; i < n; i++) proj += vectors[i * n + k] * b[i];
    const c = proj / values[k];
    for (let i = 0; i < n; i++) x[i] += c * vectors[i * n + k];
  }
  return { x, rank };
}

/** Inverse of a symmetric positive-definite matrix through its eigen-decomposition; throws if singular. */
export function symmetricInverse(a: Float64Array, n: number): Float64Array {
  const { values, vectors } = symmetricEigen(a, n);
  let smax = 0;
  for (let k = 0; k < n; k++) smax = Math.max(smax, Math.abs(values[k]));
  const inv = new Float64Array(n * n);
  for (let k = 0; k < n; k++) {
    if (!(Math.abs(values[k]) > n * EPS * smax)) {
      throw new FitNumericalError(`the matrix is singular (eigenvalue ${values[k].toExponential(3)} against a largest of ${smax.toExponential(3)}): some parameters are not determined by the data`);
    }
    const w = 1 / values[k];
    for (let i = 0; i < n; i++) {
      const vi = vectors[i * n + k] * w;
      for (let j = 0; j < n; j++) inv[i * n + j] += vi * vectors[j * n + k];
    }
  }
  return inv;
}

export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

export function norm(a: ArrayLike<number>): number {
  return Math.sqrt(dot(a, a));
}

/** y = A·x for row-major n×n A. */
export function matVec(a: Float64Array, x: ArrayLike<number>, n: number): Float64Array {
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += a[i * n + j] * x[j];
    y[i] = s;
  }
  return y;
}
