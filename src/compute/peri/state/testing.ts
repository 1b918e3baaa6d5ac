/** Test helpers: a small confocal configuration and a state built from it. */
import type { PeriConfig } from '../config/schema';
import type { Vec3 } from '../tile';
import { createState } from './create';
import { rawImage } from './raw-image';
import type { PeriState } from './state';

export const SMALL_SHAPE: Vec3 = [14, 22, 24];

/** Particles including some near and across the image edges. */
export const SMALL_PARTICLES = {
  pos: [
    [7.2, 10.6, 11.3],
    [5.1, 4.4, 18.9],
    [1.2, 19.5, 3.7],
    [12.6, 0.4, 22.8],
    [-1.5, 11, 12],
  ],
  rad: [3.1, 2.6, 3.4, 2.9, 2.5],
};

export function smallConfig(overrides: Partial<PeriConfig> = {}): PeriConfig {
  return {
    format: 'lucid.peri.config',
    version: 1,
    model: 'ConfocalImageModel',
    pad: 6,
    sigma: 0.05,
    components: [
      {
        class: 'ComponentCollection',
        args: { category: 'obj' },
        components: [
          { class: 'PlatonicSpheresCollection', args: { pos: SMALL_PARTICLES.pos, rad: SMALL_PARTICLES.rad, zscale: 0.9 } },
          { class: 'Slab', args: { zpos: 1.5, angles: [0.03, -0.02] } },
        ],
      },
      { class: 'LegendrePoly2P1D', args: { order: [2, 2, 2], category: 'ilm', constval: 0.9 } },
      { class: 'LegendrePoly2P1D', args: { order: [1, 2, 1], category: 'bkg', constval: 0.05 } },
      { class: 'GlobalScalar', args: { name: 'offset', value: 0.1 } },
      { class: 'AnisotropicGaussianXYZ', args: { sigmas: [2.4, 1.2, 1.4] } },
    ],
    link_zscale: false,
    values: { 'ilm-xy-1-0': 0.05, 'ilm-z-0': -0.04, 'bkg-xy-0-1': 0.01 },
    ...overrides,
  };
}

/** Deterministic pseudo-random numbers in [0, 1). */
export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** A small state whose data is its own model plus deterministic noise. */
export function smallState(config: PeriConfig = smallConfig(), noise = 0.05): PeriState {
  const truth = createState(config, null, { shape: SMALL_SHAPE });
  const rnd = lcg(7);
  const data = truth.model.map((v) => v + noise * (rnd() + rnd() + rnd() - 1.5) * 2);
  const image = rawImage({ data, shape: SMALL_SHAPE, voxelSize: { z: 0.1125, y: 0.125, x: 0.125, unit: 'µm' } }, { exposure: [0, 1], path: 'small.tif' });
  return createState(config, image);
}

export function maxAbs(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}
