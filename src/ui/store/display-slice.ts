/** Display: contrast limits, LUT and the auto-contrast preset. */
import { autoLimits, checkLimits, DEFAULT_PRESET, type ContrastPresetId, type Limits } from '../render/contrast';
import type { LutName } from '../render/lut';
import type { SliceCreator } from './types';

export interface DisplaySlice {
  clim: Limits;
  lut: LutName;
  /** Preset last used by auto-contrast. */
  preset: ContrastPresetId;
  /** Sets limits typed by the user; returns an error message (and changes nothing) when invalid. */
  setClim: (lo: number, hi: number) => string | null;
  setLut: (lut: LutName) => void;
  autoContrast: (preset?: ContrastPresetId) => void;
}

export const createDisplaySlice: SliceCreator<DisplaySlice> = (set, get) => ({
  clim: [0, 1],
  lut: 'grey',
  preset: DEFAULT_PRESET,
  setClim: (lo, hi) => {
    const problem = checkLimits(lo, hi);
    if (problem === null) set({ clim: [lo, hi] });
    return problem;
  },
  setLut: (lut) => {
    const { volume, preset, lut: previous } = get();
    // The diverging map is only meaningful centred on 0: re-centre when switching to or from it.
    const recentre = volume !== null && (lut === 'diverging') !== (previous === 'diverging');
    set(recentre ? { lut, clim: autoLimits(volume.stats, preset, lut) } : { lut });
  },
  autoContrast: (preset) => {
    const { volume, lut } = get();
    const id = preset ?? get().preset;
    if (!volume) return;
    set({ preset: id, clim: autoLimits(volume.stats, id, lut) });
  },
});
