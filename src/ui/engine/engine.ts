/**
 * The UI's handle on the engine worker. Everything the UI asks the engine goes through the
 * `UiEngine` subset below, so that tests can pass a fake.
 */
import { EngineClient } from '../../workers/engine-client';
import type { BackendChoice } from '../../workers/protocol';

export type UiEngine = Pick<
  EngineClient,
  | 'backend' | 'setBackend' | 'onEvent' | 'openTiff' | 'openArray' | 'getSlice' | 'getVoxel' | 'closeVolume'
  | 'periDefaultConfig' | 'periCreate' | 'periLoadState' | 'periFeature' | 'periInfo' | 'periParticles' | 'periParams' | 'periSetParams'
  | 'periEdit' | 'periUndo' | 'periRedo' | 'periClosest' | 'periSlice' | 'periNoise' | 'periProjection' | 'periExport'
  | 'periRunFit' | 'periErrorBars' | 'periClose'
>;

let engine: UiEngine | null = null;

/** `?backend=cpu` (or `webgpu`) in the page URL forces that backend; anything else means auto. */
export function backendFromUrl(search: string): BackendChoice | undefined {
  const value = new URLSearchParams(search).get('backend');
  return value === 'cpu' || value === 'webgpu' ? value : undefined;
}

export function startEngine(forceBackend?: BackendChoice): UiEngine {
  engine = EngineClient.start(forceBackend ? { forceBackend } : {});
  return engine;
}

/** Replaces the engine (tests). */
export function setEngine(e: UiEngine | null): void {
  engine = e;
}

export function getEngine(): UiEngine {
  if (!engine) throw new Error('The engine has not been started.');
  return engine;
}
