/** Keeps `cursorValue` in the store equal to the engine's value at the cursor. */
import type { LucidStore } from '../store';
import { LatestOnly } from '../render/latest-only';
import type { UiEngine } from './engine';

/** Starts following the cursor; returns the function that stops. */
export function followCursorValue(store: LucidStore, engine: UiEngine): () => void {
  const voxel = (index: number, shape: readonly number[]) => {
    const nx = shape[2];
    const ny = shape[1];
    return { z: Math.floor(index / (ny * nx)), y: Math.floor(index / nx) % ny, x: index % nx };
  };
  const reader = new LatestOnly<number>(
    (volumeId, index) => {
      const shape = store.getState().volume?.shape ?? [1, 1, 1];
      const { z, y, x } = voxel(index, shape);
      return engine.getVoxel(volumeId, z, y, x);
    },
    (d) => {
      const volume = store.getState().volume;
      if (!volume || volume.volumeId !== d.key) return;
      store.getState().setCursorValue({ ...voxel(d.index, volume.shape), volumeId: d.key, value: d.result });
    },
    () => store.getState().setCursorValue(null),
  );
  const update = () => {
    const { volume, cursor } = store.getState();
    if (!volume) return;
    const [, ny, nx] = volume.shape;
    reader.want(volume.volumeId, (cursor.z * ny + cursor.y) * nx + cursor.x);
  };
  const unsubscribe = store.subscribe((s) => [s.volume, s.cursor] as const, update, {
    equalityFn: (a, b) => a[0] === b[0] && a[1] === b[1],
  });
  update();
  return () => {
    unsubscribe();
    reader.dispose();
  };
}
