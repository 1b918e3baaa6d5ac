/**
 * PERI's exact-volume correction: find the effective radius a′ whose drawn sphere sums to the
 * volume of the nominal one, V = 4/3·π·a³/zscale. Newton-like steps a′ += (V − Σf)/(4π·a′²), at
 * most 10, stopping when |V − Σf|/V < volume_error or when a′ strays more than max_radius_change
 * (relative) from a. The sum runs over the clipped draw box, as in PERI, so spheres cut by the
 * edge of the padded grid converge to the wrong volume and the radius guard stops them.
 */
import type { Tile, Vec3 } from '../tile';
import type { SphereFunction } from './sphere-functions';
import { sphereBoxValues } from './sphere-geometry';

export const MAX_VOLUME_ITERATIONS = 10;

export interface ExactVolumeOptions {
  volumeError: number;
  maxRadiusChange: number;
}

export interface SphereDrawing {
  /** f over the box, float64, row-major. */
  values: Float64Array;
  /** The radius the values were drawn with (a itself without exact volume). */
  aEff: number;
  /** How many times the radius was corrected and the sphere redrawn. */
  iterations: number;
}

function sum(values: Float64Array): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return s;
}

export function exactVolumeSphere(
  box: Tile,
  pos: Vec3,
  a: number,
  zscale: number,
  fn: SphereFunction,
  alpha: number,
  opts: ExactVolumeOptions,
): SphereDrawing {
  const goal = ((4 / 3) * Math.PI * a ** 3) / zscale;
  let aEff = a;
  const values = sphereBoxValues(box, pos, aEff, zscale, fn, alpha);
  let iterations = 0;
  for (let i = 0; i < MAX_VOLUME_ITERATIONS; i++) {
    const current = Math.abs(sum(values));
    if (Math.abs(goal - current) / goal < opts.volumeError) break;
    const next = aEff + (goal - current) / (4 * Math.PI * aEff ** 2);
    // PERI keeps the previous drawing when the step would move the radius too far.
    if (Math.abs(next - a) / a > opts.maxRadiusChange) break;
    aEff = next;
    sphereBoxValues(box, pos, aEff, zscale, fn, alpha, values);
    iterations++;
  }
  return { values, aEff, iterations };
}
