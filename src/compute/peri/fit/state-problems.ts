/**
 * FitProblems over a PERI state:
 * - `GlobalsProblem` (PERI's LMGlobals, and LMAugmentedState when rzOrder > 0): J by forward
 *   differences (dl 2e-5, rts=false) on a random pixel subset of num_px pixels; the cost gradient
 *   of a fresh J is the full-image finite difference of the error, rescaled by num_px/N.
 * - `ParticlesProblem` (PERI's LMParticles): J by forward differences (rts=true) on the residuals
 *   of the particles' update tile; radii and positions are clipped before each update.
 */
import type { Prng } from '../../util/prng';
import { particleRadParams } from '../params';
import { FitInputError } from './errors';
import { particleJacobian } from './particle-jacobian';
import { checkFiniteError, forwardDifferences, type CompactJacobianResult, type DenseJacobianResult, type FitProblem } from './problem';
import { particleNames, particleResidualTile, positions, radii, residualsAt, residualsOnTile, type FitState } from './state-view';
import type { Tile } from '../tile';

export const GRAD_DL = 2e-5;
export const RZ_DL = 1e-6;
export const MIN_RAD = 1e-3;
export const MAX_RAD = 200;

/** PERI's get_num_px_jtj: clip(N/decimate, 20·n, max_mem/8/n) pixels for J. */
export function numPixelsForJ(npix: number, nparams: number, maxMem = 1e9, decimate = 1, minRedundant = 20): number {
  const pxMem = Math.floor(maxMem / 8 / nparams);
  const pxRed = minRedundant * nparams;
  const pxDec = Math.floor(npix / decimate);
  if (pxRed > pxMem) throw new FitInputError(`max_mem ${maxMem} bytes is too small for ${nparams} parameters (needs ${8 * pxRed * nparams} for ${minRedundant} pixels per parameter)`);
  return Math.min(Math.max(pxDec, pxRed), pxMem);
}

/** k distinct indices of [0, n), sorted (numpy's choice without replacement); null when k ≥ n. */
export function randomSubset(n: number, k: number, rng: Prng): Int32Array | null {
  if (k >= n) return null;
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  for (let i = 0; i < k; i++) {
    const j = i + rng.int(n - i);
    const t = perm[i];
    perm[i] = perm[j];
    perm[j] = t;
  }
  return perm.slice(0, k).sort();
}

/** Σ c_k P_k(u) (numpy's legval). */
export function legval(u: number, c: ArrayLike<number>): number {
  let s = 0;
  let prev = 0;
  let p = 1;
  for (let k = 0; k < c.length; k++) {
    s += c[k] * p;
    const next = ((2 * k + 1) * u * p - k * prev) / (k + 1);
    prev = p;
    p = next;
  }
  return s;
}

export interface GlobalsProblemOptions {
  maxMem?: number;
  decimate?: number;
  /** PERI's AugmentedState: radii scaled by exp(Legendre series) over the particles' coordinate. */
  rzOrder?: number;
  rng: Prng;
}

export class GlobalsProblem implements FitProblem {
  readonly params: readonly string[];
  readonly numPix: number;
  private inds: Int32Array | null = null;
  private readonly rz: Float64Array;
  private readonly r0: number[];
  private readonly u: number[];
  private readonly radNames: string[];

  constructor(
    readonly state: FitState,
    readonly names: readonly string[],
    private readonly opts: GlobalsProblemOptions,
  ) {
    if (names.length === 0) throw new FitInputError('a global fit needs at least one parameter');
    const rzOrder = opts.rzOrder ?? 0;
    if (!Number.isInteger(rzOrder) || rzOrder < 0) throw new FitInputError(`rz_order must be an integer ≥ 0, got ${rzOrder}`);
    this.rz = new Float64Array(rzOrder);
    this.params = [...names, ...Array.from({ length: rzOrder }, (_, k) => `rz-${k}`)];
    this.r0 = rzOrder ? radii(state) : [];
    this.radNames = rzOrder ? particleRadParams(this.r0.map((_, i) => i), state.spheres?.paramPrefix) : [];
    // PERI's AugmentedState normalises the particles' x coordinate by the padded z size (its bug).
    const mid = state.oshape.shape[0] / 2;
    this.u = rzOrder ? positions(state).map((p) => (p[2] - mid) / mid) : [];
    this.numPix = numPixelsForJ(state.residuals.length, this.params.length, opts.maxMem ?? 1e9, opts.decimate ?? 1);
  }

  values(): Float64Array {
    return Float64Array.from([...this.state.get(this.names), ...this.rz]);
  }

  update(values: Float64Array): number {
    const n = this.names.length;
    if (values.length !== this.params.length) throw new FitInputError(`update got ${values.length} values for ${this.params.length} parameters`);
    if (this.rz.length === 0) {
      this.state.update(this.names, Array.from(values));
    } else {
      this.rz.set(values.subarray(n));
      this.state.update([...this.names, ...this.radNames], [...values.subarray(0, n), ...this.scaledRadii()]);
    }
    return checkFiniteError(this.state.error, 'a global parameter update');
  }

  error(): number {
    return this.state.error;
  }

  residuals(): Float64Array {
    return residualsAt(this.state, this.inds);
  }

