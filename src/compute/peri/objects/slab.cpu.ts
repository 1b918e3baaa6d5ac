/**
 * TS twin of the slab kernel: PERI's coverslip half-space. For voxel r (padded grid) the signed
 * distance is p = r·n − c·n; the value is 1 for p < −4, 0 for p > 4 and 1/(1 + e^(7p)) between
 * (PERI's own comment asks why this is not an erf). Float64 math, float32 result.
 */
import type { Tile, Vec3 } from '../tile';

export interface SlabGeometry {
  /** Unit normal (z, y, x); the slab fills the side it points away from (z < zpos). */
  normal: Vec3;
  /** Pivot point c in padded-grid coordinates. */
  pivot: Vec3;
}

export const SLAB_CUT = 4;

export function slabValue(p: number): number {
  if (p < -SLAB_CUT) return 1;
  if (p > SLAB_CUT) return 0;
  return 1 / (1 + Math.exp(7 * p));
}

/** The slab on `tile` of the padded grid, row-major float32. */
export function drawSlabCpu(geom: SlabGeometry, tile: Tile): Float32Array {
  const [n0, n1, n2] = geom.normal;
  const c = geom.pivot[0] * n0 + geom.pivot[1] * n1 + geom.pivot[2] * n2;
  const out = new Float32Array(tile.volume);
  let i = 0;
  for (let z = tile.l[0]; z < tile.r[0]; z++) {
    for (let y = tile.l[1]; y < tile.r[1]; y++) {
      const zy = z * n0 + y * n1;
      for (let x = tile.l[2]; x < tile.r[2]; x++) out[i++] = slabValue(zy + x * n2 - c);
    }
  }
  return out;
}
