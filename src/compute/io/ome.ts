/** OME-XML in the first IFD's ImageDescription: dimensions, page order and physical sizes (no DOM parser). */
import { micrometresPer, normalizeLengthUnit, secondsPer } from './units';

export interface OmePixels {
  sizeX: number;
  sizeY: number;
  sizeZ: number;
  sizeC: number;
  sizeT: number;
  /** OME DimensionOrder without 'XY', fastest first: 'ZCT', 'CZT', … */
  order: string;
  type: string | null;
  physicalSize: { x: number | null; y: number | null; z: number | null; unit: string | null };
  timeIncrement: number | null;
  /** How many <Image> elements (series) the file describes; Lucid reads the first. */
  imageCount: number;
  attributes: Record<string, string>;
}

export function isOmeXml(text: string | undefined): text is string {
  return typeof text === 'string' && /<(\w+:)?OME[\s>]/.test(text);
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'").replace(/&#(\d+);/g, (_, d: string) => String.fromCharCode(Number(d)))
    .replace(/&#x([0-9a-fA-F]+);/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/&amp;/g, '&');
}

function attributesOf(tag: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    attrs[m[1]] = unescapeXml(m[2] ?? m[3] ?? '');
  }
  return attrs;
}

function positive(text: string | undefined): number | null {
  const n = Number(text);
  return text !== undefined && Number.isFinite(n) && n > 0 ? n : null;
}

/** Physical sizes in one unit: the common unit when all agree, else converted to µm. */
function physicalSizes(a: Record<string, string>): OmePixels['physicalSize'] {
  const axes = ['X', 'Y', 'Z'] as const;
  // OME's default length unit is the micrometre.
  const sizes = axes.map((ax) => ({
    value: positive(a[`PhysicalSize${ax}`]),
    unit: normalizeLengthUnit(a[`PhysicalSize${ax}Unit`] ?? 'µm') ?? 'µm',
  }));
  const present = sizes.filter((s) => s.value !== null);
  if (present.length === 0) return { x: null, y: null, z: null, unit: null };
  const units = new Set(present.map((s) => s.unit));
  if (units.size === 1) {
    return { x: sizes[0].value, y: sizes[1].value, z: sizes[2].value, unit: present[0].unit };
  }
  const toUm = (s: { value: number | null; unit: string }): number | null => {
    const f = micrometresPer(s.unit);
    return s.value === null || f === null ? null : s.value * f;
  };
  return { x: toUm(sizes[0]), y: toUm(sizes[1]), z: toUm(sizes[2]), unit: 'µm' };
}

/** Parses the first <Pixels> element; null when there is none or its sizes are not positive integers. */
export function parseOmeXml(xml: string): OmePixels | null {
  const pixelsTag = /<(?:\w+:)?Pixels\b[^>]*>/.exec(xml);
  if (!pixelsTag) return null;
  const a = attributesOf(pixelsTag[0]);
  const size = (k: string): number | null => {
    const n = positive(a[k]);
    return n !== null && Number.isInteger(n) ? n : null;
  };
  const [sx, sy, sz, sc, st] = ['SizeX', 'SizeY', 'SizeZ', 'SizeC', 'SizeT'].map(size);
  if (!sx || !sy || !sz || !sc || !st) return null;
  const order = (a.DimensionOrder ?? 'XYZCT').toUpperCase().replace(/^XY/, '');
  const timeScale = secondsPer(a.TimeIncrementUnit ?? 's');
  const increment = positive(a.TimeIncrement);
  return {
    sizeX: sx, sizeY: sy, sizeZ: sz, sizeC: sc, sizeT: st,
    order: /^[CZT]{3}$/.test(order) && new Set(order).size === 3 ? order : 'ZCT',
    type: a.Type ?? null,
    physicalSize: physicalSizes(a),
    timeIncrement: increment !== null && timeScale !== null ? increment * timeScale : null,
    imageCount: (xml.match(/<(?:\w+:)?Image\b[\s>]/g) ?? []).length,
    attributes: a,
  };
}
