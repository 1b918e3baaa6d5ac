/**
 * 1-D bases and grid coordinates of PERI's polynomial fields, in float64. Every field is defined
 * on the padded grid: `unit` coordinates are index/N_pad ∈ [0, 1), `legendre` ones 2·index/N_pad − 1
 * ∈ [−1, 1 − 2/N_pad], and `linspace` ones numpy's linspace(−1, 1, N_pad) (both ends included,
 * used by the Barnes ILM).
 */
import { PeriValueError } from '../errors';

export type BasisKind = 'power' | 'legendre' | 'chebyshev';
export type CoordKind = 'unit' | 'legendre' | 'linspace';

export function gridCoords(n: number, kind: CoordKind): Float64Array {
  if (!Number.isInteger(n) || n < 1) throw new PeriValueError(`grid size must be a positive integer, got ${n}`);
  const out = new Float64Array(n);
  if (kind === 'linspace') {
    const step = 2 / (n - 1);
    for (let i = 0; i < n; i++) out[i] = i * step - 1;
    if (n > 1) out[n - 1] = 1;
    return out;
  }
  for (let i = 0; i < n; i++) out[i] = kind === 'unit' ? i / n : 2 * (i / n) - 1;
  return out;
}

/** B_k(x) for k < count: x^k, Legendre P_k(x) or Chebyshev T_k(x), by the three-term recurrences. */
export function basisValues(kind: BasisKind, count: number, x: number, out = new Float64Array(count)): Float64Array {
  if (count > 0) out[0] = 1;
  if (count > 1) out[1] = x;
  for (let k = 1; k + 1 < count; k++) {
    if (kind === 'power') out[k + 1] = Math.pow(x, k + 1);
    else if (kind === 'legendre') out[k + 1] = ((2 * k + 1) * x * out[k] - k * out[k - 1]) / (k + 1);
    else out[k + 1] = 2 * x * out[k] - out[k - 1];
  }
  return out;
}

/** table[k][i] = B_k(coords[i]). */
export function basisTable(kind: BasisKind, count: number, coords: Float64Array): Float64Array[] {
  const table = Array.from({ length: count }, () => new Float64Array(coords.length));
  const b = new Float64Array(count);
  coords.forEach((x, i) => {
    basisValues(kind, count, x, b);
    for (let k = 0; k < count; k++) table[k][i] = b[k];
  });
  return table;
}
