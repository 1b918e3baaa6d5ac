/**
 * Anti-aliased sphere occupancy ("platonic" image) in PERI's model: each sphere is the indicator
 * of a ball convolved with a narrow Gaussian (std α), trimmed to |dr| ≤ 1.6, with the radius nudged
 * so that the summed field equals the ball's volume 4/3·π·a³/zscale (voxel units).
 */

/** PERI's default α for the Gaussian-smoothed sphere edge. */
export const SPHERE_ALPHA = 0.27595;
/** Beyond this distance (px) from the surface the trimmed profile is exactly 0 or 1. */
export const SPHERE_TRIM = 1.6;

const MAX_VOLUME_ITERATIONS = 10;
const VOLUME_TOLERANCE = 1e-5;
const MAX_RADIUS_CHANGE = 1e-2;

/** erf with |error| < 1.2e-7 (Numerical Recipes' erfc Chebyshev fit). */
export function erf(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const poly = -z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
    + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
    + t * (-0.82215223 + t * 0.17087277))))))));
  const erfc = t * Math.exp(poly);
  return x >= 0 ? 1 - erfc : erfc - 1;
}

/** Occupancy at signed distance `dr` (px, negative inside) from the surface of a sphere of radius `a`. */
export function sphereProfile(dr: number, a: number, alpha = SPHERE_ALPHA): number {
  if (dr < -SPHERE_TRIM) return 1;
  if (dr > SPHERE_TRIM) return 0;
  const step = 0.5 * (1 + erf(-dr / (alpha * Math.SQRT2)));
  const curvature = (Math.sqrt(1 / (2 * Math.PI)) * alpha) / (dr + a + 1e-10);
  return step - curvature * Math.exp(-(dr * dr) / (2 * alpha * alpha));
}

/**
 * Signed distance (in unscaled pixels) from voxel offset (dz, dy, dx) to the surface of a sphere of
 * radius `a` centred at the origin, where a z step is `zscale` of an xy step.
 */
export function surfaceDistance(dz: number, dy: number, dx: number, a: number, zscale: number): number {
  const sz = (dz - 1e-8) * zscale;
  const sy = dy - 1e-8;
  const sx = dx - 1e-8;
  const n = Math.sqrt(sz * sz + sy * sy + sx * sx);
  const k = 1 - a / n;
  const ez = (sz * k) / zscale;
  const len = Math.sqrt(ez * ez + (sy * k) ** 2 + (sx * k) ** 2);
  return n >= a ? len : -len;
}

export interface Sphere {
  z: number;
  y: number;
  x: number;
  a: number;
}

/** Half-widths of the box outside which a sphere's field is exactly 0. */
function supportBox(a: number, zscale: number): [number, number, number] {
  const xy = Math.ceil(a + SPHERE_TRIM) + 1;
  return [Math.ceil(a / zscale + SPHERE_TRIM) + 1, xy, xy];
}

/** Calls `visit(dz, dy, dx, iz, iy, ix)` over the sphere's support box (integer voxel centres). */
function forEachSupportVoxel(
  s: Sphere,
  zscale: number,
  visit: (dz: number, dy: number, dx: number, iz: number, iy: number, ix: number) => void,
): void {
  const [hz, hy, hx] = supportBox(s.a, zscale);
  const cz = Math.round(s.z);
  const cy = Math.round(s.y);
  const cx = Math.round(s.x);
  for (let iz = cz - hz; iz <= cz + hz; iz++) {
    for (let iy = cy - hy; iy <= cy + hy; iy++) {
      for (let ix = cx - hx; ix <= cx + hx; ix++) visit(iz - s.z, iy - s.y, ix - s.x, iz, iy, ix);
    }
  }
}

function fieldSum(s: Sphere, radius: number, zscale: number): number {
  let sum = 0;
  forEachSupportVoxel(s, zscale, (dz, dy, dx) => {
    sum += sphereProfile(surfaceDistance(dz, dy, dx, radius, zscale), radius);
  });
  return sum;
}

/**
 * The radius a′ whose rendered field sums to 4/3·π·a³/zscale (Newton steps on the volume; the sum
 * runs over the whole support box, never clipped by the image edge). Returns `a` for a ≤ 0.
 */
export function volumeExactRadius(s: Sphere, zscale: number): number {
  if (s.a <= 0) return s.a;
  const target = (4 / 3) * Math.PI * s.a ** 3 / zscale;
  let radius = s.a;
  for (let it = 0; it < MAX_VOLUME_ITERATIONS; it++) {
    const sum = fieldSum(s, radius, zscale);
    if (Math.abs(target - sum) / target < VOLUME_TOLERANCE) break;
    const next = radius + (target - sum) / ((4 * Math.PI * radius * radius) / zscale);
    if (Math.abs(next - s.a) / s.a > MAX_RADIUS_CHANGE) break;
    radius = next;
  }
  return radius;
}

/**
 * Adds each sphere's occupancy into `field` (row-major, `shape` = [nz, ny, nx]) whose voxel (0,0,0)
 * sits at coordinate `origin` (z, y, x). Overlapping fields add, as in PERI. Returns the radii used.
 */
export function addSpheres(
  field: Float64Array,
  shape: readonly [number, number, number],
  origin: readonly [number, number, number],
  spheres: readonly Sphere[],
  zscale: number,
  exactVolume = true,
): number[] {
  const [nz, ny, nx] = shape;
  return spheres.map((s) => {
    const radius = exactVolume ? volumeExactRadius(s, zscale) : s.a;
    if (radius <= 0) return radius;
    forEachSupportVoxel(s, zscale, (dz, dy, dx, iz, iy, ix) => {
      const z = iz - origin[0];
      const y = iy - origin[1];
      const x = ix - origin[2];
      if (z < 0 || z >= nz || y < 0 || y >= ny || x < 0 || x >= nx) return;
      field[(z * ny + y) * nx + x] += sphereProfile(surfaceDistance(dz, dy, dx, radius, zscale), radius);
    });
    return radius;
  });
}
