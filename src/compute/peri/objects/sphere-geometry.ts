/**
 * Where PERI draws a sphere and how far a voxel is from its surface. Positions here are in padded
 * grid coordinates (PERI's `pos + inner.l`), voxel centres at integers, axes (z, y, x).
 */
import { Tile, type Vec3 } from '../tile';
import { sphereCut, type SphereFunction } from './sphere-functions';

/** numpy's `round`: halves go to the even neighbour. */
export function roundHalfEven(x: number): number {
  const f = Math.floor(x);
  const d = x - f;
  if (d < 0.5) return f;
  if (d > 0.5) return f + 1;
  return f % 2 === 0 ? f : f + 1;
}

/** The rounded centre p = round(pos) that anchors the draw box. */
export function drawCenter(pos: Vec3): Vec3 {
  return [roundHalfEven(pos[0]), roundHalfEven(pos[1]), roundHalfEven(pos[2])];
}

/**
 * PERI's draw box: p = round(pos), r = round((1/zscale, 1, 1)·ceil(a) + support_pad), voxels
 * [p − r, p + r) clipped to `bounds` (asymmetric: p−r … p+r−1).
 */
export function sphereDrawBox(pos: Vec3, a: number, zscale: number, supportPad: number, bounds: Tile): Tile {
  const p = drawCenter(pos);
  const c = Math.ceil(a);
  const r = [roundHalfEven((1 / zscale) * c + supportPad), roundHalfEven(c + supportPad), roundHalfEven(c + supportPad)];
  return new Tile(
    [p[0] - r[0], p[1] - r[1], p[2] - r[2]],
    [p[0] + r[0], p[1] + r[1], p[2] + r[2]],
    { mins: bounds.l, maxs: bounds.r },
  );
}

/** PERI's `_tile`: the region a particle occupies, Tile(pos ∓ (1/zscale,1,1)·a).pad(support_pad), truncated, not clipped. */
export function sphereUpdateTile(pos: Vec3, a: number, zscale: number, supportPad: number): Tile {
  const h = [a / zscale, a, a];
  return new Tile(
    [pos[0] - h[0], pos[1] - h[1], pos[2] - h[2]],
    [pos[0] + h[0], pos[1] + h[1], pos[2] + h[2]],
  ).pad(supportPad);
}

/**
 * PERI's `inner`: signed distance from voxel r to the surface of a sphere of radius a at p, with z
 * scaled by zscale. In scaled (isotropic) units take the nearest surface point on the ray from the
 * centre, then measure the gap back in pixel units; negative inside.
 */
export function surfaceDistance(rz: number, ry: number, rx: number, pos: Vec3, a: number, zscale: number): number {
  const eps = 1e-8;
  const dz = (rz - pos[0] - eps) * zscale;
  const dy = ry - pos[1] - eps;
  const dx = rx - pos[2] - eps;
  const n = Math.sqrt(dz * dz + dy * dy + dx * dx);
  const oz = (dz - a * (dz / n)) / zscale;
  const oy = dy - a * (dy / n);
  const ox = dx - a * (dx / n);
  return Math.sqrt(oz * oz + oy * oy + ox * ox) * Math.sign(n - a);
}

/** Slack (pixels) of the flat-region test below, far above the rounding of the distances. */
const FLAT_SLACK = 0.01;

/**
 * f(dr(r), a, α) for every voxel of `box`, row-major, float64. Where the profile is flat (|dr| >
 * cut, see sphereCut) the value is 0 or 1 by the side of the surface; a voxel whose scaled
 * distance n from the centre has |n − a| > cut·max(1, zscale) + slack is surely there
 * (|dr| = |n − a|·m/n with m/n ≥ min(1, 1/zscale)), so only the shell pays for dr and f.
 */
export function sphereBoxValues(
  box: Tile,
  pos: Vec3,
  a: number,
  zscale: number,
  fn: SphereFunction,
  alpha: number,
  out: Float64Array = new Float64Array(box.volume),
): Float64Array {
  const eps = 1e-8;
  const cut = sphereCut(fn, alpha) * Math.max(1, zscale) + FLAT_SLACK;
  const outside = Number.isFinite(cut) ? (a + cut) ** 2 : Infinity;
  const inside = Number.isFinite(cut) && a > cut ? (a - cut) ** 2 : -1;
  let i = 0;
  for (let z = box.l[0]; z < box.r[0]; z++) {
    const dz = (z - pos[0] - eps) * zscale;
    for (let y = box.l[1]; y < box.r[1]; y++) {
      const dy = y - pos[1] - eps;
      const s = dz * dz + dy * dy;
      for (let x = box.l[2]; x < box.r[2]; x++) {
        const dx = x - pos[2] - eps;
        const n2 = s + dx * dx;
        if (n2 > outside) out[i++] = 0;
        else if (n2 < inside) out[i++] = 1;
        else {
          // surfaceDistance(z, y, x, pos, a, zscale) with the offsets and n² already at hand
          const n = Math.sqrt(n2);
          const oz = (dz - a * (dz / n)) / zscale;
          const oy = dy - a * (dy / n);
          const ox = dx - a * (dx / n);
          out[i++] = fn(Math.sqrt(oz * oz + oy * oy + ox * ox) * Math.sign(n - a), a, alpha);
        }
      }
    }
  }
  return out;
}
