/**
 * Messages between the main thread and the engine worker. Every request carries an `id`; the worker
 * answers it with exactly one `result` or `error` (plus any number of `progress` messages before).
 * Events arrive unasked. Discriminated by `type` throughout.
 */
import type { TiffSummary } from '../compute/io/tiff-summary';
import type {
  BackendChoice,
  BackendInfo,
  EngineEvent,
  OpenArrayOptions,
  OpenTiffOptions,
  Plane,
  Slice,
  VolumeInfo,
} from '../compute/engine/types';
import type { ChoiceRequiredDetails, EngineErrorPayload } from '../compute/engine/errors';
import type { ProgressDetail } from '../compute/engine/types';
import type { StatemakerChoices } from '../compute/engine/peri-session-choices';
import type { PeriConfig } from '../compute/peri/config/schema';
import type {
  EditResult, FeatureArgs, FeatureResult, FitArgs, FitResult, NoiseExamination, ParticleList, PeriCreateArgs, PeriEdit,
  PeriExportArgs, PeriExportResult, PeriSessionInfo, PeriSlice, PeriView, Projection, ProjectionAxis, Vec3,
} from '../compute/engine/peri-session-types';

export type {
  ChoiceRequiredDetails,
  BackendChoice,
  BackendInfo,
  EngineEvent,
  EngineErrorPayload,
  OpenArrayOptions,
  OpenTiffOptions,
  Plane,
  Slice,
  TiffSummary,
  VolumeInfo,
};
export type { DisplayStats, PercentileKey, ProgressDetail } from '../compute/engine/types';
export type * from '../compute/engine/peri-session-types';
export type { StatemakerChoices, PeriConfig };

/** A row of the parameter table. */
export interface ParamRow {
  name: string;
  value: number;
  error: number | null;
}

/** Each request type: the fields it sends and the result it gets back. */
export interface EngineApi {
  backend: { args: Record<never, never>; result: BackendInfo };
  /** 'auto' uses WebGPU when an adapter is there, else the CPU. */
  setBackend: { args: { choice: BackendChoice | 'auto' }; result: BackendInfo };
  inspectTiff: { args: { bytes: ArrayBuffer }; result: TiffSummary };
  openTiff: { args: { bytes: ArrayBuffer; opts: OpenTiffOptions }; result: VolumeInfo };
  openArray: { args: { data: Float32Array; opts: OpenArrayOptions }; result: VolumeInfo };
  getSlice: { args: { volumeId: string; plane: Plane; index: number }; result: Slice };
  getVoxel: { args: { volumeId: string; z: number; y: number; x: number }; result: number };
  closeVolume: { args: { volumeId: string }; result: null };
  simulateDeviceLoss: { args: Record<never, never>; result: BackendInfo };
  // PERI fitting sessions (src/compute/engine/peri-sessions.ts); positions in crop pixels.
  /** PERI's statemaker components scaled to an image shape (z, y, x). */
  periDefaultConfig: { args: { shape: Vec3; choices: StatemakerChoices }; result: PeriConfig };
  periCreate: { args: { args: PeriCreateArgs }; result: PeriSessionInfo };
  periLoadState: { args: { volumeId: string; text: string }; result: PeriSessionInfo };
  periFeature: { args: { args: FeatureArgs }; result: FeatureResult };
  periInfo: { args: { sessionId: string }; result: PeriSessionInfo };
  periParticles: { args: { sessionId: string }; result: ParticleList };
  periParams: { args: { sessionId: string }; result: ParamRow[] };
  periSetParams: { args: { sessionId: string; names: string[]; values: number[] }; result: PeriSessionInfo };
  periEdit: { args: { sessionId: string; edit: PeriEdit }; result: EditResult };
  periUndo: { args: { sessionId: string }; result: EditResult };
  periRedo: { args: { sessionId: string }; result: EditResult };
  periClosest: { args: { sessionId: string; pos: Vec3 }; result: number | null };
  periSlice: { args: { sessionId: string; view: PeriView; plane: Plane; index: number }; result: PeriSlice };
  periNoise: { args: { sessionId: string; bins?: number; xlim?: number }; result: NoiseExamination };
  periProjection: { args: { sessionId: string; source: 'data' | 'model'; axis: ProjectionAxis }; result: Projection };
  periExport: { args: { args: PeriExportArgs }; result: PeriExportResult };
  periRunFit: { args: { args: FitArgs }; result: FitResult };
  /** Particles' 1-σ error bars from the Cramér–Rao bound. */
  periErrorBars: { args: { sessionId: string }; result: PeriSessionInfo };
  periClose: { args: { sessionId: string }; result: null };
}

