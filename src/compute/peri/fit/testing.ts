/**
 * Test helpers of the fitting code: a small confocal state (3 spheres on a slab, Legendre ILM and
 * background, offset, Gaussian PSF) whose data is its own model plus seeded Gaussian noise, and
 * perturbations of it. Small enough for the 2-core test machine (16×28×28 image, pad 6).
 */
import type { PeriConfig } from '../config/schema';
import { createState } from '../state/create';
import { rawImage } from '../state/raw-image';
import type { PeriState } from '../state/state';
import type { Vec3 } from '../tile';
import { Prng } from '../../util/prng';

export const FIT_SHAPE: Vec3 = [16, 28, 28];
export const FIT_NOISE = 0.02;
export const TRUE_POS: Vec3[] = [
  [8.2, 8.4, 9.1],
  [8.7, 18.6, 19.3],
  [9.1, 8.9, 20.2],
];
export const TRUE_RAD = [3.4, 3.1, 3.6];

export function fitConfig(pos: readonly Vec3[] = TRUE_POS, rad: readonly number[] = TRUE_RAD): PeriConfig {
  return {
    format: 'lucid.peri.config',
    version: 1,
    model: 'ConfocalImageModel',
    pad: 6,
    sigma: FIT_NOISE,
    components: [
      {
        class: 'ComponentCollection',
        args: { category: 'obj' },
        components: [
          { class: 'PlatonicSpheresCollection', args: { pos: pos.map((p) => [...p]), rad: [...rad], zscale: 1 } },
          { class: 'Slab', args: { zpos: 2.5, angles: [0.02, -0.01] } },
        ],
      },
      { class: 'LegendrePoly2P1D', args: { order: [2, 2, 2], category: 'ilm', constval: 0.9 } },
      { class: 'LegendrePoly2P1D', args: { order: [1, 1, 1], category: 'bkg', constval: 0.05 } },
      { class: 'GlobalScalar', args: { name: 'offset', value: 0.1 } },
      { class: 'AnisotropicGaussianXYZ', args: { sigmas: [2.4, 1.4, 1.4] } },
    ],
    link_zscale: false,
    values: { 'ilm-xy-1-0': 0.05, 'ilm-z-0': -0.04 },
  };
}

/** Data of the true state: its model plus N(0, noise²) from a seeded generator. */
export function truthData(noise = FIT_NOISE, seed = 1, config = fitConfig()): Float32Array {
  const truth = createState(config, null, { shape: FIT_SHAPE });
  const rng = new Prng(seed);
  return truth.model.map((v) => v + noise * rng.normal());
}

/** A state on that data, built from `config` (default: the truth). */
export function fitState(config: PeriConfig = fitConfig(), data: Float32Array = truthData()): PeriState {
  const image = rawImage({ data, shape: FIT_SHAPE }, { exposure: [0, 1] });
  return createState(config, image);
}

/** Σ over pixels of noise² expected at the truth. */
export function noiseFloor(noise = FIT_NOISE): number {
  return FIT_SHAPE[0] * FIT_SHAPE[1] * FIT_SHAPE[2] * noise * noise;
}
