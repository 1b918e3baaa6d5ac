/**
 * The library entry points the UI, the fitter and the CLI use: a state from a configuration and an
 * image, or from a saved state file.
 */
import { buildComponents, type ParticleOverride } from '../config/build';
import { PeriConfigError, atField } from '../config/errors';
import { parseConfig } from '../config/parse-config';
import type { PeriConfig, PeriStateFile } from '../config/schema';
import { parseStateFile } from '../config/state-file';
import { ComponentSet } from './component-set';
import { Tile, type Vec3 } from '../tile';
import { rawImage, type PeriImage, type RawImageOptions, type RawImageSource } from './raw-image';
import { PeriState } from './state';

export interface CreateStateOptions {
  /** Replaces the configuration's particles (e.g. from featuring or a positions file). */
  particles?: ParticleOverride;
  /** Overrides the configuration's σ. */
  sigma?: number;
  /** Image shape (z, y, x) when there is no image (the model becomes the data). */
  shape?: Vec3;
}

/** A state from a configuration (object or parsed JSON) and an image (or null for a synthetic state). */
export function createState(config: PeriConfig | unknown, image: PeriImage | null, opts: CreateStateOptions = {}): PeriState {
  const cfg = parseConfig(config);
  const { model, comps } = buildComponents(cfg, { particles: opts.particles });
  return new PeriState(comps, image, { model, pad: cfg.pad, sigma: opts.sigma ?? cfg.sigma, shape: opts.shape, config: cfg });
}

/** The RawImage options a state file (or configuration) records for its image. */
export function imageOptionsOf(file: PeriStateFile): RawImageOptions {
  const im = file.image;
  if (!im) return {};
  return { tile: new Tile(im.tile.l, im.tile.r), exposure: im.exposure, invert: im.invert, path: im.path };
}

/**
 * A state from a state file (object or parsed JSON). `source` is the raw image stack the file
 * refers to (read by the caller from `file.image.path`), or null to restore without data: the
 * model then stands in for the data (enough to render).
 */
export function fromStateFile(json: unknown, source: RawImageSource | null): PeriState {
  const file = parseStateFile(json);
  const { model, comps } = atField('config', () => buildComponents(file.config));
  const set = new ComponentSet(comps);
  for (const [name, v] of Object.entries(file.values)) {
    const owners = atField(`values.${name}`, () => set.ownersOf(name));
    owners.forEach((c) => atField(`values.${name}`, () => c.setValues([name], [v])));
  }
  const extra = set.params.filter((p) => !(p in file.values));
  if (extra.length) throw new PeriConfigError('values', `no value for ${extra.slice(0, 5).join(', ')}${extra.length > 5 ? ', …' : ''}`);
  let image: PeriImage | null = null;
  if (source && file.image) {
    const full = file.image.full_shape;
    if (source.shape.some((n, i) => n !== full[i])) {
      throw new PeriConfigError('image.full_shape', `the state was fitted to a [${full.join(', ')}] image, but the image given is [${source.shape.join(', ')}]`);
    }
    image = rawImage(source, imageOptionsOf(file));
  } else if (source) {
    image = rawImage(source, {});
  }
  const state = new PeriState(comps, image, { model, pad: file.config.pad, sigma: file.fit.sigma, shape: file.shape, config: file.config });
  if (Object.keys(file.error_bars).length) atField('error_bars', () => state.setErrorBars(file.error_bars));
  return state;
}
