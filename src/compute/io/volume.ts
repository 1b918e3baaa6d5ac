/** The one in-memory image type of Lucid: a 3-D float32 array indexed (z, y, x) or (t, y, x). */

export type SourceDtype =
  | 'uint8' | 'uint16' | 'uint32'
  | 'int8' | 'int16' | 'int32'
  | 'float32' | 'float64';

/** What the first axis means: depth (a z stack) or time (a movie). A 2-D image is a stack of one. */
export type LeadingAxis = 'z' | 't';

/** Physical size of one voxel; a null entry means the file does not say. */
export interface VoxelSize {
  z: number | null;
  y: number | null;
  x: number | null;
  /** Unit of the three sizes as written in the file, normalised ('µm', 'nm', 's' for a frame interval…). */
  unit: string | null;
}

export interface Volume {
  /** Row-major data, index = (i0 * ny + y) * nx + x. */
  data: Float32Array;
  /** [n0, ny, nx]; n0 is z or t according to `axis`. */
  shape: [number, number, number];
  axis: LeadingAxis;
  voxelSize: VoxelSize;
  /** Sample type in the file before conversion to float32. */
  dtype: SourceDtype;
  /** Minimum and maximum of the raw data as read. */
  rawRange: [number, number];
  metadata: VolumeMetadata;
}

export interface VolumeMetadata {
  /** File name without directories, when known. */
  name?: string;
  /** Dimensions of the whole file (before picking a channel / time point). */
  fileDims?: { c: number; t: number; z: number; y: number; x: number };
  /** Which channel (and, for 5-D data viewed as a stack, which frame) this volume holds. */
  channel?: number;
  frame?: number;
  /** Frame interval in seconds for time series, when known. */
  frameInterval?: number | null;
  /** Where the metadata came from. */
  source?: 'imagej' | 'ome' | 'tiff' | 'lucid';
  /** Free-form key/values kept from the file (ImageJ description keys, OME attributes, software…). */
  extra?: Record<string, string | number | boolean>;
  /** Non-fatal remarks from reading the file (e.g. metadata that did not match the pages). */
  warnings?: string[];
}

export function voxelCount(shape: readonly [number, number, number]): number {
  return shape[0] * shape[1] * shape[2];
}
