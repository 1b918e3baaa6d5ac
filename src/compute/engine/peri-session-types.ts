/**
 * Plain data of PERI fitting sessions as they cross the worker boundary: small and
 * structured-cloneable, except slices and projections (transferred Float32Arrays).
 */
import type { NoiseExamination } from '../peri/inspect/noise';
import type { Projection, ProjectionAxis } from '../peri/inspect/mip';
import type { Plane, Slice } from './types';

export type { NoiseExamination, Projection, ProjectionAxis };

export type Vec3 = [number, number, number];

/** A half-open box in voxels of the open volume, (z, y, x). */
export interface CropBox {
  l: Vec3;
  r: Vec3;
}

/** Where the initial particles come from. */
export type InitialParticles =
  /** The configuration's own pos and rad. */
  | { source: 'config' }
  /** An explicit list in crop pixels (e.g. the featuring preview). */
  | { source: 'list'; pos: Vec3[]; rad: number | number[] }
  /** A positions file (JSON or CSV, see peri-session-positions.ts); radius when the file has none. */
  | { source: 'positions'; text: string; fileName: string; radius: number };

export interface PeriCreateArgs {
  volumeId: string;
  /** A `lucid.peri.config` object (a preset or one edited by the user). */
  config: unknown;
  /** The crop to fit, in voxels of the volume; default the whole volume. */
  crop?: CropBox | null;
  /** Raw values mapped to 0 and 1; default (0, 255) for 8-bit data, else the data's (min, max). */
  exposure?: [number, number] | null;
  invert?: boolean;
  /** Replaces the configuration's zscale (z pixel / xy pixel, e.g. from the file's metadata). */
  zscale?: number | null;
  particles: InitialParticles;
}

export interface FeatureArgs {
  volumeId: string;
  crop?: CropBox | null;
  /** Featuring radius, px. */
  radius: number;
  /** Dark particles in bright fluid (the confocal dyed-fluid case): feature 1 − (image − mean). Default true. */
  invert?: boolean;
  /** Minimum mass; default PERI's 0.01·(4/3)π·r³. */
  minmass?: number | null;
}

export interface FeatureResult {
  /** Centres in crop pixels (z, y, x), by decreasing mass. */
  pos: Vec3[];
  radius: number;
}

export interface ComponentSummary {
  category: string;
  /** PERI's class name. */
  className: string;
  params: number;
  /** Has a field that the manipulator can show (C cycles through these). */
  hasField: boolean;
}

export interface PeriSessionInfo {
  sessionId: string;
  volumeId: string;
  name: string;
  model: string;
  /** Shape of the fitted crop (z, y, x). */
  shape: Vec3;
  crop: CropBox;
  pad: number;
  components: ComponentSummary[];
  paramCount: number;
  particleCount: number;
  zscale: number | null;
  error: number;
  sigma: number;
  loglikelihood: number;
  npix: number;
  /** √(error/npix): the residuals' RMS. */
  residualRms: number;
  /** (0.1 %, 99.9 %) of the data, for the data and model views. */
  dataRange: [number, number];
  undo: string | null;
  redo: string | null;
  /** Increases with every change of the state. */
  version: number;
  fitAvailable: boolean;
  fitRunning: boolean;
}

export interface ParticleRow {
  /** Stable id of the particle in this session (survives removals of others and undo). */
  id: number;
  /** Position in PERI's particle order (sph-{index}-*). */
  index: number;
  /** Centre (crop pixels) and radius (x pixels). */
  z: number;
  y: number;
  x: number;
  a: number;
  errors: { z: number | null; y: number | null; x: number | null; a: number | null } | null;
  /** Radius > 0 and centre inside the image (PERI's good_particles). */
  inImage: boolean;
}

export interface ParticleList {
  version: number;
  particles: ParticleRow[];
}

/** A particle edit; each is one undo step (moves sharing `merge` coalesce, e.g. one grab drag). */
export type PeriEdit =
  /** Adds at pos (crop pixels) with rad, default the mean radius (5 without particles), as PERI. */
  | { type: 'add'; pos: Vec3; rad?: number }
  | { type: 'remove'; id: number }
  | { type: 'remove-closest'; pos: Vec3 }
  | { type: 'move'; id: number; pos: Vec3; merge?: string }
  | { type: 'resize'; id: number; rad: number; merge?: string };

export interface EditResult {
  info: PeriSessionInfo;
  /** The particle the edit touched (added, removed, moved). */
  id: number | null;
}

export type PeriViewKind = 'data' | 'model' | 'residuals' | 'component';

export interface PeriView {
  kind: PeriViewKind;
  /** Category for kind 'component' (obj, ilm, bkg, …). */
  component?: string;
  /** fftshift(|fftn(view)|^0.2), auto-scaled. */
  fourier?: boolean;
}

/** A section of a view volume, with the range of the whole volume (for auto-scaling). */
export interface PeriSlice extends Slice {
  range: [number, number];
  version: number;
}

export type PeriExportKind = 'particles-json' | 'particles-csv' | 'state' | 'model-tiff' | 'residuals-tiff' | 'component-tiff';

export interface PeriExportArgs {
  sessionId: string;
  kind: PeriExportKind;
  component?: string;
}

export interface PeriExportResult {
  fileName: string;
  mime: string;
  /** Text files (JSON, CSV). */
  text?: string;
  /** Binary files (TIFF). */
  bytes?: ArrayBuffer;
}

/** PERI's optimisation schedules and single stages. */
export type FitSchedule = 'optimize_from_initial' | 'finish_state' | 'burn' | 'polish' | 'add_subtract' | 'particles';

/** Sections the UI shows, sent back with fit progress (the engine is busy and answers no slice requests). */
export interface LiveView {
  view: PeriView;
  slices: { plane: Plane; index: number }[];
}

export interface FitArgs {
  sessionId: string;
  schedule: FitSchedule;
  /** Particles (ids) for 'particles' (PERI's do_levmarq_particles). */
  ids?: number[];
  live?: LiveView;
}

export type FitProgressDetail = {
  stage: string;
  loop: number;
  error: number;
  elapsedMs: number;
  version: number;
  /** At most every LIVE_INTERVAL_MS: the live view's sections and the particles. */
  slices?: (PeriSlice & { plane: Plane; index: number })[];
  particles?: ParticleRow[];
};

export interface FitResult {
  info: PeriSessionInfo;
  /** (elapsed ms, error) along the fit. */
  trace: { ms: number; error: number; stage: string }[];
  stoppedEarly: boolean;
  /** The fitter's warnings (e.g. "did not converge"). */
  warnings: string[];
}

export type { Slice };
