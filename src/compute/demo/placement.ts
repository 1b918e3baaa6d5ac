/**
 * Seeded random sequential placement of non-overlapping spheres above a coverslip.
 * Distances are measured in xy-pixel units: a z step counts `zscale` of an xy step.
 */
import type { Prng } from '../util/prng';
import { DemoDataError } from './errors';
import type { Sphere } from './sphere-field';

export interface PlacementOptions {
  shape: readonly [number, number, number];
  count: number;
  radius: number;
  /** Relative std of the radii (a = radius·(1 + polydispersity·N(0,1)), clipped to ±3 std). */
  polydispersity: number;
  zscale: number;
  /** Height of the coverslip surface (z px); every sphere lies wholly above it, plus `gap`. */
  floorZ: number;
  /** Minimum surface-to-surface distance between spheres and to the coverslip (xy px). */
  gap: number;
  /** Attempts per sphere before giving up. */
  triesPerSphere?: number;
}

function drawRadius(prng: Prng, o: PlacementOptions): number {
  const g = Math.max(-3, Math.min(3, prng.normal()));
  return o.radius * (1 + o.polydispersity * g);
}

function overlaps(c: Sphere, placed: readonly Sphere[], zscale: number, gap: number): boolean {
  for (const p of placed) {
    const dz = (c.z - p.z) * zscale;
    const dy = c.y - p.y;
    const dx = c.x - p.x;
    const min = c.a + p.a + gap;
    if (dz * dz + dy * dy + dx * dx < min * min) return true;
  }
  return false;
}

function validate(o: PlacementOptions): void {
  if (!Number.isInteger(o.count) || o.count < 0) {
    throw new DemoDataError(`particle count must be a whole number ≥ 0, got ${o.count}`);
  }
  if (!(o.radius > 0) || !Number.isFinite(o.radius)) throw new DemoDataError(`radius must be > 0 px, got ${o.radius}`);
  if (!(o.polydispersity >= 0 && o.polydispersity < 0.3)) {
    throw new DemoDataError(`polydispersity must be in [0, 0.3), got ${o.polydispersity}`);
  }
}

/** Centres lie inside the image in y and x, and between the coverslip and the top slice in z. */
export function placeSpheres(prng: Prng, o: PlacementOptions): Sphere[] {
  validate(o);
  const [nz, ny, nx] = o.shape;
  const tries = o.triesPerSphere ?? 2000;
  const placed: Sphere[] = [];
  for (let n = 0; n < o.count; n++) {
    let done = false;
    for (let t = 0; t < tries && !done; t++) {
      const a = drawRadius(prng, o);
      const zMin = o.floorZ + (a + o.gap) / o.zscale;
      if (zMin > nz - 1) break;
      const c = { z: prng.range(zMin, nz - 1), y: prng.range(0, ny - 1), x: prng.range(0, nx - 1), a };
      if (!overlaps(c, placed, o.zscale, o.gap)) {
        placed.push(c);
        done = true;
      }
    }
    if (!done) {
      throw new DemoDataError(
        `could not place ${o.count} non-overlapping spheres of radius ${o.radius} px above z=${o.floorZ} `
        + `in a ${o.shape.join('×')} volume (placed ${placed.length}); use fewer particles or a larger shape`,
      );
    }
  }
  return placed;
}
