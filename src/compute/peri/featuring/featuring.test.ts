import { describe, expect, it } from 'vitest';
import { makeSyntheticConfocal } from '../../demo/synthetic-confocal';
import { fitConfig, fitState, TRUE_POS } from '../fit/testing';
import { defaultMinmass, featureGuess, guessAddRadii, guessInvert, median, percentile, roundHalfEven } from './feature-guess';
import { localMaxFeaturing, sphereFootprint } from './local-max';
import { locateSpheres } from './locate';

const SHAPE: [number, number, number] = [24, 48, 48];

function nearest(p: readonly number[], list: readonly (readonly number[])[]): number {
  return Math.min(...list.map((q) => Math.hypot(q[0] - p[0], q[1] - p[1], q[2] - p[2])));
}

describe('local-maximum featuring', () => {
  it('uses PERI’s spherical footprint r < radius', () => {
    expect(sphereFootprint(1)).toEqual([[0, 0, 0]]);
    expect(sphereFootprint(1.1)).toHaveLength(7);
    expect(sphereFootprint(1.5)).toHaveLength(19);
    expect(sphereFootprint(5).length).toBe(485);
    expect(() => sphereFootprint(0)).toThrow(/radius must be a finite number > 0/);
  });

  it('finds single bright blobs at their voxel, largest mass first', () => {
    const s = [12, 20, 20];
    const im = new Float64Array(12 * 20 * 20);
    const put = (z: number, y: number, x: number, a: number) => {
      for (let k = 0; k < im.length; k++) {
        const zz = Math.floor(k / 400);
        const yy = Math.floor(k / 20) % 20;
        const xx = k % 20;
        im[k] += a * Math.exp(-((zz - z) ** 2 + (yy - y) ** 2 + (xx - x) ** 2) / 4);
      }
    };
    put(6, 5, 6, 1);
    put(5, 14, 13, 2);
    const { pos, mass } = localMaxFeaturing(im, s, 3, { minmass: 0.5 });
    expect(pos).toEqual([[5, 14, 13], [6, 5, 6]]);
    expect(mass[0]).toBeGreaterThan(mass[1]);
  });

  it('locates the dark spheres of a synthetic confocal image: interior ones within 1 px, nothing spurious', () => {
    const s = makeSyntheticConfocal({ shape: SHAPE, seed: 3 });
    const data = Float64Array.from(s.uint8, (v) => v / 255);
    const pos = locateSpheres(data, SHAPE, 5, { invert: true });
    const truth = s.particles.map((p) => [p.z, p.y, p.x]);
    const interior = truth.filter((p) => p.every((v, i) => v >= 1.5 && v <= SHAPE[i] - 2.5));
    expect(interior.length).toBeGreaterThanOrEqual(6);
    interior.forEach((p) => expect(nearest(p, pos)).toBeLessThan(1));
    pos.forEach((q) => expect(nearest(q, truth)).toBeLessThan(1.5));
  });

  it('without trim_edge also finds the spheres cut by the image edges (and the coverslip’s edge maxima)', () => {
    const s = makeSyntheticConfocal({ shape: SHAPE, seed: 3 });
    const data = Float64Array.from(s.uint8, (v) => v / 255);
    const pos = locateSpheres(data, SHAPE, 5, { invert: true, trimEdge: false });
    s.particles.forEach((p) => expect(nearest([p.z, p.y, p.x], pos)).toBeLessThan(1.5));
    expect(pos.some((q) => q[0] === 0)).toBe(true);
  });

  it('rejects images that do not match their shape', () => {
    expect(() => locateSpheres(new Float64Array(10), [2, 2, 2], 3)).toThrow(/10 values do not fill a 2×2×2 volume/);
  });
});

describe('feature_guess helpers', () => {
  it('numpy’s round, median and percentile', () => {
    expect([0.5, 1.5, 2.5, -0.5, 2.4, 2.6].map(roundHalfEven)).toEqual([0, 2, 2, 0, 2, 3]);
    expect(median([3, 1, 2, 10])).toBe(2.5);
    expect(percentile([1, 2, 3, 4, 5], 20)).toBeCloseTo(1.8, 14);
    expect(defaultMinmass(5)).toBeCloseTo(0.01 * (4 / 3) * Math.PI * 125, 12);
  });

  it('guesses dark particles in a dyed-fluid state, the add radius, and finds a removed particle in the residuals', () => {
    const st = fitState();
    expect(guessInvert(st)).toBe(true);
    expect(guessAddRadii(st)).toBeCloseTo(percentile([3.4, 3.1, 3.6], 20), 12);
    st.removeParticles(1);
    const { guess } = featureGuess(st, 3.1);
    expect(nearest(TRUE_POS[1], guess.slice(0, 1))).toBeLessThan(1.5);
  });

  it('a state without particles cannot guess an add radius', () => {
    const st = fitState(fitConfig([], []));
    expect(() => guessAddRadii(st)).toThrow(/has none/);
  });
});
