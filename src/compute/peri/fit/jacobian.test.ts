import { describe, expect, it } from 'vitest';
import { Prng } from '../../util/prng';
import { Jacobian } from './jacobian';
import { combineRows, jjt, jr, rank1Update, type RowBox } from './jtj';

const shape = [6, 9, 11] as const;
const boxes: RowBox[] = [
  { l: [0, 0, 0], r: [6, 9, 11] },
  { l: [1, 2, 3], r: [4, 7, 9] },
  { l: [3, 5, 6], r: [6, 9, 11] },
  { l: [0, 0, 0], r: [2, 3, 2] },
  { l: [2, 2, 2], r: [2, 5, 5] },
];

/** The same J as dense rows (zero outside the boxes) and as compact rows. */
function sparseJ(rng: Prng): { dense: Float64Array[]; compact: Jacobian } {
  const values: Float64Array[] = [];
  const dense = boxes.map((b) => {
    const row = new Float64Array(6 * 9 * 11);
    const v: number[] = [];
    for (let z = b.l[0]; z < b.r[0]; z++) for (let y = b.l[1]; y < b.r[1]; y++) for (let x = b.l[2]; x < b.r[2]; x++) {
      const g = rng.normal();
      row[(z * 9 + y) * 11 + x] = g;
      v.push(g);
    }
    values.push(Float64Array.from(v));
    return row;
  });
  return { dense, compact: Jacobian.fromCompact({ shape, boxes, values }) };
}

function expectClose(got: ArrayLike<number>, want: ArrayLike<number>, tol = 1e-12): void {
  const scale = Math.max(1, ...Array.from(want, Math.abs));
  expect(got.length).toBe(want.length);
  for (let i = 0; i < want.length; i++) expect(Math.abs(got[i] - want[i])).toBeLessThanOrEqual(tol * scale);
}

describe('Jacobian (dense or compact base + rank-1 corrections)', () => {
  it('compact rows give the JJᵀ, J·r and dᵀJ of the dense rows; an empty box is a zero row', () => {
    const rng = new Prng(5);
    const { dense, compact } = sparseJ(rng);
    const r = Float64Array.from({ length: 6 * 9 * 11 }, () => rng.normal());
    const d = Float64Array.from({ length: 5 }, () => rng.normal());
    expectClose(compact.jjt(), jjt(dense));
    expect(compact.jjt()[3 * 5 + 2]).toBe(0);
    expectClose(compact.times(r), jr(dense, r));
    expectClose(compact.combine(d), combineRows(dense, d));
    expectClose(compact.row(1), dense[1]);
    expect(compact.row(4).every((v) => v === 0)).toBe(true);
  });

  it('rank-1 updates equal rewriting the rows, and carry JJᵀ along', () => {
    const rng = new Prng(7);
    for (const kind of ['dense', 'compact'] as const) {
      const { dense, compact } = sparseJ(rng);
      const J = kind === 'dense' ? Jacobian.fromRows(dense.map((row) => row.slice())) : compact;
      const jtj = J.jjt();
      for (let t = 0; t < 3; t++) {
        const d = Float64Array.from({ length: 5 }, () => rng.normal());
        const norm = Math.hypot(...d);
        d.forEach((v, i) => (d[i] = v / norm));
        const values = Float64Array.from({ length: 6 * 9 * 11 }, () => 2 * rng.normal());
        rank1Update(dense, d, values);
        J.rank1Update(d, values, jtj);
      }
      expectClose(jtj, jjt(dense), 1e-11);
      expectClose(J.jjt(), jjt(dense), 1e-11);
      const r = Float64Array.from({ length: 6 * 9 * 11 }, () => rng.normal());
      expectClose(J.times(r), jr(dense, r), 1e-11);
      dense.forEach((row, a) => expectClose(J.row(a), row, 1e-11));
    }
  });

  it('rejects inconsistent rows', () => {
    expect(() => Jacobian.fromRows([new Float64Array(3), new Float64Array(2)])).toThrow(/row 1 has 2 pixels/);
    expect(() => Jacobian.fromCompact({ shape, boxes: boxes.slice(0, 1), values: [new Float64Array(3)] })).toThrow(/row 0 holds 3 values/);
    expect(() => Jacobian.fromRows([new Float64Array(3)]).times(new Float64Array(2))).toThrow(/r has 2 values/);
  });
});
