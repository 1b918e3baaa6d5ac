/**
 * J (n parameters × m pixels) as the LM engine uses it: a base — dense rows, or rows that vanish
 * outside boxes of a 3-D pixel layout, stored on their boxes only (a particle's derivative lives
 * on its own update tile; a group of 24 spans the image) — plus the rank-1 corrections of Broyden
 * and eigen-direction updates kept as pairs (d_k, u_k): J = B + Σ d_k u_kᵀ. An update then costs
 * a few passes over m instead of rewriting n·m values, and J·r, dᵀJ, JJᵀ follow exactly
 * (the same matrices as with J rewritten, up to rounding).
 */
import { FitNumericalError } from './errors';
import { addRank1Jjt, jjt, jr, type JacobianRows, type RowBox, type RowSupports } from './jtj';

/** Rows stored on their boxes of `shape` (row-major z, y, x): values[a] has box_a's volume. */
export interface CompactRows extends RowSupports {
  values: readonly Float64Array[];
}

function boxVolume(b: RowBox): number {
  return Math.max(0, b.r[0] - b.l[0]) * Math.max(0, b.r[1] - b.l[1]) * Math.max(0, b.r[2] - b.l[2]);
}

/** Calls f(pixelIndex, boxIndex) over a box, row by row. */
function forBox(shape: RowSupports['shape'], b: RowBox, f: (at: number, k: number, len: number) => void): void {
  const [, sy, sx] = shape;
  const len = Math.max(0, b.r[2] - b.l[2]);
  let k = 0;
  for (let z = b.l[0]; z < b.r[0]; z++) {
    for (let y = b.l[1]; y < b.r[1]; y++) {
      f((z * sy + y) * sx + b.l[2], k, len);
      k += len;
    }
  }
}

export class Jacobian {
  private readonly ds: Float64Array[] = [];
  private readonly us: Float64Array[] = [];

  private constructor(
    readonly n: number,
    readonly m: number,
    private readonly dense: JacobianRows | null,
    private readonly compact: CompactRows | null,
  ) {}

  static fromRows(rows: JacobianRows): Jacobian {
    const m = rows.length ? rows[0].length : 0;
    rows.forEach((r, a) => {
      if (r.length !== m) throw new FitNumericalError(`J: row ${a} has ${r.length} pixels, expected ${m}`);
    });
    return new Jacobian(rows.length, m, rows, null);
  }

  static fromCompact(c: CompactRows): Jacobian {
    if (c.values.length !== c.boxes.length) throw new FitNumericalError(`J: ${c.values.length} rows for ${c.boxes.length} boxes`);
    c.values.forEach((v, a) => {
      if (v.length !== boxVolume(c.boxes[a])) throw new FitNumericalError(`J: row ${a} holds ${v.length} values, its box ${boxVolume(c.boxes[a])}`);
    });
    return new Jacobian(c.values.length, c.shape[0] * c.shape[1] * c.shape[2], null, c);
  }

  /** J·r (n values). */
  times(r: ArrayLike<number>): Float64Array {
    if (r.length !== this.m) throw new FitNumericalError(`J·r: r has ${r.length} values, J ${this.m} pixels`);
    const out = this.dense ? jr(this.dense, r) : this.compactTimes(this.compact!, r);
    this.us.forEach((u, k) => {
      let s = 0;
      for (let i = 0; i < u.length; i++) s += u[i] * r[i];
      const d = this.ds[k];
      for (let a = 0; a < this.n; a++) out[a] += d[a] * s;
    });
    return out;
  }

  /** dᵀJ (m values). */
  combine(d: ArrayLike<number>): Float64Array {
    const out = new Float64Array(this.m);
    for (let a = 0; a < this.n; a++) {
      const w = d[a];
      if (w === 0) continue;
      if (this.dense) {
        const row = this.dense[a];
        for (let i = 0; i < this.m; i++) out[i] += w * row[i];
      } else {
        addBox(this.compact!.shape, this.compact!.boxes[a], this.compact!.values[a], w, out);
      }
    }
    this.us.forEach((u, k) => {
      let s = 0;
      for (let a = 0; a < this.n; a++) s += d[a] * this.ds[k][a];
      if (s !== 0) for (let i = 0; i < this.m; i++) out[i] += s * u[i];
    });
    return out;
  }

  /**
   * J += d ⊗ u with u = values − dᵀJ (PERI's rank-1 update along a unit direction d). With
   * `jtj` (JJᵀ of J before), JJᵀ follows: + d (Ju)ᵀ + (Ju) dᵀ + (u·u) d dᵀ.
   */
  rank1Update(d: ArrayLike<number>, values: ArrayLike<number>, jtj?: Float64Array): void {
    if (values.length !== this.m) throw new FitNumericalError(`rank-1 update: ${values.length} values for ${this.m} pixels`);
    const u = this.combine(d);
    for (let i = 0; i < u.length; i++) u[i] = values[i] - u[i];
    if (jtj) addRank1Jjt(jtj, d, u, this.times(u));
    this.ds.push(Float64Array.from(d));
    this.us.push(u);
  }

