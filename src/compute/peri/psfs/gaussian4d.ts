/**
 * PERI's depth-dependent Gaussian PSFs (PSF4D): σ_d(z) = Σ_k c_{d,k}·B_k(z/zrange) per axis d
 * (B_k = monomials for Gaussian4DPoly, Legendre polynomials for Gaussian4DLegPoly; here σ is
 * **not** halved), parameters `psf-{z,y,x}-{k}`. z is the padded-grid coordinate.
 * The blur separates:
 * - xy: each z slice of the field is convolved (circularly, 2-D FFT) with that slice's kernel
 *   exp(−x²/2σx² − y²/2σy²), masked to |x| ≤ p_x, |y| ≤ p_y and normalised per slice;
 * - z: out(z_i) = Σ_{|z−z_i| ≤ p_z} g(z; z_i)·cov2d(z), g the normalised Gaussian of σ_z(z_i).
 * Half-widths p_d(z) = ceil(max(√(−2 ln error)·|σ_d(z)|, 2.1)).
 */
import { OtfCache } from '../../conv/otf-cache';
import { complexMulCpu } from '../../elementwise/elementwise.cpu';
import { planRfftCpu } from '../../fft/fft';
import { PeriValueError } from '../errors';
import { Tile, type Vec3 } from '../tile';
import { PsfBase, asFloat32, tileKey } from './psf';

const AXES = ['z', 'y', 'x'] as const;
const MIN_HALF_WIDTH = 2.1;

export interface Gaussian4DOptions {
  /** Constant term of σ per axis (z, y, x); PERI's default (2, 0.5, 1). */
  sigmas?: Vec3;
  /** Number of polynomial terms per axis; PERI's default (1, 1, 1). */
  order?: Vec3;
  error?: number;
  zrange?: number;
}

/** Σ_k c_k·P_k(u) (Legendre). */
export function legendreSeries(u: number, coeffs: readonly number[]): number {
  let p0 = 1;
  let p1 = u;
  let sum = coeffs.length > 0 ? coeffs[0] : 0;
  for (let k = 1; k < coeffs.length; k++) {
    if (k > 1) [p0, p1] = [p1, ((2 * k - 1) * u * p1 - (k - 1) * p0) / k];
    sum += coeffs[k] * p1;
  }
  return sum;
}

function powerSeries(u: number, coeffs: readonly number[]): number {
  let sum = 0;
  for (let k = coeffs.length - 1; k >= 0; k--) sum = sum * u + coeffs[k];
  return sum;
}

const KERNEL_CACHE_SIZE = 4;

export class Gaussian4DPoly extends PsfBase {
  readonly order: Vec3;
  readonly error: number;
  readonly zrange: number;
  private readonly names: string[][];
  private readonly kernels = new OtfCache({ maxEntries: KERNEL_CACHE_SIZE });

  constructor(opts: Gaussian4DOptions = {}) {
    const sigmas = opts.sigmas ?? [2, 0.5, 1];
    const order = opts.order ?? [1, 1, 1];
    if (!order.every((o) => Number.isInteger(o) && o >= 1)) throw new PeriValueError(`order must be 3 integers ≥ 1, got [${order.join(', ')}]`);
    const names = AXES.map((d, i) => Array.from({ length: order[i] }, (_, k) => `psf-${d}-${k}`));
    const values = AXES.flatMap((_, i) => [sigmas[i], ...new Array<number>(order[i] - 1).fill(0)]);
    super(names.flat(), values);
    this.names = names;
    this.order = [...order] as Vec3;
    this.error = opts.error ?? 1 / 255;
    this.zrange = opts.zrange ?? 128;
    if (!(this.error > 0 && this.error < 1)) throw new PeriValueError(`error level must be in (0, 1), got ${this.error}`);
    if (!(this.zrange > 0)) throw new PeriValueError(`zrange must be positive, got ${this.zrange}`);
  }

  protected series(u: number, coeffs: readonly number[]): number {
    return powerSeries(u, coeffs);
  }

  /** σ along axis d (0 z, 1 y, 2 x) at padded-grid depth z. */
  sigma(z: number, d: number): number {
    return this.series(z / this.zrange, this.getValues(this.names[d]));
  }

  /** Half-widths [p_z, p_y, p_x] at depth z (PERI's get_padding_size(z=…).shape). */
  halfWidths(z: number): Vec3 {
    const c = Math.sqrt(-2 * Math.log(this.error));
    return [0, 1, 2].map((d) => Math.ceil(Math.max(c * Math.abs(this.sigma(z, d)), MIN_HALF_WIDTH))) as Vec3;
  }

