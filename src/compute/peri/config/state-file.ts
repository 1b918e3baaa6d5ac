/**
 * The versioned state file (`lucid.peri.state`): everything needed to continue a fit —
 * configuration, every value, image reference and crop, σ, plus the error and pixel count the
 * values gave. Writing needs a state made by createState (it keeps its configuration).
 */
import type { PeriState } from '../state/state';
import { PeriConfigError } from './errors';
import { checkFormat, parseConfig, parseTile } from './parse-config';
import { COLLECTION_CLASS } from './classes';
import { FORMAT_VERSION, STATE_FORMAT, type ComponentSpec, type PeriConfig, type PeriStateFile, type StateImageRecord } from './schema';
import { checkKeys, fail, isObject, readBool, readInt, readInts, readNumber, readNumbers, readObject, readString, type Json } from './validate';

const STATE_KEYS = ['format', 'version', 'saved', 'config', 'params', 'values', 'image', 'shape', 'fit', 'error_bars'];

/** The configuration with the spheres' pos, rad and zscale set to the state's current ones. */
function currentConfig(state: PeriState, config: PeriConfig): PeriConfig {
  const spheres = state.spheres;
  const patch = (spec: ComponentSpec): ComponentSpec => {
    if (spec.class === COLLECTION_CLASS) return { ...spec, components: (spec.components ?? []).map(patch) };
    if (spec.class !== 'PlatonicSpheresCollection' || !spheres) return structuredClone(spec);
    const zscale = spheres.getValues(['zscale'])[0];
    return { ...spec, args: { ...(spec.args ?? {}), pos: spheres.positions(), rad: spheres.radii(), zscale } };
  };
  return { ...structuredClone(config), components: config.components.map(patch), values: {} };
}

function imageRecord(state: PeriState): StateImageRecord | null {
  const im = state.image;
  if (!im) return null;
  return {
    path: im.path,
    name: im.name,
    full_shape: [...im.fullShape],
    tile: { l: [...im.tile.l], r: [...im.tile.r] },
    exposure: [...im.exposure],
    invert: im.invert,
    voxel_size: im.voxelSize ? { ...im.voxelSize } : null,
  };
}

export function stateToFile(state: PeriState): PeriStateFile {
  if (!state.config) throw new PeriConfigError('config', 'this state was built from components, not a configuration; create it with createState to save it');
  const params = state.params;
  const values = state.get(params);
  return {
    format: STATE_FORMAT,
    version: FORMAT_VERSION,
    saved: new Date().toISOString(),
    config: currentConfig(state, state.config),
    params,
    values: Object.fromEntries(params.map((p, i) => [p, values[i]])),
    image: imageRecord(state),
    shape: [...state.ishape.shape],
    fit: { error: state.error, sigma: state.sigma, npix: state.npix, loglikelihood: state.loglikelihood },
    error_bars: Object.fromEntries(state.errorBars),
  };
}

function prefixed<T>(prefix: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof PeriConfigError) throw new PeriConfigError(`${prefix}.${e.field}`.replace('.(root)', ''), e.message.slice(e.field.length + 2));
    throw e;
  }
}

function parseNumberMap(v: Json, field: string): Record<string, number> {
  const obj = readObject(v, field);
  return Object.fromEntries(Object.entries(obj).map(([k, x]) => [k, readNumber(x, `${field}.${k}`)]));
}

function parseVoxelSize(v: Json, field: string): StateImageRecord['voxel_size'] {
  if (v === null || v === undefined) return null;
  const o = readObject(v, field);
  checkKeys(o, ['z', 'y', 'x', 'unit'], field, 'a voxel size');
  const size = (k: 'z' | 'y' | 'x') => (o[k] === null || o[k] === undefined ? null : readNumber(o[k], `${field}.${k}`, { gt: 0 }));
  return { z: size('z'), y: size('y'), x: size('x'), unit: o.unit === null || o.unit === undefined ? null : readString(o.unit, `${field}.unit`) };
}

function parseImageRecord(v: Json): StateImageRecord | null {
  if (v === null) return null;
  const o = readObject(v, 'image');
  checkKeys(o, ['path', 'name', 'full_shape', 'tile', 'exposure', 'invert', 'voxel_size'], 'image', 'the image record');
  const exposure = readNumbers(o.exposure, 'image.exposure', 2);
  if (exposure[0] === exposure[1]) fail('image.exposure', 'two different numbers (low, high)', o.exposure);
  const full = readInts(o.full_shape, 'image.full_shape', 1, 3) as [number, number, number];
  const tile = parseTile(o.tile, 'image.tile');
  if (tile.r.some((r, i) => r > full[i])) fail('image.tile', `a crop inside full_shape [${full.join(', ')}]`, o.tile);
  return {
    path: o.path === null || o.path === undefined ? null : readString(o.path, 'image.path'),
    name: o.name === null || o.name === undefined ? null : readString(o.name, 'image.name'),
    full_shape: full,
    tile,
    exposure: [exposure[0], exposure[1]],
    invert: readBool(o.invert, 'image.invert'),
    voxel_size: parseVoxelSize(o.voxel_size, 'image.voxel_size'),
  };
}

/** A validated state file from parsed JSON; bad fields are named in the error. */
export function parseStateFile(json: Json): PeriStateFile {
  if (!isObject(json)) fail('(root)', 'a JSON object (a Lucid PERI state)', json);
  checkKeys(json, STATE_KEYS, '', 'a state file');
  const version = checkFormat(json, STATE_FORMAT, 'state file');
  const config = prefixed('config', () => parseConfig(json.config));
  if (!Array.isArray(json.params)) fail('params', 'a list of parameter names', json.params);
  const params = json.params.map((p, i) => readString(p, `params[${i}]`));
  const values = parseNumberMap(json.values, 'values');
  const missing = params.find((p) => values[p] === undefined);
  if (missing) throw new PeriConfigError(`values.${missing}`, 'missing: every parameter listed in params needs a value');
  const fit = readObject(json.fit, 'fit');
  checkKeys(fit, ['error', 'sigma', 'npix', 'loglikelihood'], 'fit', 'the fit record');
  const shape = readInts(json.shape, 'shape', 1, 3) as [number, number, number];
  const image = parseImageRecord(json.image);
  if (image && image.tile.r.some((r, i) => r - image.tile.l[i] !== shape[i])) fail('shape', `the crop's shape [${image.tile.r.map((r, i) => r - image.tile.l[i]).join(', ')}]`, json.shape);
  return {
    format: STATE_FORMAT,
    version,
    saved: json.saved === undefined ? '' : readString(json.saved, 'saved'),
    config,
    params,
    values,
    image,
    shape,
    fit: {
      error: readNumber(fit.error, 'fit.error', { min: 0 }),
      sigma: readNumber(fit.sigma, 'fit.sigma', { gt: 0 }),
      npix: readInt(fit.npix, 'fit.npix', 1),
      loglikelihood: readNumber(fit.loglikelihood, 'fit.loglikelihood'),
    },
    error_bars: json.error_bars === undefined ? {} : parseNumberMap(json.error_bars, 'error_bars'),
  };
}
