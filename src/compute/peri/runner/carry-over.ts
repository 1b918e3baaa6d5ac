/**
 * Working from a fitted state, as PERI's runner does with `states.load` + `set_image`: the same
 * model, microscope parameters (PSF, illumination, background, offset, zscale, slab) and σ on a new
 * image, with the old particles or new ones.
 */
import type { ParticleOverride } from '../config/build';
import type { PeriStateFile } from '../config/schema';
import { parseStateFile } from '../config/state-file';
import { parseParticleParam } from '../params';
import { createState, imageOptionsOf } from '../state/create';
import { rawImage, type PeriImage, type RawImageSource } from '../state/raw-image';
import { PeriState } from '../state/state';

export type StateSource = PeriState | PeriStateFile;

export function stateFileOf(old: StateSource): PeriStateFile {
  return old instanceof PeriState ? old.toStateFile() : parseStateFile(old as unknown as Parameters<typeof parseStateFile>[0]);
}

/** Every value of the file except the particles' (sph-i-z/y/x/a). */
export function globalValues(file: PeriStateFile): Record<string, number> {
  return Object.fromEntries(Object.entries(file.values).filter(([name]) => parseParticleParam(name) === null));
}

/** The new image read the way the old one was (PERI: RawImage(name, tile=old.image.tile), same exposure and invert). */
export function imageLike(old: StateSource, source: RawImageSource, path: string | null = null): PeriImage {
  const file = stateFileOf(old);
  return rawImage(source, { ...imageOptionsOf(file), path });
}

export interface CarryOverOptions {
  /** Replace the particles (e.g. from featuring the new image); default: the old ones. */
  particles?: ParticleOverride;
}

/** A state on `image` with the old state's model, global parameter values and σ. */
export function stateOnNewImage(old: StateSource, image: PeriImage, opts: CarryOverOptions = {}): PeriState {
  const file = stateFileOf(old);
  const config = { ...file.config, values: { ...file.config.values, ...globalValues(file) } };
  return createState(config, image, { particles: opts.particles, sigma: file.fit.sigma });
}
