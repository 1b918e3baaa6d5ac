/**
 * TS twin of the separable-field kernel. Every PERI ILM/background field is a short sum of
 * products of an xy plane and a z profile:
 *   F(z, y, x) = offset + scale · Σ_k Z_k(z) · XY_k(y, x)
 * (Polynomial2P1D '*': one term XY·(1+Z); '+': two terms; Poly3D: one term per z order; Barnes:
 * (1+B)·(1+poly) with scale and off). Planes and profiles are float64; the field is float32.
 */
import { PeriShapeError } from '../errors';
import { Tile, type Vec3 } from '../tile';

export interface SeparableField {
  /** The padded grid (nz, ny, nx). */
  shape: Vec3;
  /** K planes of ny·nx values, row-major (y, x). */
  xy: Float64Array[];
  /** K profiles of nz values. */
  z: Float64Array[];
  scale: number;
  offset: number;
}

export function checkSeparable(f: SeparableField): void {
  const [nz, ny, nx] = f.shape;
  if (f.xy.length !== f.z.length || f.xy.length === 0) {
    throw new PeriShapeError(`a separable field needs as many xy planes as z profiles (≥ 1), got ${f.xy.length} and ${f.z.length}`);
  }
  f.xy.forEach((p) => {
    if (p.length !== ny * nx) throw new PeriShapeError(`xy plane has ${p.length} values, expected ${ny}×${nx}`);
  });
  f.z.forEach((p) => {
    if (p.length !== nz) throw new PeriShapeError(`z profile has ${p.length} values, expected ${nz}`);
  });
}

/** The field on `tile` (default: the whole grid), row-major float32. */
export function evaluateSeparableCpu(f: SeparableField, tile: Tile = new Tile(f.shape)): Float32Array {
  checkSeparable(f);
  if (!new Tile(f.shape).includes(tile)) throw new PeriShapeError(`${tile} is not inside the grid ${f.shape.join('×')}`);
  const nx = f.shape[2];
  const out = new Float32Array(tile.volume);
  const K = f.xy.length;
  let i = 0;
  for (let z = tile.l[0]; z < tile.r[0]; z++) {
    for (let y = tile.l[1]; y < tile.r[1]; y++) {
      for (let x = tile.l[2]; x < tile.r[2]; x++) {
        const at = y * nx + x;
        let acc = f.z[0][z] * f.xy[0][at];
        for (let k = 1; k < K; k++) acc += f.z[k][z] * f.xy[k][at];
        out[i++] = f.scale * acc + f.offset;
      }
    }
  }
  return out;
}
