/**
 * The file's dimensions, plane order and voxel size, from the first match of: ImageJ description,
 * OME-XML, plain TIFF tags (one plane per page, resolution tags in inch or cm).
 */
import type { VoxelSize } from './volume';
import { isImageJDescription, parseImageJDescription } from './imagej';
import { isOmeXml, parseOmeXml } from './ome';

export interface FileTags {
  description?: string;
  /** Pixels per resolution unit, as [numerator, denominator]. */
  xResolution?: [number, number];
  yResolution?: [number, number];
  resolutionUnit?: number;
  software?: string;
}

export interface FileLayout {
  c: number;
  z: number;
  t: number;
  /** Order of the planes in the file, fastest-varying first ('CZT' for ImageJ). */
  planeOrder: string;
  /** 'imagej-contiguous': one IFD, the planes back to back after its first strip (ImageJ files over 4 GB). */
  layout: 'pages' | 'imagej-contiguous';
  voxelSize: VoxelSize;
  frameInterval: number | null;
  source: 'imagej' | 'ome' | 'tiff';
  extra: Record<string, string | number | boolean>;
  warnings: string[];
}

export interface LayoutInput {
  tags: FileTags;
  pageCount: number;
  width: number;
  height: number;
  samplesPerPixel: number;
  /** Whether page 0 is uncompressed (the only case where the contiguous ImageJ layout can be read). */
  uncompressed: boolean;
}

const NO_SIZE: VoxelSize = { z: null, y: null, x: null, unit: null };

function perPixel(res: [number, number] | undefined): number | null {
  if (!res || !(res[0] > 0) || !(res[1] > 0)) return null;
  return res[1] / res[0];
}

function fromImageJ(input: LayoutInput, text: string): FileLayout {
  const ij = parseImageJDescription(text);
  const warnings: string[] = [];
  const images = ij.images ?? ij.channels * ij.slices * ij.frames;
  let { channels: c, slices: z, frames: t } = ij;
  if (c * z * t !== images) {
    if (c * z * t !== 1) warnings.push(`The ImageJ description's channels×slices×frames (${c}×${z}×${t}) does not match images=${images}; reading the planes as a z stack.`);
    [c, z, t] = [1, images, 1];
  }
  const contiguous = images > input.pageCount && input.uncompressed;
  const planes = contiguous ? images : Math.min(images, input.pageCount);
  if (planes < images) {
    warnings.push(`The ImageJ description lists ${images} images but the file holds ${input.pageCount} pages; reading them as a z stack.`);
    [c, z, t] = [1, planes, 1];
  }
  const unit = ij.unit;
  const extra: Record<string, string | number | boolean> = {};
  for (const [k, v] of Object.entries(ij.values)) extra[`imagej.${k}`] = v;
  return {
    c, z, t, planeOrder: 'CZT',
    layout: contiguous ? 'imagej-contiguous' : 'pages',
    voxelSize: unit === null ? NO_SIZE : {
      x: perPixel(input.tags.xResolution), y: perPixel(input.tags.yResolution),
      z: z > 1 ? ij.spacing : null, unit,
    },
    frameInterval: ij.frameInterval,
    source: 'imagej', extra, warnings,
  };
}

function fromOme(input: LayoutInput, xml: string): FileLayout | null {
  const ome = parseOmeXml(xml);
  if (!ome || ome.sizeX !== input.width || ome.sizeY !== input.height) return null;
  let c = ome.sizeC;
  if (input.samplesPerPixel > 1 && c % input.samplesPerPixel === 0) c /= input.samplesPerPixel;
  const warnings: string[] = [];
  if (c * ome.sizeZ * ome.sizeT > input.pageCount) return null;
  if (ome.imageCount > 1) warnings.push(`The OME-TIFF holds ${ome.imageCount} images (series); Lucid reads the first.`);
  const extra: Record<string, string | number | boolean> = {};
  for (const [k, v] of Object.entries(ome.attributes)) extra[`ome.${k}`] = v;
  const ps = ome.physicalSize;
  return {
    c, z: ome.sizeZ, t: ome.sizeT, planeOrder: ome.order, layout: 'pages',
    voxelSize: { x: ps.x, y: ps.y, z: ome.sizeZ > 1 ? ps.z : null, unit: ps.unit },
    frameInterval: ome.timeIncrement, source: 'ome', extra, warnings,
  };
}

/** Leading axes of tifffile's JSON description ({"shape": […], "axes": "TYX"}) as c, z, t and a plane order. */
export function parseShapedDescription(text: string | undefined, planes: number): { c: number; z: number; t: number; order: string } | null {
  if (!text || !text.trimStart().startsWith('{')) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  const { shape, axes } = (parsed ?? {}) as { shape?: unknown; axes?: unknown };
  if (!Array.isArray(shape) || typeof axes !== 'string' || axes.length !== shape.length) return null;
  const letters = axes.toUpperCase().replace(/S$/, '');
  const lead = letters.replace(/YX$/, '');
  if (lead.length === letters.length) return null;
  const sizes = shape.slice(0, lead.length).map(Number);
  if (!sizes.every((n) => Number.isInteger(n) && n > 0) || sizes.reduce((a, b) => a * b, 1) !== planes) return null;
  const dims = { C: 1, Z: 1, T: 1 } as Record<'C' | 'Z' | 'T', number>;
  const kinds = [...lead].map((l) => (l === 'C' || l === 'T' ? l : 'Z'));
  if (new Set(kinds).size !== kinds.length) return { c: 1, z: planes, t: 1, order: 'CZT' };
  kinds.forEach((k, i) => (dims[k] = sizes[i]));
  const order = [...kinds].reverse().join('');
  const rest = ['C', 'Z', 'T'].filter((k) => !order.includes(k)).join('');
  return { c: dims.C, z: dims.Z, t: dims.T, order: order + rest };
}

/** Inch resolutions that are screen or print defaults, not a physical pixel size. */
const DEFAULT_DPI = new Set([1, 72, 96, 150, 300, 600]);

function fromTags(input: LayoutInput): FileLayout {
  const { xResolution, yResolution, resolutionUnit, description } = input.tags;
  const umPerUnit = resolutionUnit === 2 ? 25400 : resolutionUnit === 3 ? 10000 : null;
  const x = perPixel(xResolution);
  const y = perPixel(yResolution);
  const meaningful = umPerUnit !== null && x !== null && !(resolutionUnit === 2 && DEFAULT_DPI.has(1 / x));
  const extra: Record<string, string | number | boolean> = {};
  if (description) extra.description = description.slice(0, 1000);
  const shaped = parseShapedDescription(description, input.pageCount);
  return {
    c: shaped?.c ?? 1, z: shaped?.z ?? input.pageCount, t: shaped?.t ?? 1, planeOrder: shaped?.order ?? 'CZT', layout: 'pages',
    voxelSize: meaningful ? { x: x * umPerUnit, y: y === null ? null : y * umPerUnit, z: null, unit: 'µm' } : NO_SIZE,
    frameInterval: null, source: 'tiff', extra, warnings: [],
  };
}

export function resolveFileLayout(input: LayoutInput): FileLayout {
  const text = input.tags.description;
  const layout = isImageJDescription(text) ? fromImageJ(input, text) : (isOmeXml(text) && fromOme(input, text)) || fromTags(input);
  if (input.tags.software) layout.extra.software = input.tags.software;
  return layout;
}