  /** JJᵀ (n×n, row-major): the base's (over box overlaps for compact rows) plus the corrections. */
  jjt(): Float64Array {
    const out = this.dense ? jjt(this.dense) : compactJjt(this.compact!);
    if (this.us.length === 0) return out;
    // (B + D Uᵀ)(B + D Uᵀ)ᵀ = BBᵀ + (BU) Dᵀ + D (BU)ᵀ + D (UᵀU) Dᵀ, with J's own rank-1 terms folded
    // in one at a time: each adds d (J_prev u)ᵀ + (J_prev u) dᵀ + (u·u) d dᵀ to JJᵀ of J_prev.
    const partial = new Jacobian(this.n, this.m, this.dense, this.compact);
    this.us.forEach((u, k) => {
      const d = this.ds[k];
      addRank1Jjt(out, d, u, partial.times(u));
      partial.ds.push(d);
      partial.us.push(u);
    });
    return out;
  }

  /** Row a of J as a dense array. */
  row(a: number): Float64Array {
    const out = new Float64Array(this.m);
    if (this.dense) out.set(this.dense[a]);
    else {
      const v = this.compact!.values[a];
      forBox(this.compact!.shape, this.compact!.boxes[a], (at, k, len) => out.set(v.subarray(k, k + len), at));
    }
    this.us.forEach((u, k) => {
      const w = this.ds[k][a];
      if (w !== 0) for (let i = 0; i < this.m; i++) out[i] += w * u[i];
    });
    return out;
  }

  private compactTimes(c: CompactRows, r: ArrayLike<number>): Float64Array {
    return Float64Array.from(c.values, (v, a) => dotBox(c.shape, c.boxes[a], v, r));
  }
}

/** Σ over the box of v (stored on the box) · r (laid out on shape). */
function dotBox(shape: RowSupports['shape'], b: RowBox, v: Float64Array, r: ArrayLike<number>): number {
  const [, sy, sx] = shape;
  const len = b.r[2] - b.l[2];
  let s = 0;
  let k = 0;
  for (let z = b.l[0]; z < b.r[0]; z++) {
    for (let y = b.l[1]; y < b.r[1]; y++) {
      const at = (z * sy + y) * sx + b.l[2];
      for (let x = 0; x < len; x++) s += v[k + x] * r[at + x];
      k += len;
    }
  }
  return s;
}

/** out (laid out on shape) += w · v (stored on the box). */
function addBox(shape: RowSupports['shape'], b: RowBox, v: Float64Array, w: number, out: Float64Array): void {
  const [, sy, sx] = shape;
  const len = b.r[2] - b.l[2];
  let k = 0;
  for (let z = b.l[0]; z < b.r[0]; z++) {
    for (let y = b.l[1]; y < b.r[1]; y++) {
      const at = (z * sy + y) * sx + b.l[2];
      for (let x = 0; x < len; x++) out[at + x] += w * v[k + x];
      k += len;
    }
  }
}

/** JJᵀ of compact rows: each pair summed over the overlap of its two boxes only. */
function compactJjt(c: CompactRows): Float64Array {
  const n = c.values.length;
  const out = new Float64Array(n * n);
  for (let a = 0; a < n; a++) {
    for (let b = 0; b <= a; b++) {
      const s = overlapDot(c.boxes[a], c.values[a], c.boxes[b], c.values[b]);
      out[a * n + b] = s;
      out[b * n + a] = s;
    }
  }
  return out;
}

function overlapDot(p: RowBox, pv: Float64Array, q: RowBox, qv: Float64Array): number {
  const l = [Math.max(p.l[0], q.l[0]), Math.max(p.l[1], q.l[1]), Math.max(p.l[2], q.l[2])];
  const r = [Math.min(p.r[0], q.r[0]), Math.min(p.r[1], q.r[1]), Math.min(p.r[2], q.r[2])];
  if (r[0] <= l[0] || r[1] <= l[1] || r[2] <= l[2]) return 0;
  const [py, px] = [p.r[1] - p.l[1], p.r[2] - p.l[2]];
  const [qy, qx] = [q.r[1] - q.l[1], q.r[2] - q.l[2]];
  const len = r[2] - l[2];
  let s = 0;
  for (let z = l[0]; z < r[0]; z++) {
    for (let y = l[1]; y < r[1]; y++) {
      const i = ((z - p.l[0]) * py + (y - p.l[1])) * px + (l[2] - p.l[2]);
      const j = ((z - q.l[0]) * qy + (y - q.l[1])) * qx + (l[2] - q.l[2]);
      for (let x = 0; x < len; x++) s += pv[i + x] * qv[j + x];
    }
  }
  return s;
}
