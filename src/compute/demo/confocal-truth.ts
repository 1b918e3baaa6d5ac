/** The ground truth written next to the demo volume, under plain names and under PERI's parameter names. */
import type { Volume, VoxelSize } from '../io/volume';
import { FULL_SCALE, noiseSigma, type CameraNoise } from './camera-noise';
import { gaussianRadius } from './gaussian-blur';
import type { ResolvedOptions } from './options';
import type { Legendre2P1D, Slab } from './smooth-fields';
import { SPHERE_ALPHA, SPHERE_TRIM, type Sphere } from './sphere-field';

export interface SyntheticConfocalTruth {
  generator: { name: string; version: number };
  seed: number;
  /** [nz, ny, nx]; arrays are row-major (z, y, x). */
  shape: [number, number, number];
  voxelSize: VoxelSize;
  zscale: number;
  model: string;
  coordinates: string;
  /** Sphere centres (z, y, x px; voxel centres at integers) and nominal radii a (xy px). */
  particles: Sphere[];
  /** Radii actually drawn so that each sphere's summed occupancy equals 4/3·π·a³/zscale. */
  renderedRadii: number[];
  sphere: { profile: string; alpha: number; trim: number; exactVolume: boolean };
  slab: Slab & { edge: string };
  ilm: Legendre2P1D;
  bkg: Legendre2P1D;
  fieldForm: string;
  offset: number;
  psf: { kind: 'gaussian'; sigma: [number, number, number]; truncation: [number, number, number] };
  noise: CameraNoise & { fullScale: number; sigmaAtMeanModel: number; description: string };
  /** The same truth under PERI's names (ConfocalImageModel, LegendrePoly2P1D, AnisotropicGaussianXYZ). */
  periParams: Record<string, number>;
  stats: {
    modelMin: number;
    modelMax: number;
    modelMean: number;
    uint8Min: number;
    uint8Max: number;
    uint8Mean: number;
    fractionAt0: number;
    fractionAt255: number;
  };
}

function fieldParams(prefix: string, f: Legendre2P1D, out: Record<string, number>): void {
  f.xy.forEach((row, i) => row.forEach((c, j) => (out[`${prefix}-xy-${i}-${j}`] = c)));
  f.z.forEach((c, k) => (out[`${prefix}-z-${k}`] = c));
}

function periParams(o: ResolvedOptions, particles: readonly Sphere[]): Record<string, number> {
  const out: Record<string, number> = {};
  particles.forEach((p, i) => {
    out[`sph-${i}-z`] = p.z;
    out[`sph-${i}-y`] = p.y;
    out[`sph-${i}-x`] = p.x;
    out[`sph-${i}-a`] = p.a;
  });
  out.zscale = o.zscale;
  out['slab-zpos'] = o.slab.zpos;
  out['slab-theta'] = o.slab.theta;
  out['slab-phi'] = o.slab.phi;
  fieldParams('ilm', o.ilm, out);
  fieldParams('bkg', o.bkg, out);
  out.offset = o.offset;
  // AnisotropicGaussianXYZ's parameters are twice the Gaussian std.
  out['psf-sigz'] = 2 * o.psfSigma[0];
  out['psf-sigy'] = 2 * o.psfSigma[1];
  out['psf-sigx'] = 2 * o.psfSigma[2];
  return out;
}

function dataStats(volume: Volume, uint8: Uint8Array): SyntheticConfocalTruth['stats'] {
  let modelSum = 0;
  for (const v of volume.data) modelSum += v;
  let sum = 0;
  let min = 255;
  let max = 0;
  let at0 = 0;
  let at255 = 0;
  for (const v of uint8) {
    sum += v;
    min = Math.min(min, v);
    max = Math.max(max, v);
    if (v === 0) at0++;
    if (v === 255) at255++;
  }
  const n = uint8.length;
  return {
    modelMin: volume.rawRange[0],
    modelMax: volume.rawRange[1],
    modelMean: modelSum / n,
    uint8Min: min,
    uint8Max: max,
    uint8Mean: sum / n,
    fractionAt0: at0 / n,
    fractionAt255: at255 / n,
  };
}

export interface TruthInput {
  options: ResolvedOptions;
  generator: { name: string; version: number };
  particles: Sphere[];
  radii: number[];
  slab: Slab;
  volume: Volume;
  uint8: Uint8Array;
}

export function buildTruth(t: TruthInput): SyntheticConfocalTruth {
  const o = t.options;
  const stats = dataStats(t.volume, t.uint8);
  return {
    generator: t.generator,
    seed: o.seed,
    shape: [...o.shape],
    voxelSize: t.volume.voxelSize,
    zscale: o.zscale,
    model: 'model = H ⊛ [I·(1 − P) + C·P] + B (PERI ConfocalImageModel); data = uint8 ≈ 255·model + noise',
    coordinates: 'positions in px of the image, (z, y, x), voxel centres at integers 0..n−1; '
      + 'a z step is zscale of an xy step',
    particles: t.particles,
    renderedRadii: t.radii,
    sphere: {
      profile: 'Gaussian-smoothed ball, trimmed (PERI exact-gaussian-trim); occupancies of spheres and slab add',
      alpha: SPHERE_ALPHA,
      trim: SPHERE_TRIM,
      exactVolume: true,
    },
    slab: { ...t.slab, edge: '1/(1+exp(7p)) of the signed distance p to the plane, 1 below p=−4, 0 above p=4' },
    ilm: o.ilm,
    bkg: o.bkg,
    fieldForm: 'F = [Σ xy[i][j]·P_i(u_x)·P_j(u_y)]·(1 + Σ z[k]·P_{k+1}(u_z)), Legendre P, '
      + 'u = 2·index/(n−1) − 1 over the image (not over a padded grid as in PERI)',
    offset: o.offset,
    psf: { kind: 'gaussian', sigma: o.psfSigma, truncation: [0, 1, 2].map((a) => gaussianRadius(o.psfSigma[a])) as [number, number, number] },
    noise: {
      ...o.noise,
      fullScale: FULL_SCALE,
      sigmaAtMeanModel: noiseSigma(o.noise, stats.modelMean),
      description: 'uint8 = clip(round(255/photonsPerUnit · Poisson(model·photonsPerUnit) + readNoise·N(0,1)), 0, 255)',
    },
    periParams: periParams(o, t.particles),
    stats,
  };
}
