/** Validation of a model configuration: every problem is reported with the path of its field. */
import { findImageModel, IMAGE_MODELS } from '../models/image-models';
import { COLLECTION_CLASS, componentClassNames, findComponentClass } from './classes';
import { PeriConfigError } from './errors';
import { CONFIG_FORMAT, FORMAT_VERSION, type ComponentSpec, type ImageSpec, type PeriConfig } from './schema';
import { checkKeys, fail, isObject, readBool, readInts, readNumber, readNumbers, readObject, readString, type Json } from './validate';

const CONFIG_KEYS = ['format', 'version', 'name', 'description', 'model', 'pad', 'sigma', 'components', 'link_zscale', 'values', 'image'];
const IMAGE_KEYS = ['path', 'tile', 'invert', 'exposure'];

export const DEFAULT_CONFIG_PAD = 24;
export const DEFAULT_CONFIG_SIGMA = 0.04;

export function checkFormat(obj: Record<string, Json>, format: string, what: string): number {
  if (obj.format !== format) fail('format', `"${format}" (a ${what})`, obj.format);
  const version = obj.version === undefined ? FORMAT_VERSION : obj.version;
  if (version !== FORMAT_VERSION) {
    throw new PeriConfigError('version', `this ${what} has version ${JSON.stringify(version)}; this Lucid reads version ${FORMAT_VERSION}`);
  }
  return version;
}

function parseComponent(v: Json, field: string, inCollection: boolean): ComponentSpec {
  const obj = readObject(v, field);
  checkKeys(obj, ['class', 'args', 'components'], field, 'a component');
  const name = readString(obj.class, `${field}.class`);
  const args = obj.args === undefined ? {} : readObject(obj.args, `${field}.args`);
  if (name === COLLECTION_CLASS) {
    if (inCollection) throw new PeriConfigError(`${field}.class`, 'a ComponentCollection cannot be nested in another');
    checkKeys(args, ['category'], `${field}.args`, 'ComponentCollection');
    if (args.category !== undefined) readString(args.category, `${field}.args.category`);
    if (!Array.isArray(obj.components) || obj.components.length === 0) fail(`${field}.components`, 'a non-empty list of components', obj.components);
    const members = obj.components.map((c, i) => parseComponent(c, `${field}.components[${i}]`, true));
    return { class: name, args, components: members };
  }
  const cls = findComponentClass(name);
  if (!cls) throw new PeriConfigError(`${field}.class`, `unknown component class '${name}'; expected one of ${componentClassNames().join(', ')}`);
  if (obj.components !== undefined) throw new PeriConfigError(`${field}.components`, `only a ComponentCollection has members, not ${cls.name}`);
  checkKeys(args, Object.keys(cls.args), `${field}.args`, cls.name);
  const parsed: Record<string, unknown> = {};
  for (const [k, val] of Object.entries(args)) parsed[k] = cls.args[k](val, `${field}.args.${k}`);
  return { class: cls.name, args: parsed };
}

function parseImage(v: Json): ImageSpec | null {
  if (v === null || v === undefined) return null;
  const obj = readObject(v, 'image');
  checkKeys(obj, IMAGE_KEYS, 'image', 'the image reference');
  const out: ImageSpec = {};
  if (obj.path !== undefined && obj.path !== null) out.path = readString(obj.path, 'image.path');
  if (obj.invert !== undefined) out.invert = readBool(obj.invert, 'image.invert');
  if (obj.exposure !== undefined && obj.exposure !== null) {
    const e = readNumbers(obj.exposure, 'image.exposure', 2);
    if (e[0] === e[1]) fail('image.exposure', 'two different numbers (low, high)', obj.exposure);
    out.exposure = [e[0], e[1]];
  }
  if (obj.tile !== undefined && obj.tile !== null) out.tile = parseTile(obj.tile, 'image.tile');
  return out;
}

export function parseTile(v: Json, field: string): { l: [number, number, number]; r: [number, number, number] } {
  const t = readObject(v, field);
  checkKeys(t, ['l', 'r'], field, 'a tile');
  const l = readInts(t.l, `${field}.l`, 0, 3) as [number, number, number];
  const r = readInts(t.r, `${field}.r`, 0, 3) as [number, number, number];
  if (r.some((x, i) => x <= l[i])) fail(field, 'r > l on every axis', v);
  return { l, r };
}

function parseValues(v: Json): Record<string, number> {
  if (v === undefined) return {};
  const obj = readObject(v, 'values');
  const out: Record<string, number> = {};
  for (const [k, x] of Object.entries(obj)) out[k] = readNumber(x, `values.${k}`);
  return out;
}

/** A validated PeriConfig from parsed JSON (defaults filled in). */
export function parseConfig(json: Json): PeriConfig {
  if (!isObject(json)) fail('(root)', 'a JSON object (a Lucid PERI model configuration)', json);
  checkKeys(json, CONFIG_KEYS, '', 'a model configuration');
  const version = checkFormat(json, CONFIG_FORMAT, 'model configuration');
  const modelName = json.model === undefined ? 'ConfocalImageModel' : readString(json.model, 'model');
  const model = findImageModel(modelName);
  if (!model) throw new PeriConfigError('model', `unknown image model '${modelName}'; expected one of ${IMAGE_MODELS.map((m) => m.name).join(', ')}`);
  if (!Array.isArray(json.components) || json.components.length === 0) fail('components', 'a non-empty list of components', json.components);
  const config: PeriConfig = {
    format: CONFIG_FORMAT,
    version,
    model: model.name,
    pad: json.pad === undefined ? DEFAULT_CONFIG_PAD : readNumber(json.pad, 'pad', { min: 0 }),
    sigma: json.sigma === undefined ? DEFAULT_CONFIG_SIGMA : readNumber(json.sigma, 'sigma', { gt: 0 }),
    components: json.components.map((c, i) => parseComponent(c, `components[${i}]`, false)),
    link_zscale: json.link_zscale === undefined ? false : readBool(json.link_zscale, 'link_zscale'),
    values: parseValues(json.values),
    image: parseImage(json.image),
  };
  if (!Number.isInteger(config.pad)) fail('pad', 'an integer ≥ 0', json.pad);
  if (json.name !== undefined) config.name = readString(json.name, 'name');
  if (json.description !== undefined) config.description = readString(json.description, 'description');
  return config;
}

/** parseConfig of a JSON text, with a message for text that is not JSON. */
export function parseConfigText(text: string): PeriConfig {
  return parseConfig(parseJsonText(text, 'model configuration'));
}

export function parseJsonText(text: string, what: string): Json {
  try {
    return JSON.parse(text) as Json;
  } catch (e) {
    throw new PeriConfigError('(root)', `this ${what} is not valid JSON: ${(e as Error).message}`);
  }
}
