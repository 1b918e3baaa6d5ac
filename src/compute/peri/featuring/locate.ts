/**
 * PERI's `runner.locate_spheres`: initial particle positions of an image. The image is modelled
 * by a smooth field alone (SmoothFieldModel with a LegendrePoly2P1D starting at the image mean,
 * pad 0); with `dofilter` that field is fitted by LM first; the residuals (the image minus the
 * field) are then featured like missing particles.
 */
import { doLevmarq } from '../fit/levmarq';
import type { FitControl } from '../fit/control';
import { createState } from '../state/create';
import { rawImage } from '../state/raw-image';
import type { Vec3 } from '../tile';
import { FeaturingError } from './errors';
import { featureGuessImage } from './feature-guess';
import { checkVolume } from './ndimage';

export interface LocateOptions {
  /** Fit the smooth field before featuring. Default false (the field is the image mean). */
  dofilter?: boolean;
  /** Legendre orders (z, y, x) of the field. Default (3, 3, 3). */
  order?: readonly [number, number, number];
  trimEdge?: boolean;
  /** Dark particles (dye in the fluid): feature 1 − residuals. Default true. */
  invert?: boolean;
  minmass?: number | null;
  control?: FitControl;
}

function mean(data: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < data.length; i++) s += data[i];
  return s / data.length;
}

/** The image minus its smooth field (float64). */
export function smoothFieldResiduals(data: ArrayLike<number>, shape: Vec3, opts: LocateOptions = {}): Float64Array {
  const m = mean(data);
  if (!opts.dofilter) return Float64Array.from(data, (v) => v - m);
  const order = opts.order ?? [3, 3, 3];
  const image = rawImage({ data: Float32Array.from(data), shape }, { exposure: [0, 1] });
  const st = createState(
    {
      format: 'lucid.peri.config',
      version: 1,
      model: 'SmoothFieldModel',
      pad: 0,
      sigma: 0.04,
      components: [{ class: 'LegendrePoly2P1D', args: { order: [...order], category: 'ilm', constval: m } }],
      link_zscale: false,
      values: {},
    },
    image,
  );
  doLevmarq(st, st.params, { stage: 'locate:filter' }, opts.control ?? {});
  return Float64Array.from(st.residuals);
}

/** Positions (z, y, x) of candidate particles, largest mass first. */
export function locateSpheres(data: ArrayLike<number>, shape: readonly number[], featureRad: number, opts: LocateOptions = {}): Vec3[] {
  const s = checkVolume(data, shape, 'locateSpheres');
  if (!(featureRad > 0)) throw new FeaturingError(`feature radius must be > 0, got ${featureRad}`);
  const r = smoothFieldResiduals(data, s, opts);
  const invert = opts.invert ?? true;
  const im = invert ? r.map((v) => 1 - v) : r;
  return featureGuessImage(im, s, featureRad, { minmass: opts.minmass, trimEdge: opts.trimEdge ?? true }).guess;
}
