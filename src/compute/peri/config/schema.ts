/**
 * The JSON formats of PERI models in Lucid (documented in README.md next to this file):
 * - a model configuration (`lucid.peri.config`): the model class, pad, σ and components by PERI
 *   class name with PERI's keyword arguments, optional parameter values by PERI name;
 * - a state (`lucid.peri.state`): a configuration plus every value, the image reference and crop,
 *   σ, the error and the pixel count it was summed over;
 * - a particle export (`lucid.peri.particles`).
 */

export const CONFIG_FORMAT = 'lucid.peri.config';
export const STATE_FORMAT = 'lucid.peri.state';
export const PARTICLES_FORMAT = 'lucid.peri.particles';
export const FORMAT_VERSION = 1;

export interface ComponentSpec {
  /** PERI class name (or its registry short name), e.g. 'BarnesStreakLegPoly2P1D'. */
  class: string;
  /** PERI keyword arguments, e.g. { "npts": [16, 10, 8, 4], "zorder": 8 }. */
  args?: Record<string, unknown>;
  /** Members of a ComponentCollection. */
  components?: ComponentSpec[];
}

/** How the image is read: PERI's RawImage(filename, tile, invert, exposure). */
export interface ImageSpec {
  /** Path of the TIFF (relative paths resolve against the working directory). */
  path?: string | null;
  /** Crop in image coordinates, half-open: { "l": [z, y, x], "r": [z, y, x] }. */
  tile?: { l: [number, number, number]; r: [number, number, number] } | null;
  invert?: boolean;
  /** Raw values mapped to 0 and 1; default [0, 255]. */
  exposure?: [number, number] | null;
}

export interface PeriConfig {
  format: typeof CONFIG_FORMAT;
  version: number;
  name?: string;
  description?: string;
  /** PERI model class, default 'ConfocalImageModel'. */
  model: string;
  /** Padding of the grid (PERI's ImageState pad), default 24. */
  pad: number;
  /** Noise σ, default 0.04 (PERI's ImageState default). */
  sigma: number;
  components: ComponentSpec[];
  /** PERI's runner.link_zscale: the exact PSF's psf-zscale becomes the spheres' global zscale. */
  link_zscale: boolean;
  /** Parameter values by PERI name, applied after the components are built. */
  values: Record<string, number>;
  image?: ImageSpec | null;
}

export interface StateImageRecord {
  path: string | null;
  name: string | null;
  /** Shape (z, y, x) of the whole stack. */
  full_shape: [number, number, number];
  tile: { l: [number, number, number]; r: [number, number, number] };
  exposure: [number, number];
  invert: boolean;
  voxel_size: { z: number | null; y: number | null; x: number | null; unit: string | null } | null;
}

export interface PeriStateFile {
  format: typeof STATE_FORMAT;
  version: number;
  saved: string;
  /** The configuration; the spheres' pos and rad are the current particles. */
  config: PeriConfig;
  /** Parameter names in the state's order. */
  params: string[];
  /** Every parameter value by name. */
  values: Record<string, number>;
  /** The image the state was fitted to (null: a synthetic state, model as data). */
  image: StateImageRecord | null;
  /** Shape (z, y, x) of the state's image (the crop). */
  shape: [number, number, number];
  fit: { error: number; sigma: number; npix: number; loglikelihood: number };
  /** 1-σ error bars by parameter name, when known (e.g. the CRB). */
  error_bars: Record<string, number>;
}
