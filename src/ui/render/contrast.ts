/** Contrast limits: auto presets from the engine's percentiles, and the default LUT for a volume. */
import type { DisplayStats, PercentileKey } from '../../compute/engine/types';
import type { LutName } from './lut';

export type ContrastPresetId = 'p0.1-99.9' | 'p1-99' | 'p2-98' | 'min-max';

export interface ContrastPreset {
  id: ContrastPresetId;
  label: string;
  /** Percentile keys for the low and high limit; null means the data minimum / maximum. */
  low: PercentileKey | null;
  high: PercentileKey | null;
}

export const CONTRAST_PRESETS: readonly ContrastPreset[] = [
  { id: 'p0.1-99.9', label: '0.1–99.9 %', low: '0.1', high: '99.9' },
  { id: 'p1-99', label: '1–99 %', low: '1', high: '99' },
  { id: 'p2-98', label: '2–98 %', low: '2', high: '98' },
  { id: 'min-max', label: 'Min–max', low: null, high: null },
];

export const DEFAULT_PRESET: ContrastPresetId = 'p0.1-99.9';

export type Limits = [number, number];

function presetById(id: ContrastPresetId): ContrastPreset {
  const preset = CONTRAST_PRESETS.find((p) => p.id === id);
  if (!preset) throw new Error(`Unknown contrast preset "${id}"`);
  return preset;
}

/** True when the data has negative values, i.e. a signed quantity best shown with a diverging map. */
export function isSigned(stats: DisplayStats): boolean {
  return stats.min < 0;
}

export function defaultLut(stats: DisplayStats): LutName {
  return isSigned(stats) ? 'diverging' : 'grey';
}

/**
 * Limits for a preset. With the diverging LUT the limits are made symmetric about 0 so that white
 * means zero. A flat volume gets a unit-wide window so that it still shows.
 */
export function autoLimits(stats: DisplayStats, presetId: ContrastPresetId, lut: LutName): Limits {
  const preset = presetById(presetId);
  let lo = preset.low === null ? stats.min : stats.percentiles[preset.low];
  let hi = preset.high === null ? stats.max : stats.percentiles[preset.high];
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [0, 1];
  if (lut === 'diverging') {
    const m = Math.max(Math.abs(lo), Math.abs(hi));
    return m > 0 ? [-m, m] : [-1, 1];
  }
  if (hi <= lo) {
    // Fall back to the full range, then to a unit window around a constant value.
    if (stats.max > stats.min) return [stats.min, stats.max];
    lo = stats.min - 0.5;
    hi = stats.min + 0.5;
  }
  return [lo, hi];
}

/** Validates limits typed by the user; returns an error message or null. */
export function checkLimits(lo: number, hi: number): string | null {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return 'Contrast limits must be numbers.';
  if (hi <= lo) return `The upper limit (${hi}) must be above the lower limit (${lo}).`;
  return null;
}