  /** PERI: the intersection of the paddings at the tile's first and last z (so the smaller). */
  getPaddingSize(tile?: Tile): Tile {
    const t = tile ?? this.requireShape();
    const a = this.halfWidths(t.l[0]);
    const b = this.halfWidths(t.r[0]);
    return new Tile([0, 1, 2].map((i) => Math.min(a[i], b[i])));
  }

  execute(field: ArrayLike<number>, tile: Tile): Float32Array {
    this.checkField(field, tile);
    const [nz, ny, nx] = tile.shape;
    const plane = ny * nx;
    const otf = this.sliceOtfs(tile);
    const plan = planRfftCpu([1, ny, nx]);
    const halfPlane = otf.length / nz;
    const cov = new Float32Array(tile.volume);
    const input = asFloat32(field);
    for (let k = 0; k < nz; k++) {
      const f = plan.forward(input.subarray(k * plane, (k + 1) * plane));
      complexMulCpu(otf.subarray(k * halfPlane, (k + 1) * halfPlane), f);
      plan.inverse(f, cov.subarray(k * plane, (k + 1) * plane));
    }
    return this.zBlur(cov, tile);
  }

  protected invalidate(): void {
    this.kernels.clear();
  }

  protected describe(): string {
    return `${this.constructor.name} PSF`;
  }

  private zBlur(cov: Float32Array, tile: Tile): Float32Array {
    const [nz, ny, nx] = tile.shape;
    const plane = ny * nx;
    const out = new Float32Array(cov.length);
    const acc = new Float64Array(plane);
    for (let i = 0; i < nz; i++) {
      const zi = tile.l[0] + i;
      const s = this.sigma(zi, 0);
      if (s === 0 || !Number.isFinite(s)) throw new PeriValueError(`${this.describe()}: σ_z(${zi}) = ${s} is not a usable width`);
      const pz = this.halfWidths(zi)[0];
      const lo = Math.max(0, i - pz);
      const hi = Math.min(nz - 1, i + pz);
      const g: number[] = [];
      for (let m = lo; m <= hi; m++) g.push(Math.exp(-((m - i) ** 2) / (2 * s * s)));
      const norm = g.reduce((a, b) => a + b, 0);
      acc.fill(0);
      for (let m = lo; m <= hi; m++) {
        const w = g[m - lo] / norm;
        for (let p = 0; p < plane; p++) acc[p] += w * cov[m * plane + p];
      }
      out.set(acc, i * plane);
    }
    return out;
  }

  /** Per-slice xy kernels on the tile (FFT order), each normalised to unit sum, as half spectra. */
  private sliceOtfs(tile: Tile): Float32Array {
    return this.kernels.get(tileKey(tile), () => {
      const otf = this.computeSliceOtfs(tile);
      return { value: otf, bytes: otf.byteLength };
    });
  }

  private computeSliceOtfs(tile: Tile): Float32Array {
    const [nz, ny, nx] = tile.shape;
    const plane = ny * nx;
    const rpsf = new Float32Array(tile.volume);
    const fy = Array.from({ length: ny }, (_, j) => (j < Math.ceil(ny / 2) ? j : j - ny));
    const fx = Array.from({ length: nx }, (_, j) => (j < Math.ceil(nx / 2) ? j : j - nx));
    for (let k = 0; k < nz; k++) {
      const z = tile.l[0] + k;
      const [, py, px] = this.halfWidths(z);
      const sy = this.sigma(z, 1);
      const sx = this.sigma(z, 2);
      if (sy === 0 || sx === 0) throw new PeriValueError(`${this.describe()}: σ_xy(${z}) is zero, not a usable width`);
      const slice = new Float64Array(plane);
      let sum = 0;
      for (let y = 0; y < ny; y++) {
        if (Math.abs(fy[y]) > py) continue;
        for (let x = 0; x < nx; x++) {
          if (Math.abs(fx[x]) > px) continue;
          const v = Math.exp(-((fx[x] / sx) ** 2) / 2 - (fy[y] / sy) ** 2 / 2);
          slice[y * nx + x] = v;
          sum += v;
        }
      }
      for (let p = 0; p < plane; p++) rpsf[k * plane + p] = slice[p] / sum;
    }
    const plan = planRfftCpu([1, ny, nx]);
    const halfPlane = 2 * ny * (Math.floor(nx / 2) + 1);
    const otf = new Float32Array(nz * halfPlane);
    for (let k = 0; k < nz; k++) plan.forward(rpsf.subarray(k * plane, (k + 1) * plane), otf.subarray(k * halfPlane, (k + 1) * halfPlane));
    return otf;
  }
}

/** Gaussian4DPoly with Legendre polynomials in z/zrange. */
export class Gaussian4DLegPoly extends Gaussian4DPoly {
  protected override series(u: number, coeffs: readonly number[]): number {
    return legendreSeries(u, coeffs);
  }
}
