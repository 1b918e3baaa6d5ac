/** Every single-sphere render PERI made (spheres/): our field and effective radius against PERI's. */
import { describe, expect, it } from 'vitest';
import { Tile } from '../tile';
import { SKIP_NO_PERI_DATA, hasPeriData, maxAbsDiff, readPeriJson, readPeriTiff } from '../testing/shared-data';
import type { SphereMethod } from './sphere-functions';
import { PlatonicSpheresCollection } from './spheres';

interface SphereCase {
  file_f64: string;
  shape_zyx: [number, number, number];
  pos_zyx: [number, number, number];
  radius: number;
  zscale: number;
  method_requested: SphereMethod;
  alpha: number[];
  exact_volume: boolean;
  effective_radius_after_volume_iteration?: number;
  volume_iterations?: number;
  sum_of_field: number;
  draw_tile_l_zyx?: number[];
  draw_tile_r_zyx?: number[];
}

const available = hasPeriData('spheres/spheres.json');
const cases = available ? readPeriJson<{ cases: SphereCase[] }>('spheres/spheres.json').cases : [];

describe.skipIf(!available)('PlatonicSpheresCollection agrees with PERI on single spheres', () => {
  it.each(cases.map((c) => [c.file_f64, c] as const))('%s', async (_name, c) => {
    const shape = new Tile(c.shape_zyx);
    const spheres = new PlatonicSpheresCollection([c.pos_zyx], c.radius, {
      zscale: c.zscale,
      method: c.method_requested,
      alpha: c.alpha[0],
      exactVolume: c.exact_volume,
    });
    spheres.setShape(shape, shape);
    const ref = await readPeriTiff(`spheres/${c.file_f64}`);
    const ours = spheres.get();
    expect(ref.shape).toEqual(c.shape_zyx);
    expect(maxAbsDiff(ours, ref.data)).toBeLessThanOrEqual(1e-4);
    const sum = ours.reduce((s, v) => s + v, 0);
    expect(Math.abs(sum - c.sum_of_field)).toBeLessThanOrEqual(1e-3);
    if (c.effective_radius_after_volume_iteration !== undefined) {
      expect(Math.abs(spheres.effectiveRadii()[0] - c.effective_radius_after_volume_iteration)).toBeLessThanOrEqual(1e-4);
      expect(spheres.volumeIterations()[0]).toBe(c.volume_iterations);
    }
    if (c.draw_tile_l_zyx && c.draw_tile_r_zyx) {
      expect(spheres.drawRecords()[0].box).toEqual(new Tile(c.draw_tile_l_zyx, c.draw_tile_r_zyx));
    }
  });
});

if (!available) {
  describe('PERI single-sphere agreement', () => {
    it.skip(`skipped: ${SKIP_NO_PERI_DATA}`, () => {});
  });
}
