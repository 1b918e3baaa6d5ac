/** The app's one zustand store, built from slices; it holds numbers and ids, never voxel arrays. */
import { createStore, useStore, type StoreApi } from 'zustand';
import { subscribeWithSelector } from 'zustand/middleware';
import { createDisplaySlice } from './display-slice';
import { createFitSlice } from './fit-slice';
import { createStatusSlice } from './status-slice';
import type { LucidState } from './types';
import { createViewSlice } from './view-slice';
import { createVolumeSlice } from './volume-slice';

export type { LucidState } from './types';

export function createLucidStore() {
  return createStore<LucidState>()(
    subscribeWithSelector((...a) => ({
      ...createVolumeSlice(...a),
      ...createViewSlice(...a),
      ...createDisplaySlice(...a),
      ...createStatusSlice(...a),
      ...createFitSlice(...a),
    })),
  );
}

export type LucidStore = ReturnType<typeof createLucidStore>;

/** The store of the running app. */
export const lucidStore: LucidStore = createLucidStore();

export function useLucid<T>(selector: (s: LucidState) => T): T {
  return useStore(lucidStore as StoreApi<LucidState>, selector);
}
