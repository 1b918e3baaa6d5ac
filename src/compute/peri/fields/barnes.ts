/**
 * Normalised 1-D Barnes interpolation (Koch, DesJardins & Kocin 1983), as PERI's
 * BarnesInterpolation1D with donorm=True. With G_σ[v](x) = Σ_j w_j v_j / Σ_j w_j and
 * w_j = exp(−(x − x_j)²/2σ²) (0 where (x − x_j)² ≥ clip², clip = clipSize·σ₀ fixed):
 *   out = G_σ₀[d](x), on = G_σ₀[d](nodes); then `iterations` times
 *   out += G_σ[d − on](x), on += G_σ[d − on](nodes), σ ← damp·σ.
 */
import { PeriValueError } from '../errors';

export interface Barnes1DOptions {
  /** σ₀, PERI's filter_size. */
  filterSize: number;
  iterations: number;
  damp: number;
  /** Clip radius in units of σ₀; undefined for no clipping. */
  clipSize?: number;
}

function firstOrder(at: Float64Array, nodes: Float64Array, data: Float64Array, sigma: number, clip2: number): Float64Array {
  const out = new Float64Array(at.length);
  const inv = 1 / (2 * sigma * sigma);
  for (let i = 0; i < at.length; i++) {
    let sw = 0;
    let swd = 0;
    for (let j = 0; j < nodes.length; j++) {
      const d = at[i] - nodes[j];
      const r2 = d * d;
      if (r2 >= clip2) continue;
      const w = Math.exp(-r2 * inv);
      sw += w;
      swd += w * data[j];
    }
    out[i] = swd / sw;
  }
  return out;
}

export function barnesInterpolate1D(
  nodes: Float64Array,
  data: ArrayLike<number>,
  at: Float64Array,
  opts: Barnes1DOptions,
): Float64Array {
  if (nodes.length !== data.length) throw new PeriValueError(`Barnes: ${nodes.length} nodes but ${data.length} values`);
  if (!(opts.filterSize > 0)) throw new PeriValueError(`Barnes: filter size must be > 0, got ${opts.filterSize}`);
  const d = Float64Array.from(data);
  const clip2 = opts.clipSize === undefined ? Infinity : (opts.clipSize * opts.filterSize) ** 2;
  let sigma = opts.filterSize;
  const out = firstOrder(at, nodes, d, sigma, clip2);
  const on = firstOrder(nodes, nodes, d, sigma, clip2);
  const resid = new Float64Array(d.length);
  for (let it = 0; it < opts.iterations; it++) {
    for (let j = 0; j < d.length; j++) resid[j] = d[j] - on[j];
    const dOut = firstOrder(at, nodes, resid, sigma, clip2);
    const dOn = firstOrder(nodes, nodes, resid, sigma, clip2);
    for (let i = 0; i < out.length; i++) out[i] += dOut[i];
    for (let j = 0; j < on.length; j++) on[j] += dOn[j];
    sigma *= opts.damp;
  }
  return out;
}
