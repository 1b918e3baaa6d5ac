/** ImageJ's `ImageDescription` (key=value lines in the first IFD): parsing and writing. */
import { normalizeLengthUnit, secondsPer, imageJUnit } from './units';

export type ImageJValue = string | number | boolean;

export interface ImageJDescription {
  /** Every key as written, numbers and booleans converted. */
  values: Record<string, ImageJValue>;
  images: number | null;
  channels: number;
  slices: number;
  frames: number;
  /** z spacing in `unit`. */
  spacing: number | null;
  unit: string | null;
  /** Seconds between frames (from `finterval` and `tunit`, or `fps`). */
  frameInterval: number | null;
}

export function isImageJDescription(text: string | undefined): text is string {
  return typeof text === 'string' && /^ImageJ=/.test(text.trimStart());
}

function parseValue(raw: string): ImageJValue {
  if (raw === 'true') return true;
  if (raw === 'false') return false;
  const n = Number(raw);
  return raw.trim() !== '' && Number.isFinite(n) ? n : raw;
}

function positiveInt(v: ImageJValue | undefined): number | null {
  return typeof v === 'number' && Number.isInteger(v) && v > 0 ? v : null;
}

function positiveNumber(v: ImageJValue | undefined): number | null {
  return typeof v === 'number' && v > 0 ? v : null;
}

export function parseImageJDescription(text: string): ImageJDescription {
  const values: Record<string, ImageJValue> = {};
  for (const line of text.replace(/\0/g, '').split(/\r?\n/)) {
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    values[line.slice(0, eq).trim()] = parseValue(line.slice(eq + 1).trim());
  }
  const finterval = positiveNumber(values.finterval);
  const fps = positiveNumber(values.fps);
  const tunitScale = secondsPer(typeof values.tunit === 'string' ? values.tunit : null);
  let frameInterval: number | null = null;
  if (finterval !== null && tunitScale !== null) frameInterval = finterval * tunitScale;
  else if (fps !== null) frameInterval = 1 / fps;
  return {
    values,
    images: positiveInt(values.images),
    channels: positiveInt(values.channels) ?? 1,
    slices: positiveInt(values.slices) ?? 1,
    frames: positiveInt(values.frames) ?? 1,
    spacing: positiveNumber(values.spacing),
    unit: normalizeLengthUnit(typeof values.unit === 'string' ? values.unit : null),
    frameInterval,
  };
}

export interface ImageJDescriptionInput {
  slices: number;
  frames: number;
  spacing?: number | null;
  unit?: string | null;
  frameInterval?: number | null;
  min?: number;
  max?: number;
}

function formatNumber(x: number): string {
  return Number.isInteger(x) ? x.toFixed(1) : String(x);
}

/** The description ImageJ and tifffile recognise as a grayscale hyperstack (page order CZT). */
export function formatImageJDescription(d: ImageJDescriptionInput): string {
  const images = d.slices * d.frames;
  const lines = ['ImageJ=1.11a'];
  if (images > 1) {
    lines.push(`images=${images}`);
    if (d.slices > 1) lines.push(`slices=${d.slices}`);
    if (d.frames > 1) lines.push(`frames=${d.frames}`);
    lines.push('hyperstack=true');
  }
  lines.push('mode=grayscale');
  if (d.unit) lines.push(`unit=${imageJUnit(d.unit)}`);
  if (d.spacing != null && d.slices > 1) lines.push(`spacing=${d.spacing}`);
  if (images > 1) lines.push('loop=false');
  if (d.frameInterval != null && d.frames > 1) lines.push(`finterval=${d.frameInterval}`);
  if (d.min !== undefined && d.max !== undefined && Number.isFinite(d.min) && Number.isFinite(d.max)) {
    lines.push(`min=${formatNumber(d.min)}`, `max=${formatNumber(d.max)}`);
  }
  return lines.join('\n') + '\n';
}
