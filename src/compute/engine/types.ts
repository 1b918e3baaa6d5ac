/** Plain data types the engine hands out: small, structured-cloneable, no typed arrays except slices. */
import type { LeadingAxis, Volume, VoxelSize } from '../io/volume';

/** Which backend runs the compute work. The UI shows `adapterName` or "CPU fallback". */
export type BackendInfo =
  | { kind: 'webgpu'; adapterName: string; maxStorageBufferBindingSize: number; maxBufferSize: number }
  | { kind: 'cpu'; reason: string };

export type BackendChoice = 'cpu' | 'webgpu';

/** The orthogonal planes: xy (rows y, cols x), xz (rows z, cols x), yz (rows y, cols z), as in Fiji. */
export type Plane = 'xy' | 'xz' | 'yz';
export const PLANES: readonly Plane[] = ['xy', 'xz', 'yz'];

/** One 2-D section, row-major: data[row * width + col]. */
export interface Slice {
  width: number;
  height: number;
  data: Float32Array;
}

/** Percentiles the viewer uses for auto-contrast presets. */
export const DISPLAY_PERCENTILES = ['0.1', '1', '2', '98', '99', '99.9'] as const;
export type PercentileKey = (typeof DISPLAY_PERCENTILES)[number];

/** Number of bins of the display histogram in `VolumeInfo.stats`. */
export const DISPLAY_HISTOGRAM_BINS = 256;

export interface DisplayStats {
  count: number;
  nanCount: number;
  min: number;
  max: number;
  mean: number;
  std: number;
  percentiles: Record<PercentileKey, number>;
  /** `counts.length` equal bins spanning [min, max] of the finite data. */
  histogram: { min: number; max: number; counts: number[] };
}

/** Everything the UI needs to know about an open volume (its header, as `Volume`); the voxels stay in the engine. */
export interface VolumeInfo extends Omit<Volume, 'data'> {
  volumeId: string;
  name: string;
  stats: DisplayStats;
  /** Where the statistics were computed. */
  statsBackend: BackendChoice;
  /** Non-fatal remarks for the user (e.g. the volume exceeds the GPU's binding limit). */
  warnings: string[];
}

export interface OpenTiffOptions {
  name: string;
  channel?: number;
  frame?: number;
  rgb?: 'luminance' | 0 | 1 | 2;
}

/** A volume given directly as float32 voxels (generated data, tests, benchmarks). */
export interface OpenArrayOptions {
  name: string;
  shape: [number, number, number];
  axis?: LeadingAxis;
  voxelSize?: VoxelSize;
}

/** What a long request reports besides its fraction (a fit's stage, loop, error, live slices). */
export type ProgressDetail = Record<string, unknown>;

/** Progress of a long request: overall fraction in [0, 1], the current stage in words, optional detail. */
export type ProgressCallback = (fraction: number, stage: string, detail?: ProgressDetail) => void;

export interface RequestControl {
  signal?: AbortSignal;
  onProgress?: ProgressCallback;
}

/** Events the engine emits without being asked. */
export type EngineEvent =
  /** The active backend changed (device recreated after a loss, or fell back to the CPU). */
  | { type: 'backend'; backend: BackendInfo; message: string }
  /** An error that belongs to no request (e.g. an unhandled rejection inside the worker). */
  | { type: 'engine-error'; message: string }
  /** The worker died and was started again; every volume it held is gone. */
  | { type: 'engine-restarted'; message: string };
