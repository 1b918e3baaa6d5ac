/**
 * The model-setup form as typed (strings), its defaults for an opened volume, and its translation
 * into the engine's create request with a message for the first bad field.
 */
import type { CropBox, PeriCreateArgs, StatemakerChoices, Vec3, VolumeInfo } from '../../workers/protocol';

export type PresetId = 'statemaker' | 'peri-synthetic' | 'peri-walkthrough';
export type ParticleSource = 'feature' | 'import' | 'config';

export const PRESETS: readonly { id: PresetId; label: string }[] = [
  { id: 'statemaker', label: 'Statemaker defaults (scaled to the image)' },
  { id: 'peri-synthetic', label: 'PERI synthetic (Legendre fields, Gaussian PSF)' },
  { id: 'peri-walkthrough', label: 'PERI walkthrough (Barnes ILM, exact line-scan PSF)' },
];

export interface ImportedPositions {
  text: string;
  fileName: string;
  count: number;
  format: string;
}

export interface SetupDraft {
  preset: PresetId;
  choices: Required<Pick<StatemakerChoices, 'ilm' | 'psf'>>;
  configText: string;
  zscale: string;
  cropL: [string, string, string];
  cropR: [string, string, string];
  exposure: [string, string];
  invert: boolean;
  source: ParticleSource;
  radius: string;
  /** Dark particles in bright dyed fluid: feature 1 − image. */
  featureInvert: boolean;
  positions: ImportedPositions | null;
}

/** z pixel / xy pixel when the file says both (PERI's zscale), else null. */
export function metadataZscale(v: VolumeInfo): number | null {
  const { z, x } = v.voxelSize;
  return z !== null && x !== null && z > 0 && x > 0 ? z / x : null;
}

export function initialDraft(v: VolumeInfo): SetupDraft {
  const zs = metadataZscale(v);
  const exposure = v.dtype === 'uint8' ? [0, 255] : v.rawRange;
  return {
    preset: 'statemaker',
    choices: { ilm: 'BarnesStreakLegPoly2P1D', psf: 'AnisotropicGaussianXYZ' },
    configText: '',
    zscale: zs === null ? '1' : String(Number(zs.toPrecision(6))),
    cropL: ['0', '0', '0'],
    cropR: v.shape.map(String) as [string, string, string],
    exposure: [String(exposure[0]), String(exposure[1])],
    invert: false,
    source: 'feature',
    radius: '5',
    featureInvert: true,
    positions: null,
  };
}

export class DraftError extends Error {}

function num(text: string, what: string, check: (v: number) => boolean = () => true, rule = ''): number {
  const v = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(v) || !check(v)) throw new DraftError(`${what}: "${text}" is not ${rule || 'a number'}.`);
  return v;
}

export function draftCrop(d: SetupDraft, shape: readonly number[]): CropBox {
  const axes = ['z', 'y', 'x'];
  const l = d.cropL.map((t, i) => num(t, `crop ${axes[i]} from`, (v) => Number.isInteger(v) && v >= 0 && v < shape[i], `an integer in 0…${shape[i] - 1}`)) as Vec3;
  const r = d.cropR.map((t, i) => num(t, `crop ${axes[i]} to`, (v) => Number.isInteger(v) && v > l[i] && v <= shape[i], `an integer in ${l[i] + 1}…${shape[i]}`)) as Vec3;
  return { l, r };
}

export function draftRadius(d: SetupDraft): number {
  return num(d.radius, 'radius', (v) => v > 0 && v < 200, 'a radius in (0, 200) px');
}

/** The config object of the editor, or an error naming the JSON problem. */
export function draftConfig(d: SetupDraft): unknown {
  try {
    return JSON.parse(d.configText);
  } catch (e) {
    throw new DraftError(`model configuration: not valid JSON (${(e as Error).message}).`);
  }
}

/** The engine request for the form, given the featuring preview (crop pixels) when featuring. */
export function buildCreateArgs(d: SetupDraft, v: VolumeInfo, preview: Vec3[] | null): PeriCreateArgs {
  const crop = draftCrop(d, v.shape);
  const exposure: [number, number] = [num(d.exposure[0], 'exposure low'), num(d.exposure[1], 'exposure high')];
  if (exposure[0] === exposure[1]) throw new DraftError('exposure: low and high must differ.');
  const zscale = num(d.zscale, 'zscale', (x) => x > 0, 'a number > 0');
  const base = { volumeId: v.volumeId, config: draftConfig(d), crop, exposure, invert: d.invert, zscale };
  if (d.source === 'config') return { ...base, particles: { source: 'config' } };
  if (d.source === 'import') {
    if (!d.positions) throw new DraftError('initial particles: choose a positions file (JSON or CSV) first.');
    return { ...base, particles: { source: 'positions', text: d.positions.text, fileName: d.positions.fileName, radius: draftRadius(d) } };
  }
  if (!preview) throw new DraftError('initial particles: no featuring result yet (wait for the preview, or import positions).');
  return { ...base, particles: { source: 'list', pos: preview, rad: draftRadius(d) } };
}