  /**
   * Rows of the parameters the model is linear in (field coefficients, offset) are its analytic
   * derivative (PeriState.linearDerivatives), the others forward differences in PERI's order with
   * rts=false among themselves; the cost gradient of an analytic row is 2·J·r over every pixel.
   */
  jacobian(signal?: AbortSignal): DenseJacobianResult {
    const npix = this.state.residuals.length;
    this.inds = randomSubset(npix, this.numPix, this.opts.rng);
    const m = this.inds ? this.inds.length : npix;
    const n = this.names.length;
    const scale = m / npix;
    const exact: (Float32Array | null)[] = [...this.state.linearDerivatives(this.names, GRAD_DL), ...Array.from(this.rz, () => null)];
    const rows: Float64Array[] = new Array(this.params.length);
    const costGradient = new Float64Array(this.params.length);
    exact.forEach((d, i) => {
      if (!d) return;
      rows[i] = this.analyticRow(d, m);
      costGradient[i] = 2 * scale * this.fullDot(d);
    });
    const fd = this.params.map((_, i) => i).filter((i) => !exact[i]);
    if (fd.length === 0) return { rows, costGradient };
    const start = this.values();
    const fdRows = forwardDifferences({
      n: fd.length,
      dl: fd.map((i) => (i < n ? GRAD_DL : RZ_DL)),
      rts: false,
      get: (k) => (fd[k] < n ? this.state.get([this.names[fd[k]]])[0] : this.rz[fd[k] - n]),
      set: (k, v) => this.setOne(fd[k], v),
      read: () => {
        const r = residualsAt(this.state, this.inds, new Float64Array(m + 1));
        r[m] = this.state.error;
        return r;
      },
      restoreAll: () => this.update(start),
      signal,
    });
    fd.forEach((i, k) => {
      rows[i] = fdRows[k].subarray(0, m);
      costGradient[i] = fdRows[k][m] * scale;
    });
    return { rows, costGradient };
  }

  /** ∂r/∂θ = −∂model/∂θ at J's pixels. */
  private analyticRow(d: Float32Array, m: number): Float64Array {
    const row = new Float64Array(m);
    const inds = this.inds;
    for (let k = 0; k < m; k++) row[k] = -d[inds ? inds[k] : k];
    return row;
  }

  /** Σ r·(−∂model/∂θ) over every pixel: half the error's derivative. */
  private fullDot(d: Float32Array): number {
    const r = this.state.residuals;
    let s = 0;
    for (let k = 0; k < r.length; k++) s -= r[k] * d[k];
    return s;
  }

  private setOne(i: number, v: number): void {
    const n = this.names.length;
    if (i < n) {
      this.state.update([this.names[i]], [v]);
    } else {
      this.rz[i - n] = v;
      this.state.update(this.radNames, this.scaledRadii());
    }
  }

  private scaledRadii(): number[] {
    return this.r0.map((r, i) => r * Math.exp(legval(this.u[i], this.rz)));
  }
}

export interface ParticlesProblemOptions {
  includeRad?: boolean;
}

export class ParticlesProblem implements FitProblem {
  readonly params: readonly string[];
  private tile: Tile;
  private readonly lo: number[];
  private readonly hi: number[];

  constructor(
    readonly state: FitState,
    readonly particles: readonly number[],
    opts: ParticlesProblemOptions = {},
  ) {
    if (particles.length === 0) throw new FitInputError('empty list of particle indices');
    const n = state.spheres?.N ?? 0;
    const bad = particles.find((i) => !Number.isInteger(i) || i < 0 || i >= n);
    if (bad !== undefined) throw new FitInputError(`particle index ${bad} is not one of the state's ${n} particles`);
    this.params = particleNames(state, particles, opts.includeRad ?? true);
    this.tile = particleResidualTile(state, this.params);
    const shape = state.ishape.shape;
    this.lo = shape.map(() => -state.pad + 1e-3);
    this.hi = shape.map((s) => s + state.pad - 1e-3);
  }

  /** The residual tile J is taken over (image coordinates). */
  get residualTile(): Tile {
    return this.tile;
  }

  values(): Float64Array {
    return Float64Array.from(this.state.get(this.params));
  }

  update(values: Float64Array): number {
    if (values.length !== this.params.length) throw new FitInputError(`update got ${values.length} values for ${this.params.length} parameters`);
    this.state.update(this.params, this.clip(values));
    return checkFiniteError(this.state.error, 'a particle update');
  }

  error(): number {
    return this.state.error;
  }

  residuals(): Float64Array {
    return residualsOnTile(this.state, this.tile);
  }

  /** J over the group's residual tile, each row on its particle's update tile (particle-jacobian.ts). */
  jacobian(signal?: AbortSignal): CompactJacobianResult {
    this.tile = particleResidualTile(this.state, this.params);
    return particleJacobian(this.state, this.params, this.tile, GRAD_DL, signal);
  }

  /** PERI's clipping: radii to [1e-3, 200], positions to the padded image minus 1e-3. */
  private clip(values: Float64Array): number[] {
    return this.params.map((name, i) => {
      const v = values[i];
      const c = name.charAt(name.length - 1);
      if (c === 'a') return Math.min(Math.max(v, MIN_RAD), MAX_RAD);
      const axis = c === 'z' ? 0 : c === 'y' ? 1 : 2;
      return Math.min(Math.max(v, this.lo[axis]), this.hi[axis]);
    });
  }
}
