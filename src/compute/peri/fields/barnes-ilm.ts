/**
 * PERI's BarnesStreakLegPoly2P1D, the paper's illumination field:
 *   I = scale · [(1 + Σ_i b_i(x)·P_i(y)) ⊙ (1 + Σ_k c_k·P_{k+1}(z))] + off
 * b_i is a normalised 1-D Barnes interpolant through npts[i] control values `ilm-b{i}-{j}` at nodes
 * linspace(−1, 1, npts[i]) (σ₀ = node spacing / barnes_dist, damp 0.9, 3 iterations, clip 3σ₀).
 * x, y, z = linspace(−1, 1, N_pad). Parameters: `ilm-scale`, `ilm-off`, the b's, then `ilm-z-{k}`.
 * A change of control values touches only the x columns where b_i changed: local column updates.
 */
import { PeriValueError } from '../errors';
import { barnesParam, parseFieldParam, polyZParam } from '../params';
import { Tile, copyTileIn } from '../tile';
import { barnesInterpolate1D } from './barnes';
import { basisTable, gridCoords } from './basis';
import { evaluateSeparableCpu, type SeparableField } from './separable-field.cpu';
import { SeparableComponent } from './separable-component';

export interface BarnesIlmOptions {
  /** Control points of each streak b_i; default (40, 20). */
  npts?: readonly number[];
  /** Number of z Legendre terms; default 7. */
  zorder?: number;
  op?: '*' | '+';
  barnesDist?: number;
  barnesClipSize?: number;
  localUpdates?: boolean;
  category?: string;
}

/** Column changes smaller than this do not count toward the update tile (PERI's threshold). */
const CHANGE_THRESHOLD = 1e-12;

export class BarnesStreakLegPoly2P1D extends SeparableComponent {
  readonly npts: number[];
  readonly zorder: number;
  readonly op: '*' | '+';
  readonly barnesDist: number;
  readonly barnesClipSize: number;
  readonly localUpdates: boolean;
  private streakCache: (Float64Array | null)[];

  constructor(opts: BarnesIlmOptions = {}) {
    const category = opts.category ?? 'ilm';
    const npts = [...(opts.npts ?? [40, 20])];
    const zorder = opts.zorder ?? 7;
    if (npts.length === 0 || !npts.every((n) => Number.isInteger(n) && n >= 2)) {
      throw new PeriValueError(`BarnesStreakLegPoly2P1D: npts must be integers ≥ 2, got [${npts.join(', ')}]`);
    }
    if (!Number.isInteger(zorder) || zorder < 0) throw new PeriValueError(`BarnesStreakLegPoly2P1D: zorder must be an integer ≥ 0, got ${zorder}`);
    const names = [`${category}-scale`, `${category}-off`];
    npts.forEach((n, i) => {
      for (let j = 0; j < n; j++) names.push(barnesParam(category, i, j));
    });
    for (let k = 0; k < zorder; k++) names.push(polyZParam(category, k));
    super(category, names, names.map((_, n) => (n === 0 ? 1 : 0)));
    this.npts = npts;
    this.zorder = zorder;
    this.op = opts.op ?? '*';
    this.barnesDist = opts.barnesDist ?? 1.75;
    this.barnesClipSize = opts.barnesClipSize ?? 3;
    this.localUpdates = opts.localUpdates ?? true;
    if (this.op !== '*' && this.op !== '+') throw new PeriValueError(`BarnesStreakLegPoly2P1D: op must be '*' or '+', got '${this.op}'`);
    if (!(this.barnesDist > 0) || !(this.barnesClipSize > 0)) {
      throw new PeriValueError('BarnesStreakLegPoly2P1D: barnesDist and barnesClipSize must be > 0');
    }
    this.streakCache = npts.map(() => null);
  }

  /** b_i(x) over the padded x axis, from the current (or the given) control values. */
  streak(i: number, control?: readonly number[]): Float64Array {
    if (!control && this.streakCache[i]) return this.streakCache[i]!;
    const nx = this.requireShape().shape[2];
    const nodes = gridCoords(this.npts[i], 'linspace');
    const data = control ?? this.getValues(this.streakParams(i));
    const spacing = nodes[1] - nodes[0];
    const b = barnesInterpolate1D(nodes, data, gridCoords(nx, 'linspace'), {
      filterSize: spacing / this.barnesDist,
      iterations: 3,
      damp: 0.9,
      clipSize: this.localUpdates ? this.barnesClipSize : undefined,
    });
    if (!control) this.streakCache[i] = b;
    return b;
  }

