/** Shared fixtures of the fitting-session tests: a small confocal volume open in a CPU engine. */
import { smallConfig, smallState, SMALL_SHAPE } from '../peri/state/testing';
import type { PeriConfig } from '../peri/config/schema';
import { Engine, type EngineOptions } from './engine';
import type { PeriCreateArgs } from './peri-session-types';

export { smallConfig, SMALL_SHAPE };

/** The small state's data (model + noise) as an open float32 volume, with its voxel size. */
export async function engineWithVolume(opts: Partial<EngineOptions> = {}): Promise<{ engine: Engine; volumeId: string; data: Float32Array }> {
  const engine = new Engine({ gpu: null, ...opts });
  const data = smallState().data.slice();
  const info = await engine.openArray(data.slice(), {
    name: 'small.tif',
    shape: [...SMALL_SHAPE],
    voxelSize: { z: 0.1125, y: 0.125, x: 0.125, unit: 'µm' },
  });
  return { engine, volumeId: info.volumeId, data };
}

export function createArgs(volumeId: string, over: Partial<PeriCreateArgs> = {}, config: PeriConfig = smallConfig()): PeriCreateArgs {
  return { volumeId, config, exposure: [0, 1], particles: { source: 'config' }, ...over };
}
