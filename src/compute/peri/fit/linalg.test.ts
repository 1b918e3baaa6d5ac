import { describe, expect, it } from 'vitest';
import { Prng } from '../../util/prng';
import { FitNumericalError } from './errors';
import { matVec, symmetricEigen, symmetricInverse, symmetricLstsq } from './linalg';
import { combineRows, jjt, jr, rank1Update, JTJ_BLOCK } from './jtj';

function randomSymmetric(n: number, rng: Prng): Float64Array {
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      const v = rng.normal();
      a[i * n + j] = v;
      a[j * n + i] = v;
    }
  }
  return a;
}

function maxAbs(a: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]));
  return m;
}

describe('symmetricEigen', () => {
  it('decomposes random symmetric matrices: A·V = V·Λ, VᵀV = I, ascending', () => {
    const rng = new Prng(7);
    for (const n of [1, 2, 3, 5, 17, 40]) {
      const a = randomSymmetric(n, rng);
      const { values, vectors } = symmetricEigen(a, n);
      for (let k = 0; k < n; k++) {
        const v = Float64Array.from({ length: n }, (_, i) => vectors[i * n + k]);
        const av = matVec(a, v, n);
        expect(maxAbs(av.map((x, i) => x - values[k] * v[i]))).toBeLessThan(1e-12 * n);
        for (let l = 0; l < n; l++) {
          let s = 0;
          for (let i = 0; i < n; i++) s += vectors[i * n + k] * vectors[i * n + l];
          expect(Math.abs(s - (k === l ? 1 : 0))).toBeLessThan(1e-12 * n);
        }
        if (k > 0) expect(values[k]).toBeGreaterThanOrEqual(values[k - 1]);
      }
    }
  });

  it('gives the analytic eigenvalues of a 2×2 matrix and repeated ones of a multiple of I', () => {
    const { values } = symmetricEigen(Float64Array.from([2, 1, 1, 2]), 2);
    expect(values[0]).toBeCloseTo(1, 14);
    expect(values[1]).toBeCloseTo(3, 14);
    const eye = new Float64Array(16);
    [0, 5, 10, 15].forEach((i) => (eye[i] = 4));
    expect(Array.from(symmetricEigen(eye, 4).values)).toEqual([4, 4, 4, 4]);
    expect(Array.from(symmetricEigen(new Float64Array(9), 3).values)).toEqual([0, 0, 0]);
  });

  it('rejects non-finite entries and wrong sizes with a clear message', () => {
    expect(() => symmetricEigen(Float64Array.from([1, NaN, NaN, 1]), 2)).toThrow(/non-finite entry/);
    expect(() => symmetricEigen(new Float64Array(3), 2)).toThrow(FitNumericalError);
  });
});

describe('symmetricLstsq', () => {
  it('solves a well-conditioned system exactly', () => {
    const a = Float64Array.from([4, 1, 0, 1, 3, 1, 0, 1, 2]);
    const x0 = [1, -2, 0.5];
    const b = matVec(a, x0, 3);
    const { x, rank } = symmetricLstsq(a, b, 3, 1e-13);
    expect(rank).toBe(3);
    x.forEach((v, i) => expect(v).toBeCloseTo(x0[i], 13));
  });

  it('returns the minimum-norm solution of a singular system (numpy lstsq semantics)', () => {
    // a = u uᵀ with u = (1, 1)/√2·√2: rank 1; b = (2, 2) → x = (1, 1), not any other solution.
    const { x, rank } = symmetricLstsq(Float64Array.from([1, 1, 1, 1]), [2, 2], 2, 1e-13);
    expect(rank).toBe(1);
    expect(x[0]).toBeCloseTo(1, 13);
    expect(x[1]).toBeCloseTo(1, 13);
  });

  it('drops directions with |λ| ≤ rcond·max|λ|', () => {
    const a = Float64Array.from([1, 0, 0, 1e-14]);
    expect(symmetricLstsq(a, [1, 1], 2, 1e-13).rank).toBe(1);
    expect(symmetricLstsq(a, [1, 1], 2, 1e-15).x[1]).toBeCloseTo(1e14, 0);
  });
});

describe('symmetricInverse', () => {
  it('inverts a positive-definite matrix and refuses a singular one', () => {
    const a = Float64Array.from([4, 1, 1, 3]);
    const inv = symmetricInverse(a, 2);
    const det = 11;
    [3 / det, -1 / det, -1 / det, 4 / det].forEach((v, i) => expect(inv[i]).toBeCloseTo(v, 14));
    expect(() => symmetricInverse(Float64Array.from([1, 1, 1, 1]), 2)).toThrow(/singular/);
  });
});

describe('blocked JJᵀ and J·r', () => {
  it('match the naive sums for pixel counts around the block size', () => {
    const rng = new Prng(3);
    for (const m of [1, JTJ_BLOCK - 1, JTJ_BLOCK + 3, 3 * JTJ_BLOCK + 17]) {
      const n = 5;
      const j = Array.from({ length: n }, () => Float64Array.from({ length: m }, () => rng.normal()));
      const r = Float64Array.from({ length: m }, () => rng.normal());
      const a = jjt(j);
      const g = jr(j, r);
      for (let p = 0; p < n; p++) {
        let sr = 0;
        for (let k = 0; k < m; k++) sr += j[p][k] * r[k];
        expect(g[p]).toBeCloseTo(sr, 9);
        for (let q = 0; q < n; q++) {
          let s = 0;
          for (let k = 0; k < m; k++) s += j[p][k] * j[q][k];
          expect(a[p * n + q]).toBeCloseTo(s, 9);
        }
      }
    }
  });

  it('rank-1 update makes dᵀJ equal the given values for a unit d', () => {
    const j = [Float64Array.from([1, 2, 3]), Float64Array.from([0, 1, 0])];
    const d = [Math.SQRT1_2, Math.SQRT1_2];
    rank1Update(j, d, [5, 6, 7]);
    const dj = combineRows(j, d);
    [5, 6, 7].forEach((v, k) => expect(dj[k]).toBeCloseTo(v, 13));
  });

  it('rank-1 update carries JJᵀ along (the JJᵀ of the updated J to rounding)', () => {
    const rng = new Prng(11);
    for (const [n, m] of [[1, 9], [6, 2 * JTJ_BLOCK + 5], [9, 40]] as const) {
      const j = Array.from({ length: n }, () => Float64Array.from({ length: m }, () => rng.normal()));
      const d = Float64Array.from({ length: n }, () => rng.normal());
      const norm = Math.hypot(...d);
      d.forEach((v, i) => (d[i] = v / norm));
      const jtj = jjt(j);
      rank1Update(j, d, Float64Array.from({ length: m }, () => 3 * rng.normal()), jtj);
      const want = jjt(j);
      const scale = Math.max(...want.map(Math.abs));
      want.forEach((v, i) => expect(Math.abs(jtj[i] - v)).toBeLessThan(1e-12 * scale));
    }
    expect(() => rank1Update([new Float64Array(2)], [1], [1, 2], new Float64Array(4))).toThrow(/JJᵀ has 4 entries/);
  });

  it('rejects rows of different lengths', () => {
    expect(() => jjt([new Float64Array(3), new Float64Array(2)])).toThrow(/row 1 of J has 2 pixels/);
    expect(() => jr([new Float64Array(3)], new Float64Array(2))).toThrow(FitNumericalError);
  });
});
