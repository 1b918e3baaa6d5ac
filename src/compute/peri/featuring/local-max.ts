/**
 * PERI's `initializers.local_max_featuring`: smooth (Gaussian σ = noise_size, mirror), subtract a
 * wide Gaussian background (σ = bkg_size, default 2·radius), keep voxels that equal the maximum
 * over a spherical footprint (r < radius on a (2⌈radius⌉+1)³ grid, scipy's maximum_filter with its
 * default 'reflect' boundary) and whose footprint sum (the mass, 'mirror' boundary) exceeds
 * minmass. Positions are whole voxels (z, y, x); the list is sorted by mass, largest first.
 */
import type { Vec3 } from '../tile';
import { FeaturingError } from './errors';
import { boundaryIndex, checkVolume, gaussianFilter, type BoundaryMode } from './ndimage';

/** Offsets (dz, dy, dx) with √(dz² + dy² + dx²) < radius (PERI's generate_sphere). */
export function sphereFootprint(radius: number): Vec3[] {
  if (!(radius > 0) || !Number.isFinite(radius)) throw new FeaturingError(`the featuring radius must be a finite number > 0, got ${radius}`);
  const r = Math.ceil(radius);
  const out: Vec3[] = [];
  for (let z = -r; z <= r; z++) {
    for (let y = -r; y <= r; y++) {
      for (let x = -r; x <= r; x++) if (Math.sqrt(z * z + y * y + x * x) < radius) out.push([z, y, x]);
    }
  }
  return out;
}

export interface LocalMaxOptions {
  noiseSize?: number;
  /** Default 2·radius. */
  bkgSize?: number;
  /** Default 1 (PERI's local_max_featuring). */
  minmass?: number;
  /** Drop maxima on the outermost voxel layer. */
  trimEdge?: boolean;
}

export interface Features {
  pos: Vec3[];
  mass: number[];
}

/** Value at (z, y, x) + offset, with the boundary mode. */
function neighbour(f: Float64Array, s: Vec3, z: number, y: number, x: number, o: Vec3, mode: BoundaryMode): number {
  const zz = boundaryIndex(z + o[0], s[0], mode);
  const yy = boundaryIndex(y + o[1], s[1], mode);
  const xx = boundaryIndex(x + o[2], s[2], mode);
  return f[(zz * s[1] + yy) * s[2] + xx];
}

/** Whether no footprint neighbour is larger (maximum_filter(f) == f), stopping at the first. */
function isLocalMax(f: Float64Array, s: Vec3, z: number, y: number, x: number, fp: readonly Vec3[]): boolean {
  const v = f[(z * s[1] + y) * s[2] + x];
  for (const o of fp) if (neighbour(f, s, z, y, x, o, 'reflect') > v) return false;
  return true;
}

function footprintMass(f: Float64Array, s: Vec3, z: number, y: number, x: number, fp: readonly Vec3[]): number {
  let m = 0;
  for (const o of fp) m += neighbour(f, s, z, y, x, o, 'mirror');
  return m;
}

/** The band-passed image PERI features on. */
export function bandPass(im: ArrayLike<number>, shape: Vec3, noiseSize: number, bkgSize: number): Float64Array {
  const g = gaussianFilter(im, shape, noiseSize, 'mirror');
  const bkg = gaussianFilter(g, shape, bkgSize, 'mirror');
  for (let i = 0; i < g.length; i++) g[i] -= bkg[i];
  return g;
}

export function localMaxFeaturing(im: ArrayLike<number>, shape: readonly number[], radius: number, opts: LocalMaxOptions = {}): Features {
  const s = checkVolume(im, shape, 'localMaxFeaturing');
  const fp = sphereFootprint(radius);
  const minmass = opts.minmass ?? 1;
  const f = bandPass(im, s, opts.noiseSize ?? 1, opts.bkgSize ?? 2 * radius);
  const found: { p: Vec3; m: number }[] = [];
  for (let z = 0; z < s[0]; z++) {
    for (let y = 0; y < s[1]; y++) {
      for (let x = 0; x < s[2]; x++) {
        if (!isLocalMax(f, s, z, y, x, fp)) continue;
        const m = footprintMass(f, s, z, y, x, fp);
        if (!(m > minmass)) continue;
        if (opts.trimEdge && (z === 0 || y === 0 || x === 0 || z + 1 >= s[0] || y + 1 >= s[1] || x + 1 >= s[2])) continue;
        found.push({ p: [z, y, x], m });
      }
    }
  }
  // numpy's argsort(mass)[::-1]: ascending (stable for these sizes), then reversed.
  const order = found.map((_, i) => i).sort((a, b) => found[a].m - found[b].m || a - b).reverse();
  return { pos: order.map((i) => found[i].p), mass: order.map((i) => found[i].m) };
}
