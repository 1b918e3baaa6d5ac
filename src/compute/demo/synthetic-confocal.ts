/**
 * A deterministic synthetic line-scan-confocal volume in the spirit of PERI's ConfocalImageModel:
 * dye-filled fluid (bright) around dark spheres on a coverslip, seen through uneven illumination,
 * a Gaussian PSF, an additive background and camera noise.
 *
 *   model = H ⊛ [I·(1 − P) + C·P] + B,   uint8 ≈ 255·model + noise
 *
 * P: sphere + slab occupancy, I: illumination, C: sphere brightness (`offset`), H: Gaussian PSF,
 * B: background. Every field is evaluated on the image padded by the PSF radius, so the blur has
 * no edge effects; the model and data cover the image only.
 */
import type { Volume } from '../io/volume';
import { Prng, deriveSeed } from '../util/prng';
import { quantiseWithNoise } from './camera-noise';
import { buildTruth, type SyntheticConfocalTruth } from './confocal-truth';
import { gaussianBlurValid, gaussianRadius } from './gaussian-blur';
import { resolveOptions, type ResolvedOptions, type SyntheticConfocalOptions } from './options';
import { placeSpheres } from './placement';
import { addSlab, evalLegendre2P1D, slabNormal, type Slab } from './smooth-fields';
import { addSpheres, type Sphere } from './sphere-field';

export type { SyntheticConfocalOptions } from './options';
export type { SyntheticConfocalTruth } from './confocal-truth';

export const GENERATOR_NAME = 'lucid-synthetic-confocal';
/** Bump whenever the output for the same options changes. */
export const GENERATOR_VERSION = 1;

export interface SyntheticConfocal {
  /** Noise-free model in full-scale units (1 ↔ 255 counts), float32. */
  volume: Volume;
  /** The noisy, quantised data, same layout as `volume.data`. */
  uint8: Uint8Array;
  particles: Sphere[];
  truth: SyntheticConfocalTruth;
}

interface Grid {
  shape: [number, number, number];
  origin: [number, number, number];
}

function paddedGrid(o: ResolvedOptions): Grid {
  const pad = o.psfSigma.map(gaussianRadius);
  return {
    shape: [o.shape[0] + 2 * pad[0], o.shape[1] + 2 * pad[1], o.shape[2] + 2 * pad[2]],
    origin: [-pad[0], -pad[1], -pad[2]],
  };
}

function makeSlab(o: ResolvedOptions): Slab {
  return { ...o.slab, pivot: [o.slab.zpos, (o.shape[1] - 1) / 2, (o.shape[2] - 1) / 2] };
}

/** Highest point of the coverslip surface inside the image (the plane is tilted). */
function slabTop(slab: Slab, shape: readonly number[]): number {
  const [nz, ny, nx] = slabNormal(slab);
  let top = -Infinity;
  for (const y of [0, shape[1] - 1]) {
    for (const x of [0, shape[2] - 1]) {
      top = Math.max(top, slab.pivot[0] - ((y - slab.pivot[1]) * ny + (x - slab.pivot[2]) * nx) / nz);
    }
  }
  return top;
}

/** The noise-free model on the image grid; also returns the rendered sphere radii. */
function renderModel(o: ResolvedOptions, spheres: Sphere[], slab: Slab): { model: Float64Array; radii: number[] } {
  const g = paddedGrid(o);
  const p = new Float64Array(g.shape[0] * g.shape[1] * g.shape[2]);
  const radii = addSpheres(p, g.shape, g.origin, spheres, o.zscale);
  addSlab(p, g.shape, g.origin, slab);
  const ilm = evalLegendre2P1D(o.ilm, g.shape, g.origin, o.shape);
  for (let i = 0; i < p.length; i++) p[i] = ilm[i] * (1 - p[i]) + o.offset * p[i];
  const blurred = gaussianBlurValid(p, g.shape, o.psfSigma).data;
  const bkg = evalLegendre2P1D(o.bkg, o.shape, [0, 0, 0], o.shape);
  for (let i = 0; i < blurred.length; i++) blurred[i] += bkg[i];
  return { model: blurred, radii };
}

function toVolume(o: ResolvedOptions, model: Float64Array): Volume {
  const data = Float32Array.from(model);
  let min = Infinity;
  let max = -Infinity;
  for (const v of data) {
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  return {
    data,
    shape: [...o.shape],
    axis: 'z',
    voxelSize: { z: o.pixelSize * o.zscale, y: o.pixelSize, x: o.pixelSize, unit: 'µm' },
    dtype: 'float32',
    rawRange: [min, max],
    metadata: {
      name: 'demo-confocal',
      source: 'lucid',
      extra: { generator: `${GENERATOR_NAME}/${GENERATOR_VERSION}`, seed: o.seed },
    },
  };
}

/** Same options (and generator version) → the same bytes, on every run and machine. */
export function makeSyntheticConfocal(options: SyntheticConfocalOptions = {}): SyntheticConfocal {
  const o = resolveOptions(options);
  const slab = makeSlab(o);
  const particles = placeSpheres(new Prng(deriveSeed(o.seed, 0)), {
    shape: o.shape,
    count: o.nParticles,
    radius: o.radius,
    polydispersity: o.polydispersity,
    zscale: o.zscale,
    floorZ: slabTop(slab, o.shape),
    gap: o.gap,
  });
  const { model, radii } = renderModel(o, particles, slab);
  const uint8 = quantiseWithNoise(model, o.noise, new Prng(deriveSeed(o.seed, 1)));
  const volume = toVolume(o, model);
  const generator = { name: GENERATOR_NAME, version: GENERATOR_VERSION };
  const truth = buildTruth({ options: o, generator, particles, radii, slab, volume, uint8 });
  return { volume, uint8, particles, truth };
}
