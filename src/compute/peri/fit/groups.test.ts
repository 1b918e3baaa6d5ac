import { describe, expect, it } from 'vitest';
import { Prng } from '../../util/prng';
import type { Vec3 } from '../tile';
import { calcParticleGroupRegionSize, separateParticlesIntoGroups } from './groups';
import { fitConfig, fitState, TRUE_POS, TRUE_RAD } from './testing';

const POS: Vec3[] = [...TRUE_POS, [3, 3, 3], [14, 25, 25], [-2, 10, 30]];
const RAD = [...TRUE_RAD, 2, 2, 2];

describe('particle groups', () => {
  it('put every particle in exactly one box, with or without the half-box shift (outside ones clipped in)', () => {
    const st = fitState(fitConfig(POS, RAD));
    for (const doshift of [false, true]) {
      const groups = separateParticlesIntoGroups(st, 10, { doshift });
      expect(groups.flat().sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5]);
    }
    expect(separateParticlesIntoGroups(st, 100)).toEqual([[0, 1, 2, 3, 4, 5]]);
  });

  it("doshift='rand' is a seeded coin flip", () => {
    const st = fitState(fitConfig(POS, RAD));
    const a = separateParticlesIntoGroups(st, 8, { doshift: 'rand', rng: new Prng(1) });
    const b = separateParticlesIntoGroups(st, 8, { doshift: 'rand', rng: new Prng(1) });
    expect(a).toEqual(b);
    expect(() => separateParticlesIntoGroups(st, 8, { doshift: 'rand' })).toThrow(/seeded random generator/);
    expect(() => separateParticlesIntoGroups(st, 0)).toThrow(/region_size must be a positive integer/);
  });

  it('the region size grows to the padded image with plenty of memory and shrinks with little', () => {
    const st = fitState(fitConfig(POS, RAD));
    const big = calcParticleGroupRegionSize(st, 10, 1e9);
    expect(big).toEqual(st.oshape.shape.map((n) => n - 1));
    const small = calcParticleGroupRegionSize(st, 10, 2e5);
    small.forEach((r) => expect(r).toBeLessThan(10));
  });
});
