/**
 * Residuals (data − model) over the image inside the padded grid and their sum of squares, PERI's
 * `error`. The full sum is blocked float64 + pairwise; a local update patches the residuals on a
 * tile (model-patch) and the change of Σr² there is added, so the error follows every update.
 */
import { blockedSum } from '../../reduce/f64-sum';
import { Tile } from '../tile';

export class ResidualTracker {
  readonly residuals: Float32Array;
  private err = 0;

  /**
   * `data` holds the image (`image`, a tile of the padded grid `grid`), `model` the padded grid.
   */
  constructor(
    readonly data: Float32Array,
    readonly image: Tile,
    readonly grid: Tile,
  ) {
    this.residuals = new Float32Array(image.volume);
  }

  get error(): number {
    return this.err;
  }

  /** Recomputes every residual and the error from the padded model. */
  recomputeAll(model: Float32Array): void {
    this.forRows(this.image, (m, d, n) => {
      for (let i = 0; i < n; i++) this.residuals[d + i] = this.data[d + i] - model[m + i];
    });
    const r = this.residuals;
    this.err = blockedSum(r.length, (lo, hi) => {
      let s = 0;
      for (let i = lo; i < hi; i++) s += r[i] * r[i];
      return s;
    });
  }

  /** Adds the change of Σr² a local patch reported (model-patch.cpu.ts). */
  addToError(delta: number): void {
    this.err += delta;
  }

  /** Puts back an error saved before a change that was undone exactly (PeriState.probe). */
  restoreError(err: number): void {
    this.err = err;
  }

  /** Calls row(modelOffset, dataOffset, length) for each x-row of `region` (inside the image). */
  private forRows(region: Tile, row: (m: number, d: number, n: number) => void): void {
    const [, gy, gx] = this.grid.shape;
    const [, iy, ix] = this.image.shape;
    const [rz, ry, rx] = region.shape;
    for (let z = 0; z < rz; z++) {
      for (let y = 0; y < ry; y++) {
        const pz = region.l[0] + z;
        const py = region.l[1] + y;
        const m = (pz * gy + py) * gx + region.l[2];
        const d = ((pz - this.image.l[0]) * iy + (py - this.image.l[1])) * ix + (region.l[2] - this.image.l[2]);
        row(m, d, rx);
      }
    }
  }
}
