/** The open volume: its id in the engine, shape, voxel size and statistics (never the voxels). */
import type { VolumeInfo } from '../../compute/engine/types';
import { autoLimits, defaultLut, DEFAULT_PRESET } from '../render/contrast';
import { IDENTITY_TRANSFORM } from '../render/plane-geometry';
import type { SliceCreator } from './types';

export interface VolumeSlice {
  volume: VolumeInfo | null;
  /** Shows a newly opened volume: cursor at its centre, views reset, auto contrast and LUT. */
  setVolume: (info: VolumeInfo) => void;
  clearVolume: () => void;
}

export const createVolumeSlice: SliceCreator<VolumeSlice> = (set) => ({
  volume: null,
  setVolume: (info) => {
    const [n0, ny, nx] = info.shape;
    const lut = defaultLut(info.stats);
    set({
      volume: info,
      cursor: { z: Math.floor(n0 / 2), y: Math.floor(ny / 2), x: Math.floor(nx / 2) },
      cursorValue: null,
      hover: null,
      transforms: { xy: IDENTITY_TRANSFORM, xz: IDENTITY_TRANSFORM, yz: IDENTITY_TRANSFORM },
      lut,
      preset: DEFAULT_PRESET,
      clim: autoLimits(info.stats, DEFAULT_PRESET, lut),
    });
  },
  clearVolume: () => set({ volume: null, cursorValue: null, hover: null }),
});
