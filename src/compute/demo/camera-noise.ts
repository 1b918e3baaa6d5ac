/**
 * Detector noise and 8-bit quantisation. The model is in units of full scale (1 = 255 counts):
 * a voxel of model value m collects Poisson(m·photonsPerUnit) photons, each worth
 * 255/photonsPerUnit counts, plus Gaussian read noise; the result is rounded and clipped to 0..255.
 * So E[counts] = 255·m and, away from clipping, uint8/255 is an unbiased sample of the model.
 */
import type { Prng } from '../util/prng';
import { DemoDataError } from './errors';

export interface CameraNoise {
  /** Photons collected at model value 1 (sets the shot noise: std = sqrt(m/photonsPerUnit) in model units). */
  photonsPerUnit: number;
  /** Gaussian read noise std in counts. */
  readNoise: number;
}

export const FULL_SCALE = 255;

export function validateCameraNoise(n: CameraNoise): void {
  if (!(n.photonsPerUnit > 0) || !Number.isFinite(n.photonsPerUnit)) {
    throw new DemoDataError(`photonsPerUnit must be > 0, got ${n.photonsPerUnit}`);
  }
  if (!(n.readNoise >= 0) || !Number.isFinite(n.readNoise)) {
    throw new DemoDataError(`readNoise must be ≥ 0 counts, got ${n.readNoise}`);
  }
}

/** Noise std (model units) expected at model value m, ignoring quantisation. */
export function noiseSigma(n: CameraNoise, m: number): number {
  const shot = Math.max(m, 0) / n.photonsPerUnit;
  const read = n.readNoise / FULL_SCALE;
  return Math.sqrt(shot + read * read);
}

export function quantiseWithNoise(model: ArrayLike<number>, noise: CameraNoise, prng: Prng): Uint8Array {
  validateCameraNoise(noise);
  const countsPerPhoton = FULL_SCALE / noise.photonsPerUnit;
  const out = new Uint8Array(model.length);
  for (let i = 0; i < model.length; i++) {
    const photons = prng.poisson(Math.max(model[i], 0) * noise.photonsPerUnit);
    const counts = photons * countsPerPhoton + noise.readNoise * prng.normal();
    out[i] = Math.min(FULL_SCALE, Math.max(0, Math.round(counts)));
  }
  return out;
}