export type RequestType = keyof EngineApi;
export const REQUEST_TYPES: readonly RequestType[] = [
  'backend', 'setBackend', 'inspectTiff', 'openTiff', 'openArray',
  'getSlice', 'getVoxel', 'closeVolume', 'simulateDeviceLoss',
  'periDefaultConfig', 'periCreate', 'periLoadState', 'periFeature', 'periInfo', 'periParticles', 'periParams', 'periSetParams', 'periEdit',
  'periUndo', 'periRedo', 'periClosest', 'periSlice', 'periNoise', 'periProjection', 'periExport', 'periRunFit', 'periErrorBars', 'periClose',
];

/** How each request is named in error messages ("… failed unexpectedly", "… was cancelled"). */
export const OPERATION_NAMES: Record<RequestType, string> = {
  backend: 'querying the backend',
  setBackend: 'switching the backend',
  inspectTiff: 'inspecting the TIFF file',
  openTiff: 'opening the TIFF file',
  openArray: 'opening the array',
  getSlice: 'reading a slice',
  getVoxel: 'reading a voxel',
  closeVolume: 'closing the volume',
  simulateDeviceLoss: 'simulating a device loss',
  periDefaultConfig: 'making the default model',
  periCreate: 'creating the PERI state',
  periLoadState: 'loading the state file',
  periFeature: 'featuring particles',
  periInfo: 'reading the fit session',
  periParticles: 'listing the particles',
  periParams: 'listing the parameters',
  periSetParams: 'changing parameters',
  periEdit: 'editing particles',
  periUndo: 'undoing a particle edit',
  periRedo: 'redoing a particle edit',
  periClosest: 'finding the closest particle',
  periSlice: 'reading a slice of the fit',
  periNoise: 'examining the noise',
  periProjection: 'projecting the volume',
  periExport: 'exporting',
  periRunFit: 'fitting',
  periErrorBars: 'computing error bars',
  periClose: 'closing the fit session',
};

/** `abortFlag`: a shared one-int flag the client raises on abort (see shared-abort.ts). */
export type RequestOf<K extends RequestType> = { type: K; id: number; abortFlag?: Int32Array } & EngineApi[K]['args'];
export type ResultOf<K extends RequestType> = EngineApi[K]['result'];

export type EngineRequest = { [K in RequestType]: RequestOf<K> }[RequestType];

/** Asks the worker to abort the request `id` (it then answers it with a `cancelled` error). */
export interface CancelMessage {
  type: 'cancel';
  id: number;
}

export type ToEngineMessage = EngineRequest | CancelMessage;

export type ResultMessage = { [K in RequestType]: { type: 'result'; id: number; request: K; result: ResultOf<K> } }[RequestType];
export interface ErrorMessage {
  type: 'error';
  id: number;
  error: EngineErrorPayload;
}
export interface ProgressMessage {
  type: 'progress';
  id: number;
  fraction: number;
  stage: string;
  detail?: ProgressDetail;
}
export interface EventMessage {
  type: 'event';
  event: EngineEvent;
}

export type FromEngineMessage = ResultMessage | ErrorMessage | ProgressMessage | EventMessage;

/**
 * The smallest port both sides need: a Worker, a worker's global scope, a MessagePort (browser or
 * node:worker_threads) all fit.
 */
export interface MessagePortLike {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (ev: { data: unknown }) => void): void;
  removeEventListener(type: 'message', listener: (ev: { data: unknown }) => void): void;
  start?(): void;
}

export function isRequestType(value: unknown): value is RequestType {
  return typeof value === 'string' && (REQUEST_TYPES as readonly string[]).includes(value);
}
