/** The combined store type; each slice file declares its part. */
import type { StateCreator } from 'zustand';
import type { DisplaySlice } from './display-slice';
import type { FitSlice } from './fit-slice';
import type { StatusSlice } from './status-slice';
import type { ViewSlice } from './view-slice';
import type { VolumeSlice } from './volume-slice';

export type LucidState = VolumeSlice & ViewSlice & DisplaySlice & StatusSlice & FitSlice;

export type SliceCreator<T> = StateCreator<LucidState, [['zustand/subscribeWithSelector', never]], [], T>;
