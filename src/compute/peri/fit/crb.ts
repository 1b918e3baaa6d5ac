/**
 * The Cramér–Rao bound of PERI's `State.crb(params)`: sqrt(diag((J_m J_mᵀ)⁻¹))·σ, J_m = ∂model/∂p
 * over every pixel of the image by forward differences (dl = 2e-5). Each parameter's derivative is
 * kept only on the tile its update touched (the whole image for globals, the update tile for a
 * particle), so JJᵀ of many particles costs overlaps, not n × N. σ is the RMS of the residuals
 * unless given (PERI uses the state's σ; the RMS is its estimate from a converged fit).
 */
import { Tile } from '../tile';
import { FitInputError } from './errors';
import { symmetricInverse } from './linalg';
import { jjt, type JacobianRows } from './jtj';
import { throwIfAborted } from './problem';
import { GRAD_DL } from './state-problems';
import type { FitState } from './state-view';

/** √(mean r²): the noise level of a converged fit. */
export function sigmaFromResiduals(r: ArrayLike<number>): number {
  if (r.length === 0) throw new FitInputError('cannot estimate σ from zero residuals');
  let s = 0;
  for (let i = 0; i < r.length; i++) s += r[i] * r[i];
  return Math.sqrt(s / r.length);
}

/** CRB from a dense J (rows = parameters): sqrt(diag(inv(JJᵀ)))·σ. */
export function crbFromJacobian(rows: JacobianRows, sigma: number): Float64Array {
  return crbFromFisher(jjt(rows), rows.length, sigma);
}

export function crbFromFisher(jjT: Float64Array, n: number, sigma: number): Float64Array {
  if (!(sigma > 0 && Number.isFinite(sigma))) throw new FitInputError(`σ must be a finite number > 0, got ${sigma}`);
  const inv = symmetricInverse(jjT, n);
  return Float64Array.from({ length: n }, (_, i) => Math.sqrt(inv[i * n + i]) * sigma);
}

/** A derivative known on a tile of the image (image coordinates), zero elsewhere. */
export interface TileRow {
  tile: Tile;
  values: Float64Array;
}

/** J_m·J_mᵀ of tile-restricted rows: each pair summed over the overlap of its tiles. */
export function tileJjt(rows: readonly TileRow[]): Float64Array {
  const n = rows.length;
  const out = new Float64Array(n * n);
  for (let a = 0; a < n; a++) {
    for (let b = 0; b <= a; b++) {
      const s = overlapDot(rows[a], rows[b]);
      out[a * n + b] = s;
      out[b * n + a] = s;
    }
  }
  return out;
}

function overlapDot(p: TileRow, q: TileRow): number {
  const t = Tile.intersection(p.tile, q.tile);
  if (t.isEmpty) return 0;
  const [, py, px] = p.tile.shape;
  const [, qy, qx] = q.tile.shape;
  const [tz, ty, tx] = t.shape;
  let s = 0;
  for (let z = 0; z < tz; z++) {
    for (let y = 0; y < ty; y++) {
      let ip = ((t.l[0] - p.tile.l[0] + z) * py + (t.l[1] - p.tile.l[1] + y)) * px + (t.l[2] - p.tile.l[2]);
      let iq = ((t.l[0] - q.tile.l[0] + z) * qy + (t.l[1] - q.tile.l[1] + y)) * qx + (t.l[2] - q.tile.l[2]);
      for (let x = 0; x < tx; x++) s += p.values[ip++] * q.values[iq++];
    }
  }
  return s;
}

export interface CrbOptions {
  /** σ, or 'residuals' (RMS of the residuals, default) or 'state' (the state's σ). */
  sigma?: number | 'residuals' | 'state';
  dl?: number;
  signal?: AbortSignal;
}

export interface CrbResult {
  params: string[];
  crb: Float64Array;
  sigma: number;
}

/** ∂model/∂p for each parameter on the tile its update touched (rts: each put back at once). */
export function modelDerivativeRows(st: FitState, params: readonly string[], dl = GRAD_DL, signal?: AbortSignal): TileRow[] {
  const base = Float32Array.from(st.residuals);
  const image = new Tile(st.ishape.shape);
  const rows: TileRow[] = [];
  for (const name of params) {
    throwIfAborted(signal);
    const v = st.get([name])[0];
    const outcome = st.update([name], [v + dl]);
    try {
      const tile = outcome.tile ? Tile.intersection(outcome.tile.translate(-st.pad), image) : new Tile([0, 0, 0]);
      rows.push({ tile, values: tileDifference(st.residuals, base, tile, st.ishape.shape, dl) });
    } finally {
      st.update([name], [v]);
    }
  }
  return rows;
}

/** (base − now)/dl on the tile: −∂r/∂p = ∂model/∂p. */
function tileDifference(now: Float32Array, base: Float32Array, tile: Tile, shape: readonly number[], dl: number): Float64Array {
  const out = new Float64Array(Math.max(tile.volume, 0));
  const [tz, ty, tx] = tile.shape;
  let k = 0;
  for (let z = 0; z < tz; z++) {
    for (let y = 0; y < ty; y++) {
      const row = ((tile.l[0] + z) * shape[1] + (tile.l[1] + y)) * shape[2] + tile.l[2];
      for (let x = 0; x < tx; x++) out[k++] = (base[row + x] - now[row + x]) / dl;
    }
  }
  return out;
}

/** PERI's `state.crb(params)` over all image pixels. */
export function stateCrb(st: FitState, params: readonly string[], opts: CrbOptions = {}): CrbResult {
  if (params.length === 0) throw new FitInputError('the CRB needs at least one parameter');
  const unknown = params.filter((p) => !st.params.includes(p));
  if (unknown.length) throw new FitInputError(`the state has no parameter ${unknown.slice(0, 3).join(', ')}`);
  const s = opts.sigma ?? 'residuals';
  const sigma = s === 'residuals' ? sigmaFromResiduals(st.residuals) : s === 'state' ? st.sigma : s;
  const rows = modelDerivativeRows(st, params, opts.dl ?? GRAD_DL, opts.signal);
  return { params: [...params], crb: crbFromFisher(tileJjt(rows), params.length, sigma), sigma };
}
