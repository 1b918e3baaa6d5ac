/** Turning a file's c·z·t planes and the caller's choices into the planes of one 3-D volume. */
import type { LeadingAxis } from './volume';
import { TiffChoiceRequiredError, TiffError, type TiffChoice } from './tiff-errors';
import type { SampleChoice } from './tiff-decode';
import { planeIndex, type TiffSummary } from './tiff-summary';

export interface VolumeChoices {
  channel?: number;
  frame?: number;
  rgb?: 'luminance' | 0 | 1 | 2;
}

export interface PlaneSelection {
  /** File plane index of each plane of the volume, in order. */
  planes: number[];
  axis: LeadingAxis;
  channel: number;
  /** The time point, when the volume is one time point of a time series. */
  frame: number | undefined;
  sample: SampleChoice;
}

function range(n: number): string {
  return n === 1 ? '0' : `0–${n - 1}`;
}

function requireChoices(s: TiffSummary, o: VolumeChoices): void {
  const { c, t, z } = s.dims;
  const missing: TiffChoice[] = [];
  const has: string[] = [];
  const pick: string[] = [];
  if (s.choices.channel && o.channel === undefined) {
    missing.push('channel');
    has.push(`${c} channels`);
    pick.push(`a channel (${range(c)})`);
  }
  if (s.choices.frame && o.frame === undefined) {
    missing.push('frame');
    has.push(`${t} time points of ${z} z-slices`);
    pick.push(`a time point (${range(t)})`);
  }
  if (s.choices.rgb && o.rgb === undefined) {
    missing.push('rgb');
    has.push(`${s.samplesPerPixel} samples per pixel (${s.photometric === 'rgb' ? 'RGB colour' : 'interleaved channels'})`);
    pick.push(s.samplesPerPixel >= 3 ? `'luminance' or one sample (${range(s.samplesPerPixel)})` : `one sample (${range(s.samplesPerPixel)})`);
  }
  if (missing.length === 0) return;
  const and = (xs: string[]): string => (xs.length > 1 ? `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}` : xs[0]);
  throw new TiffChoiceRequiredError(s, missing, `This file has ${and(has)}: choose ${and(pick)}.`);
}

function checkIndex(value: number, count: number, what: 'channel' | 'frame'): void {
  if (Number.isInteger(value) && value >= 0 && value < count) return;
  const noun = what === 'channel' ? 'channel' : 'time point';
  throw new TiffError(`${what}-out-of-range`, `There is no ${noun} ${value}: this file has ${count} ${noun}${count === 1 ? '' : 's'} (${range(count)}).`);
}

function sampleChoice(s: TiffSummary, rgb: VolumeChoices['rgb']): SampleChoice {
  if (s.samplesPerPixel === 1 || rgb === undefined) return 0;
  if (rgb === 'luminance') {
    if (s.samplesPerPixel < 3) {
      throw new TiffError('sample-out-of-range', `Luminance needs 3 samples per pixel but this file has ${s.samplesPerPixel}; choose one sample (${range(s.samplesPerPixel)}).`);
    }
    return 'luminance';
  }
  if (!(Number.isInteger(rgb) && rgb >= 0 && rgb < s.samplesPerPixel)) {
    throw new TiffError('sample-out-of-range', `There is no sample ${String(rgb)}: this file has ${s.samplesPerPixel} samples per pixel (${range(s.samplesPerPixel)}).`);
  }
  return rgb;
}

export function selectPlanes(s: TiffSummary, o: VolumeChoices): PlaneSelection {
  requireChoices(s, o);
  const { c, z, t } = s.dims;
  const channel = o.channel ?? 0;
  checkIndex(channel, c, 'channel');
  if (o.frame !== undefined) checkIndex(o.frame, t, 'frame');
  const sample = sampleChoice(s, o.rgb);
  const at = (zi: number, ti: number): number => planeIndex(s.planeOrder, s.dims, { c: channel, z: zi, t: ti });
  if (o.frame === undefined && s.axis === 't') {
    return { planes: Array.from({ length: t }, (_, i) => at(0, i)), axis: 't', channel, frame: undefined, sample };
  }
  const frame = o.frame ?? 0;
  return { planes: Array.from({ length: z }, (_, i) => at(i, frame)), axis: 'z', channel, frame: t > 1 ? frame : undefined, sample };
}
