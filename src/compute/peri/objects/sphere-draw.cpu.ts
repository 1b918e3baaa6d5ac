/**
 * TS twin of the sphere-draw kernel: adds ±f(dr, a′, α) over each particle's draw box into a field
 * that holds the tile `dst` of the padded grid. The effective radius a′ comes from the host
 * (exact-volume iteration in PlatonicSpheresCollection); this only draws.
 */
import { Tile, addTileIn, type Vec3 } from '../tile';
import { sphereFunction, type SphereMethod } from './sphere-functions';
import { sphereBoxValues } from './sphere-geometry';

export interface SphereDraw {
  /** Centre in padded-grid coordinates (z, y, x). */
  pos: Vec3;
  /** Radius the values are drawn with (after the exact-volume correction). */
  aEff: number;
  /** PERI's draw box (from the nominal radius), already clipped to the padded grid. */
  box: Tile;
  /** +1 draws, −1 erases. */
  sign: number;
}

export interface SphereStyle {
  method: SphereMethod;
  alpha: number;
  zscale: number;
}

export function drawSpheresCpu(field: Float32Array, dst: Tile, draws: readonly SphereDraw[], style: SphereStyle): void {
  const fn = sphereFunction(style.method);
  for (const d of draws) {
    const box = Tile.intersection(d.box, dst);
    if (box.isEmpty || d.aEff <= 0) continue;
    const values = sphereBoxValues(box, d.pos, d.aEff, style.zscale, fn, style.alpha);
    addTileIn(field, dst, box, values, d.sign);
  }
}
