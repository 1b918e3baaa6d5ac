import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { addSpheres, erf, sphereProfile, surfaceDistance, volumeExactRadius } from './sphere-field';

const SPHERES_JSON = path.resolve(process.cwd(), '../shared/data/peri/spheres/spheres.json');

interface PeriSphereCase {
  file: string;
  pos_zyx: [number, number, number];
  radius: number;
  zscale: number;
  function_used: string;
  exact_volume: boolean;
  effective_radius_after_volume_iteration: number;
  sum_of_field: number;
  center_profile_along_x: number[];
}

function render(pos: [number, number, number], a: number, zscale: number, exact: boolean) {
  const field = new Float64Array(32 * 32 * 32);
  const [radius] = addSpheres(field, [32, 32, 32], [0, 0, 0], [{ z: pos[0], y: pos[1], x: pos[2], a }], zscale, exact);
  return { field, radius };
}

const sum = (a: Float64Array) => a.reduce((s, v) => s + v, 0);

describe('erf', () => {
  it('matches tabulated values', () => {
    expect(erf(0)).toBeCloseTo(0, 7);
    expect(erf(0.5)).toBeCloseTo(0.5204998778, 7);
    expect(erf(1)).toBeCloseTo(0.8427007929, 7);
    expect(erf(-2)).toBeCloseTo(-0.9953222650, 7);
    expect(erf(4)).toBeCloseTo(1, 7);
  });
});

describe('sphere occupancy', () => {
  it('is 1 inside, 0 outside and about one half on the surface', () => {
    expect(sphereProfile(-2, 5)).toBe(1);
    expect(sphereProfile(2, 5)).toBe(0);
    expect(sphereProfile(0, 5)).toBeGreaterThan(0.47);
    expect(sphereProfile(0, 5)).toBeLessThan(0.5);
    expect(sphereProfile(-0.5, 5)).toBeGreaterThan(sphereProfile(0.5, 5));
  });

  it('measures the distance to the surface in xy pixels with z scaled by zscale', () => {
    expect(surfaceDistance(0, 0, 7, 5, 0.9)).toBeCloseTo(2, 6);
    expect(surfaceDistance(0, 3, 0, 5, 0.9)).toBeCloseTo(-2, 6);
    // Along z the surface sits at a/zscale z steps.
    expect(surfaceDistance(5 / 0.9, 0, 0, 5, 0.9)).toBeCloseTo(0, 6);
    expect(surfaceDistance(10, 0, 0, 5, 0.5)).toBeCloseTo(0, 6);
  });

  it('sums to the ball volume 4/3·π·a³/zscale with the exact-volume radius', () => {
    for (const [a, zs] of [[5, 1], [5, 0.9], [3.2, 1.1]] as const) {
      const { field, radius } = render([16.3, 15.8, 16.1], a, zs, true);
      const target = (4 / 3) * Math.PI * a ** 3 / zs;
      expect(Math.abs(sum(field) - target) / target).toBeLessThan(1e-5);
      expect(Math.abs(radius - a)).toBeLessThan(0.02);
      expect(volumeExactRadius({ z: 16.3, y: 15.8, x: 16.1, a }, zs)).toBe(radius);
    }
  });

  it('clips at the grid edge without changing the rendered radius', () => {
    const inside = render([16, 16, 16], 5, 1, true);
    const cut = render([16, 16, 1], 5, 1, true);
    expect(cut.radius).toBe(inside.radius);
    // Centre 1 px from the edge: a little over half the ball (x ≥ −0.5) stays on the grid.
    expect(sum(cut.field) / sum(inside.field)).toBeGreaterThan(0.6);
    expect(sum(cut.field) / sum(inside.field)).toBeLessThan(0.8);
  });
});

describe.skipIf(!existsSync(SPHERES_JSON))('sphere occupancy vs PERI renders (shared/data/peri/spheres)', () => {
  const cases = existsSync(SPHERES_JSON)
    ? (JSON.parse(readFileSync(SPHERES_JSON, 'utf8')).cases as PeriSphereCase[])
      .filter((c) => c.function_used === 'sphere_analytical_gaussian_trim')
    : [];

  it('covers the trimmed renders', () => {
    expect(cases.length).toBeGreaterThanOrEqual(10);
  });

  it.each(cases.map((c) => [c.file, c] as const))('%s: summed field and radius agree', (_f, c) => {
    const { field, radius } = render(c.pos_zyx, c.radius, c.zscale, c.exact_volume);
    expect(Math.abs(sum(field) - c.sum_of_field) / c.sum_of_field).toBeLessThan(2e-5);
    expect(radius).toBeCloseTo(c.effective_radius_after_volume_iteration, 3);
  });

  it.each(cases.filter((c) => c.pos_zyx.every(Number.isInteger)).map((c) => [c.file, c] as const))(
    '%s: centre profile along x agrees',
    (_f, c) => {
      const { field } = render(c.pos_zyx, c.radius, c.zscale, c.exact_volume);
      const [z, y] = c.pos_zyx;
      c.center_profile_along_x.forEach((v, x) => expect(field[(z * 32 + y) * 32 + x]).toBeCloseTo(v, 5));
    },
  );
});
