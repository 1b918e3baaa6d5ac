import { describe, expect, it } from 'vitest';
import type { VolumeInfo } from '../../compute/engine/types';
import { createLucidStore } from './index';
import { backendLabel } from './status-slice';

function volume(min: number, max: number, id = 'vol-1'): VolumeInfo {
  return {
    volumeId: id,
    name: 'test.tif',
    shape: [48, 64, 80],
    axis: 'z',
    voxelSize: { z: 0.5, y: 0.1, x: 0.1, unit: 'µm' },
    dtype: 'uint8',
    rawRange: [min, max],
    metadata: {},
    stats: {
      count: 1, nanCount: 0, min, max, mean: 0, std: 1,
      percentiles: { '0.1': min + 1, '1': min + 2, '2': min + 3, '98': max - 3, '99': max - 2, '99.9': max - 1 },
      histogram: { min, max, counts: [1] },
    },
    statsBackend: 'cpu',
    warnings: [],
  };
}

describe('lucid store', () => {
  it('opens a volume with the cursor at its centre and auto contrast', () => {
    const store = createLucidStore();
    store.getState().setTransform('xy', { zoom: 3, panX: 5, panY: 5 });
    store.getState().setVolume(volume(0, 255));
    const s = store.getState();
    expect(s.cursor).toEqual({ z: 24, y: 32, x: 40 });
    expect(s.transforms.xy).toEqual({ zoom: 1, panX: 0, panY: 0 });
    expect(s.lut).toBe('grey');
    expect(s.clim).toEqual([1, 254]);
  });

  it('picks the diverging LUT, centred on 0, for signed data', () => {
    const store = createLucidStore();
    store.getState().setVolume(volume(-50, 20));
    expect(store.getState().lut).toBe('diverging');
    expect(store.getState().clim).toEqual([-49, 49]);
    store.getState().setLut('grey');
    expect(store.getState().clim).toEqual([-49, 19]);
  });

  it('clamps and rounds cursor moves to the volume, and ignores them without a volume', () => {
    const store = createLucidStore();
    store.getState().setCursor({ z: 5 });
    expect(store.getState().cursor).toEqual({ z: 0, y: 0, x: 0 });
    store.getState().setVolume(volume(0, 1));
    store.getState().setCursor({ z: 100, y: -4, x: 7.6 });
    expect(store.getState().cursor).toEqual({ z: 47, y: 0, x: 8 });
    store.getState().moveCursor('z', -10);
    expect(store.getState().cursor.z).toBe(37);
    store.getState().setCursor({ x: Number.NaN });
    expect(store.getState().cursor.x).toBe(0);
  });

  it('refuses invalid contrast limits with a message and keeps the old ones', () => {
    const store = createLucidStore();
    store.getState().setVolume(volume(0, 255));
    expect(store.getState().setClim(10, 5)).toMatch(/must be above/);
    expect(store.getState().clim).toEqual([1, 254]);
    expect(store.getState().setClim(10, 50)).toBeNull();
    expect(store.getState().clim).toEqual([10, 50]);
    store.getState().autoContrast('min-max');
    expect(store.getState().clim).toEqual([0, 255]);
  });

  it('keeps notices short: one per message, at most five', () => {
    const store = createLucidStore();
    for (let i = 0; i < 7; i++) store.getState().notify('error', `bad ${i}`);
    store.getState().notify('error', 'bad 6');
    const messages = store.getState().notices.map((n) => n.message);
    expect(messages).toEqual(['bad 2', 'bad 3', 'bad 4', 'bad 5', 'bad 6']);
    store.getState().dismiss(store.getState().notices[0].id);
    expect(store.getState().notices).toHaveLength(4);
  });

  it('names the backend as the adapter or "CPU fallback"', () => {
    expect(backendLabel({ kind: 'webgpu', adapterName: 'SwiftShader', maxBufferSize: 1, maxStorageBufferBindingSize: 1 })).toBe('SwiftShader');
    expect(backendLabel({ kind: 'cpu', reason: 'no adapter' })).toBe('CPU fallback');
    expect(backendLabel(null)).toBe('starting…');
  });
});
