import { describe, expect, it } from 'vitest';
import { Prng } from '../../util/prng';
import type { Vec3 } from '../tile';
import { addSubtract, checkAddParticles, isNearImEdge, radiusCutoffs, radiusSpread, removeBadParticles, shouldParticleExist } from './addsubtract';
import { addSubtractLocally, identifyMisfeaturedRegions, otsuThreshold } from './misfeatured';
import { fitConfig, fitState, TRUE_POS, TRUE_RAD } from './testing';

function dist(a: readonly number[], b: readonly number[]): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

describe('accept/reject test', () => {
  it('keeps a particle iff E_absent − E_present ≥ max(0.2·|Δimage|², min_derr)', () => {
    const absent = [0, 0, 0];
    const present = [1, 1, 0]; // |Δ|² = 2 → cut-off 0.4
    expect(shouldParticleExist(10, 9.6, absent, present)).toBe(true);
    expect(shouldParticleExist(10, 9.61, absent, present)).toBe(false);
    expect(shouldParticleExist(10, 9.85, absent, absent, 0.2, 0.1)).toBe(true);
    expect(shouldParticleExist(10, 9.95, absent, absent, 0.2, 0.1)).toBe(false);
  });
});

describe('radius cut-offs (calc)', () => {
  it('σ_r is the std between the 10 % and 90 % ranks; fewer than 10 particles give NaN (no cut), as numpy', () => {
    const rad = [1, 5, 5.1, 4.9, 5.2, 4.8, 5, 5, 5.05, 30];
    const mid = [4.8, 4.9, 5, 5, 5, 5.05, 5.1, 5.2];
    const m = mid.reduce((a, b) => a + b) / 8;
    const s = Math.sqrt(mid.reduce((a, b) => a + (b - m) ** 2, 0) / 8);
    expect(radiusSpread(rad)).toBeCloseTo(s, 14);
    const c = radiusCutoffs(rad);
    expect(c.minRad).toBeCloseTo(5 - 25 * s, 12);
    expect(c.maxRad).toBeCloseTo(5 + 15 * s, 12);
    expect(c.check[1]).toBeCloseTo(5 + 7.5 * s, 12);
    expect(Number.isNaN(radiusSpread([5, 5, 6]))).toBe(true);
  });

  it('near-edge test of the padded grid (PERI’s formula)', () => {
    const st = fitState();
    expect(isNearImEdge(st, [-1, 5, 5], st.pad)).toBe(true); // outside the image
    expect(isNearImEdge(st, [0.5, 5, 5], st.pad)).toBe(false);
    expect(isNearImEdge(st, [5, 28.5, 5], st.pad)).toBe(true);
    expect(isNearImEdge(st, [-9, 5, 5], 2 - st.pad)).toBe(false); // automatic deletion: pos < 2 − 2·pad only
    expect(isNearImEdge(st, [-11, 5, 5], 2 - st.pad)).toBe(true);
  });
});

describe('misfeatured regions', () => {
  it('threshold mean + 8σ of the boxed residual RMS; components become tiles, largest first', () => {
    const shape: Vec3 = [16, 40, 40];
    const rng = new Prng(6);
    const r = Float64Array.from({ length: 16 * 40 * 40 }, () => 0.05 * rng.normal());
    const blob = (c: Vec3, half: number, a: number) => {
      for (let z = c[0] - half; z <= c[0] + half; z++) for (let y = c[1] - half; y <= c[1] + half; y++) for (let x = c[2] - half; x <= c[2] + half; x++) {
        r[(z * 40 + y) * 40 + x] += a;
      }
    };
    blob([6, 8, 8], 0, 5);
    blob([9, 27, 26], 1, 1.2);
    const tiles = identifyMisfeaturedRegions(r, shape);
    expect(tiles.map((t) => t.toString())).toEqual([
      // equal volumes: numpy's argsort(...)[::-1] puts the later label first
      'Tile [7, 25, 24] -> [12, 30, 29] (5, 5, 5)',
      'Tile [4, 6, 6] -> [9, 11, 11] (5, 5, 5)',
    ]);
    expect(identifyMisfeaturedRegions(r.map((v) => 0.05 * Math.sign(v)), shape)).toHaveLength(0);
  });

  it('Otsu splits a bimodal histogram between its modes', () => {
    const rng = new Prng(2);
    const d = [...Array.from({ length: 500 }, () => 1 + 0.1 * rng.normal()), ...Array.from({ length: 500 }, () => 3 + 0.1 * rng.normal())];
    const t = otsuThreshold(d);
    // PERI returns the centre of the last bin of the lower class.
    const below = d.filter((v) => v < t).length;
    expect(below).toBeGreaterThanOrEqual(499);
    expect(below).toBeLessThanOrEqual(500);
  });
});

function fitStateWithout(i: number) {
  const st = fitState();
  st.removeParticles(i);
  return st;
}

describe('adding and removing particles on a state', () => {
  it('accepts a missing particle, rejects a guess in empty fluid and leaves the error as it was', () => {
    const st = fitState();
    st.removeParticles(1);
    const e0 = st.error;
    const empty: Vec3 = [12, 3, 3];
    const { accepts, newPoses } = checkAddParticles(st, [empty], { rad: 3.2 });
    expect(accepts).toBe(0);
    expect(st.error).toBeCloseTo(e0, 6);
    const near = TRUE_POS[1].map((v) => Math.round(v)) as Vec3;
    const res = checkAddParticles(st, [near], { rad: 3.2 });
    expect(res.accepts).toBe(1);
    expect(dist(res.newPoses[0], TRUE_POS[1])).toBeLessThan(0.3);
    expect(st.error).toBeLessThan(0.5 * e0);
    expect(newPoses).toEqual([]);
  });

  it('removes a spurious small particle but keeps the true ones (all below the absolute 3.5 px check radius)', () => {
    const st = fitState(fitConfig([...TRUE_POS, [12, 22, 5]], [...TRUE_RAD, 1.5]));
    const { removed, deletePoses } = removeBadParticles(st);
    expect(removed).toBe(1);
    expect(deletePoses[0]).toEqual([12, 22, 5]);
    expect(st.spheres!.N).toBe(3);
  });

  it('add_subtract repairs a featuring with one particle missing and one spurious', () => {
    const st = fitState(fitConfig([TRUE_POS[0], TRUE_POS[2], [12, 22, 5]], [TRUE_RAD[0], TRUE_RAD[2], 2]));
    const out = addSubtract(st, { rad: 3.3, invert: true }, { seed: 1 });
    expect(out.totalChanged).toBe(2);
    const pos = st.spheres!.positions();
    expect(pos).toHaveLength(3);
    TRUE_POS.forEach((p) => expect(Math.min(...pos.map((q) => dist(p, q)))).toBeLessThan(0.1));
  });

  it('add_subtract_locally re-features the region of a missing particle and adds it back', () => {
    // PERI's 8σ cut keeps only the core of the hole on so small an image: its flat residuals hold no feature.
    expect(addSubtractLocally(fitStateWithout(2), { rad: 3.3, invert: true, minmass: 0 }).nAdded).toBe(0);
    const st = fitStateWithout(2);
    const out = addSubtractLocally(st, { rad: 3.3, invert: true, sigmaCutoff: 3 }, { seed: 1 });
    expect(out.nAdded).toBe(1);
    expect(dist(out.newPoses[0], TRUE_POS[2])).toBeLessThan(0.3);
    expect(st.spheres!.N).toBe(3);
  });
});
