import { describe, expect, it } from 'vitest';
import type { VolumeInfo } from '../../workers/protocol';
import { createLucidStore } from '../store';
import { followCursorValue } from './cursor-value';
import type { UiEngine } from './engine';

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('followCursorValue', () => {
  it('reads the engine value at the cursor and follows it', async () => {
    const store = createLucidStore();
    const asked: number[][] = [];
    const engine = {
      getVoxel: async (_id: string, z: number, y: number, x: number) => {
        asked.push([z, y, x]);
        return z * 100 + y * 10 + x;
      },
    } as unknown as UiEngine;
    const stop = followCursorValue(store, engine);
    store.getState().setVolume({
      volumeId: 'v', name: 'v', shape: [3, 4, 5], axis: 'z', voxelSize: { z: 1, y: 1, x: 1, unit: null },
      dtype: 'float32', rawRange: [0, 1], metadata: {}, statsBackend: 'cpu', warnings: [],
      stats: { count: 60, nanCount: 0, min: 0, max: 1, mean: 0, std: 0, percentiles: { '0.1': 0, '1': 0, '2': 0, '98': 1, '99': 1, '99.9': 1 }, histogram: { min: 0, max: 1, counts: [1] } },
    } as VolumeInfo);
    await settle();
    expect(store.getState().cursorValue).toEqual({ z: 1, y: 2, x: 2, volumeId: 'v', value: 122 });
    store.getState().setCursor({ z: 2, y: 3, x: 4 });
    await settle();
    expect(store.getState().cursorValue).toEqual({ z: 2, y: 3, x: 4, volumeId: 'v', value: 234 });
    stop();
    store.getState().setCursor({ z: 0 });
    await settle();
    expect(asked).toHaveLength(2);
  });
});