  streakParams(i: number): string[] {
    return Array.from({ length: this.npts[i] }, (_, j) => barnesParam(this.category, i, j));
  }

  separable(): SeparableField {
    const shape = this.requireShape().shape;
    const [nz, ny, nx] = shape;
    const py = basisTable('legendre', this.npts.length, gridCoords(ny, 'linspace'));
    const xy = new Float64Array(ny * nx).fill(1);
    this.npts.forEach((_, i) => {
      const b = this.streak(i);
      for (let y = 0; y < ny; y++) for (let x = 0; x < nx; x++) xy[y * nx + x] += b[x] * py[i][y];
    });
    const pz = basisTable('legendre', this.zorder + 1, gridCoords(nz, 'linspace'));
    const zf = new Float64Array(nz);
    for (let k = 0; k < this.zorder; k++) {
      const c = this.value(polyZParam(this.category, k));
      for (let z = 0; z < nz; z++) zf[z] += c * pz[k + 1][z];
    }
    for (let z = 0; z < nz; z++) zf[z] += 1;
    const scale = this.value(`${this.category}-scale`);
    const offset = this.value(`${this.category}-off`);
    if (this.op === '*') return { shape, xy: [xy], z: [zf], scale, offset };
    return { shape, xy: [xy, new Float64Array(ny * nx).fill(1)], z: [new Float64Array(nz).fill(1), zf], scale, offset };
  }

  /**
   * Whole grid for scale, off and z terms; for control values, the x columns where some b_i moves
   * by more than 1e-12, as [first, last + 1) (PERI stops at `last`, leaving the last column out and
   * skipping single-column changes; both are covered here). Null when no column changes.
   */
  override getUpdateTile(params: readonly string[], values: readonly number[]): Tile | null {
    this.checkOwn(params, values);
    const shape = this.requireShape();
    const streaks = this.touchedStreaks(params);
    if (!this.localUpdates || streaks === null) return shape;
    let [lo, hi] = [Infinity, -Infinity];
    for (const i of streaks) {
      const control = this.getValues(this.streakParams(i));
      params.forEach((p, n) => {
        const q = parseFieldParam(p, this.category);
        if (q?.kind === 'barnes' && q.i === i) control[q.j] = values[n];
      });
      const [b0, b1] = [this.streak(i), this.streak(i, control)];
      b0.forEach((v, x) => {
        if (Math.abs(b1[x] - v) > CHANGE_THRESHOLD) [lo, hi] = [Math.min(lo, x), Math.max(hi, x)];
      });
    }
    if (lo > hi) return null;
    return new Tile([0, 0, lo], [shape.r[0], shape.r[1], hi + 1]);
  }

  override update(params: readonly string[], values: readonly number[]): void {
    this.checkOwn(params, values);
    const streaks = this.touchedStreaks(params);
    const before = streaks?.map((i) => this.streak(i));
    this.setValues(params, values);
    if (streaks === null || !this.field || !this.localUpdates) {
      this.field = null;
      this.streakCache = this.npts.map(() => null);
      return;
    }
    let [lo, hi] = [Infinity, -Infinity];
    streaks.forEach((i, n) => {
      this.streakCache[i] = null;
      const after = this.streak(i);
      before![n].forEach((v, x) => {
        if (after[x] !== v) [lo, hi] = [Math.min(lo, x), Math.max(hi, x)];
      });
    });
    if (lo > hi) return;
    const shape = this.requireShape();
    const cols = new Tile([0, 0, lo], [shape.r[0], shape.r[1], hi + 1]);
    copyTileIn(this.field, shape, cols, evaluateSeparableCpu(this.separable(), cols));
  }

  protected override initialize(): void {
    this.field = null;
    this.streakCache = this.npts.map(() => null);
  }

  protected describe(): string {
    return `BarnesStreakLegPoly2P1D '${this.category}' npts [${this.npts.join(', ')}] zorder ${this.zorder}`;
  }

  /** Streaks touched by `params`, or null when a global parameter (scale, off, z) is among them. */
  private touchedStreaks(params: readonly string[]): number[] | null {
    const set = new Set<number>();
    for (const p of params) {
      const q = parseFieldParam(p, this.category);
      if (q?.kind !== 'barnes') return null;
      set.add(q.i);
    }
    return [...set];
  }
}
