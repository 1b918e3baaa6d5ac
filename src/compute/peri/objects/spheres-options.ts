/** Options and input checks of PlatonicSpheresCollection. */
import { PeriValueError } from '../errors';
import type { Vec3 } from '../tile';
import type { SphereMethod } from './sphere-functions';

export type ParticleIndex = number | readonly number[];

export interface SpheresOptions {
  /** z pixel size over xy pixel size (default 1). */
  zscale?: number;
  /** Voxels added around each sphere's box (default 4). */
  supportPad?: number;
  /** Interpolation (default 'exact-gaussian-fast', which PERI resolves to 'exact-gaussian-trim'). */
  method?: SphereMethod;
  /** Width of the interpolation (default: PERI's alpha for the method). */
  alpha?: number;
  /** Correct each radius so the drawn sphere has the exact volume (default true). */
  exactVolume?: boolean;
  volumeError?: number;
  maxRadiusChange?: number;
  /** Prefix of the parameter names (default 'sph'). */
  paramPrefix?: string;
  /** 'particle': z,y,x,a per particle; 'parameter': all positions, then all radii. */
  grouping?: 'particle' | 'parameter';
  category?: string;
  /**
   * Keep the platonic field in a CPU array (default true). With false the collection tracks only
   * positions, radii and effective radii, for a state that draws the field on the GPU.
   */
  keepField?: boolean;
  /** Byte budget of the cache of recent sphere images (default 32 MiB; 0 turns it off). */
  drawingCacheBytes?: number;
}

export function checkPositions(pos: readonly (readonly number[])[]): Vec3[] {
  return pos.map((p, i) => {
    if (p.length !== 3 || !p.every(Number.isFinite)) {
      throw new PeriValueError(`particle ${i}: a position needs 3 finite values (z, y, x), got [${Array.from(p).join(', ')}]`);
    }
    return [p[0], p[1], p[2]];
  });
}

export function checkRadii(rad: number | readonly number[], n: number): number[] {
  const list = typeof rad === 'number' ? new Array<number>(n).fill(rad) : [...rad];
  if (list.length !== n) throw new PeriValueError(`${n} positions but ${list.length} radii`);
  list.forEach((a, i) => {
    if (!Number.isFinite(a) || a < 0) throw new PeriValueError(`particle ${i}: radius must be finite and ≥ 0, got ${a}`);
  });
  return list;
}

export function checkZscale(z: number): number {
  if (!Number.isFinite(z) || z <= 0) throw new PeriValueError(`zscale must be finite and > 0, got ${z}`);
  return z;
}
