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
export type { DisplayStats, PercentileKey } from '../compute/engine/types';

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
}

export type RequestType = keyof EngineApi;
export const REQUEST_TYPES: readonly RequestType[] = [
  'backend', 'setBackend', 'inspectTiff', 'openTiff', 'openArray',
  'getSlice', 'getVoxel', 'closeVolume', 'simulateDeviceLoss',
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
};

export type RequestOf<K extends RequestType> = { type: K; id: number } & EngineApi[K]['args'];
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
