/** What a cheap scan of a TIFF file tells: its dimensions, sample type, metadata and the choices it needs. */
import type { LeadingAxis, SourceDtype, VoxelSize } from './volume';
import type { FileLayout } from './tiff-metadata';
import type { PageLayout } from './tiff-page';
import { compressionName, PHOTOMETRIC_NAMES } from './tiff-page';
import type { TiffStructure } from './tiff-structure';

export interface TiffDims {
  c: number;
  t: number;
  z: number;
  y: number;
  x: number;
}

export interface TiffSummary {
  dims: TiffDims;
  /** IFDs in the file. */
  pageCount: number;
  /** Planes of pixels (c·z·t). */
  planeCount: number;
  layout: FileLayout['layout'];
  /** Order of the planes, fastest-varying first ('CZT' for ImageJ hyperstacks). */
  planeOrder: string;
  dtype: SourceDtype;
  samplesPerPixel: number;
  photometric: string;
  rgb: boolean;
  compression: string;
  littleEndian: boolean;
  bigTiff: boolean;
  /** Leading axis of the volume `readTiff` returns: 'z' unless the file is a time series of single planes. */
  axis: LeadingAxis;
  /** Shape of that volume once the choices are made. */
  shape: [number, number, number];
  voxelSize: VoxelSize;
  frameInterval: number | null;
  source: FileLayout['source'];
  extra: Record<string, string | number | boolean>;
  /** What `readTiff` needs told: a channel (c > 1), a time point (z > 1 and t > 1), an RGB sample or luminance. */
  choices: { channel: boolean; frame: boolean; rgb: boolean };
  warnings: string[];
}

export function buildSummary(structure: TiffStructure, page0: PageLayout, dtype: SourceDtype, file: FileLayout): TiffSummary {
  const { c, z, t } = file;
  const dims: TiffDims = { c, t, z, y: page0.height, x: page0.width };
  const axis: LeadingAxis = z === 1 && t > 1 ? 't' : 'z';
  return {
    dims,
    pageCount: structure.ifds.length,
    planeCount: c * z * t,
    layout: file.layout,
    planeOrder: file.planeOrder,
    dtype,
    samplesPerPixel: page0.samplesPerPixel,
    photometric: PHOTOMETRIC_NAMES[page0.photometric] ?? String(page0.photometric),
    rgb: page0.samplesPerPixel > 1,
    compression: compressionName(page0.compression),
    littleEndian: structure.littleEndian,
    bigTiff: structure.bigTiff,
    axis,
    shape: [axis === 't' ? t : z, page0.height, page0.width],
    voxelSize: file.voxelSize,
    frameInterval: file.frameInterval,
    source: file.source,
    extra: file.extra,
    choices: { channel: c > 1, frame: z > 1 && t > 1, rgb: page0.samplesPerPixel > 1 },
    warnings: file.warnings,
  };
}

/** Index of plane (c, z, t) in the file for a plane order such as 'CZT' (fastest first). */
export function planeIndex(order: string, dims: TiffDims, at: { c: number; z: number; t: number }): number {
  let index = 0;
  let stride = 1;
  for (const letter of order) {
    const key = letter.toLowerCase() as 'c' | 'z' | 't';
    index += at[key] * stride;
    stride *= dims[key];
  }
  return index;
}
