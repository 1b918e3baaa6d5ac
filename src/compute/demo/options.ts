/** Options of the synthetic confocal generator, their defaults and validation. */
import type { CameraNoise } from './camera-noise';
import { validateCameraNoise } from './camera-noise';
import { DemoDataError } from './errors';
import type { Legendre2P1D } from './smooth-fields';

export interface SyntheticConfocalOptions {
  /** [nz, ny, nx]; default [48, 64, 64]. */
  shape?: [number, number, number];
  /** Seeds particle placement and noise (two independent sub-streams). Default 2017. */
  seed?: number;
  /** Mean sphere radius in xy px; default 5. */
  radius?: number;
  /** Relative std of the radii; default 0.03. */
  polydispersity?: number;
  /** Number of spheres; default: packing fraction 0.14 of the volume above the coverslip. */
  nParticles?: number;
  /** z-pixel size / xy-pixel size (PERI's zscale); default 0.9. */
  zscale?: number;
  /** xy pixel size in µm; default 0.125 (z pixel = pixelSize·zscale). */
  pixelSize?: number;
  /** Coverslip: surface height (z px, default nz/8) and small tilt angles (rad). */
  slab?: { zpos?: number; theta?: number; phi?: number };
  /** Minimum gap between sphere surfaces and above the coverslip (xy px); default 1. */
  gap?: number;
  /** Illumination field I (model units, 1 = full scale). */
  ilm?: Legendre2P1D;
  /** Additive, unblurred background B. */
  bkg?: Legendre2P1D;
  /** Brightness C of the sphere interiors (PERI's `offset`). */
  offset?: number;
  /** Gaussian PSF std [z, y, x] in px; default [2, 1, 1]. */
  psfSigma?: [number, number, number];
  noise?: CameraNoise;
}

export interface ResolvedOptions {
  shape: [number, number, number];
  seed: number;
  radius: number;
  polydispersity: number;
  nParticles: number;
  zscale: number;
  pixelSize: number;
  slab: { zpos: number; theta: number; phi: number };
  gap: number;
  ilm: Legendre2P1D;
  bkg: Legendre2P1D;
  offset: number;
  psfSigma: [number, number, number];
  noise: CameraNoise;
}

export const DEFAULT_SEED = 2017;
const DEFAULT_PACKING = 0.14;
const MAX_VOXELS = 1 << 26;

/** Bright centre, dimmer edges, a gentle x–y tilt; intensity falls by ~20% from bottom to top. */
export const DEFAULT_ILM: Legendre2P1D = {
  xy: [
    [0.7, -0.03, -0.04],
    [0.05, 0.015],
    [-0.04],
  ],
  z: [-0.1, 0.015],
};

export const DEFAULT_BKG: Legendre2P1D = { xy: [[0.03, 0.004], [0.006]], z: [0.1] };

function defaultCount(shape: readonly number[], zpos: number, zscale: number, radius: number): number {
  const above = Math.max(shape[0] - zpos, 0) * zscale * shape[1] * shape[2];
  return Math.round((DEFAULT_PACKING * above) / ((4 / 3) * Math.PI * radius ** 3));
}

function checkShape(shape: readonly number[]): void {
  const ok = shape.length === 3 && shape.every((n) => Number.isInteger(n) && n >= 8 && n <= 4096);
  if (!ok) throw new DemoDataError(`shape must be three whole numbers in 8..4096, got [${shape.join(', ')}]`);
  if (shape[0] * shape[1] * shape[2] > MAX_VOXELS) {
    throw new DemoDataError(`shape ${shape.join('×')} exceeds the demo generator's ${MAX_VOXELS} voxels`);
  }
}

function checkFinite(name: string, v: number, lo = -Infinity, hi = Infinity): void {
  if (!Number.isFinite(v) || v < lo || v > hi) {
    throw new DemoDataError(`${name} must be a finite number in [${lo}, ${hi}], got ${v}`);
  }
}

function checkField(name: string, f: Legendre2P1D): void {
  const values = [...f.xy.flat(), ...f.z];
  if (f.xy.length === 0 || values.some((v) => !Number.isFinite(v))) {
    throw new DemoDataError(`${name} coefficients must be finite numbers with at least one xy term`);
  }
}

export function resolveOptions(o: SyntheticConfocalOptions = {}): ResolvedOptions {
  const shape: [number, number, number] = o.shape ? [o.shape[0], o.shape[1], o.shape[2]] : [48, 64, 64];
  checkShape(shape);
  const zscale = o.zscale ?? 0.9;
  checkFinite('zscale', zscale, 0.2, 5);
  const radius = o.radius ?? 5;
  checkFinite('radius', radius, 0.5, Math.min(shape[1], shape[2]) / 2);
  const seed = o.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(seed)) throw new DemoDataError(`seed must be a whole number, got ${seed}`);
  const slab = { zpos: o.slab?.zpos ?? shape[0] / 8, theta: o.slab?.theta ?? 0.02, phi: o.slab?.phi ?? -0.01 };
  checkFinite('slab.zpos', slab.zpos, -shape[0], shape[0]);
  checkFinite('slab.theta', slab.theta, -0.5, 0.5);
  checkFinite('slab.phi', slab.phi, -0.5, 0.5);
  const psfSigma: [number, number, number] = o.psfSigma ? [...o.psfSigma] : [2, 1, 1];
  psfSigma.forEach((s, i) => checkFinite(`psfSigma[${i}]`, s, 0, 16));
  const r: ResolvedOptions = {
    shape, seed, radius, zscale, slab, psfSigma,
    polydispersity: o.polydispersity ?? 0.03,
    nParticles: o.nParticles ?? defaultCount(shape, slab.zpos, zscale, radius),
    pixelSize: o.pixelSize ?? 0.125,
    gap: o.gap ?? 1,
    ilm: o.ilm ?? DEFAULT_ILM,
    bkg: o.bkg ?? DEFAULT_BKG,
    offset: o.offset ?? 0.04,
    noise: o.noise ?? { photonsPerUnit: 600, readNoise: 1.5 },
  };
  checkFinite('pixelSize', r.pixelSize, 1e-6, 1e6);
  checkFinite('gap', r.gap, 0, 100);
  checkFinite('offset', r.offset, -1, 2);
  checkField('ilm', r.ilm);
  checkField('bkg', r.bkg);
  validateCameraNoise(r.noise);
  return r;
}
