import { describe, expect, it } from 'vitest';
import { PeriValueError } from '../errors';
import { fitConfig, fitState, FIT_NOISE, TRUE_POS, TRUE_RAD } from '../fit/testing';
import type { Vec3 } from '../tile';
import { Prng } from '../../util/prng';
import { residualDiagnostics, residualMoments, shellScores, whiteNoiseDiagnostics } from './diagnostics';

const SHAPE: Vec3 = [24, 40, 40];
const N = SHAPE[0] * SHAPE[1] * SHAPE[2];

function gaussianNoise(seed: number, sigma = 1): Float64Array {
  const rng = new Prng(seed);
  return Float64Array.from({ length: N }, () => sigma * rng.normal());
}

/** 27 particles of radius 4 on a 3×3×3 grid inside SHAPE. */
function particleGrid(): { positions: Vec3[]; radii: number[] } {
  const positions: Vec3[] = [];
  for (const z of [5.2, 11.7, 18.1]) for (const y of [8.4, 20.1, 31.6]) for (const x of [7.9, 19.5, 32.3]) positions.push([z, y, x]);
  return { positions, radii: positions.map(() => 4) };
}

/** Brute force over the whole image: the voxels with |d − a| ≤ w. */
function shellVoxels(p: Vec3, a: number, zscale: number, w: number): number[] {
  const out: number[] = [];
  for (let z = 0; z < SHAPE[0]; z++) {
    for (let y = 0; y < SHAPE[1]; y++) {
      for (let x = 0; x < SHAPE[2]; x++) {
        const d = Math.hypot(zscale * (z - p[0]), y - p[1], x - p[2]);
        if (Math.abs(d - a) <= w) out.push((z * SHAPE[1] + y) * SHAPE[2] + x);
      }
    }
  }
  return out;
}

describe('residual moments', () => {
  it('Gaussian noise has excess kurtosis ≈ 0 and Laplace noise ≈ 3', () => {
    const g = residualMoments(gaussianNoise(1, 0.03));
    expect(Math.abs(g.excessKurtosis)).toBeLessThan(0.1);
    expect(g.rms).toBeCloseTo(0.03, 3);
    const rng = new Prng(2);
    const laplace = Float64Array.from({ length: N }, () => {
      const u = rng.uniform() - 0.5;
      return -Math.sign(u) * Math.log(1 - 2 * Math.abs(u));
    });
    expect(residualMoments(laplace).excessKurtosis).toBeGreaterThan(2.5);
    expect(residualMoments(laplace).excessKurtosis).toBeLessThan(3.5);
  });

  it('rejects constant or too few residuals', () => {
    expect(() => residualMoments([1])).toThrow(PeriValueError);
    expect(() => residualMoments(new Float64Array(10).fill(0.2))).toThrow(/constant/);
  });
});

describe('shell scores', () => {
  it('sum exactly the voxels within ±w of the surface, z scaled by zscale, cut to the image', () => {
    const r = gaussianNoise(3);
    const cases: [Vec3, number, number, number][] = [
      [[11.3, 19.6, 20.2], 4.4, 1, 2],
      [[11.3, 19.6, 20.2], 4.4, 0.6, 2],
      [[2.5, 1.2, 38.7], 5, 0.9, 1.5],
    ];
    for (const [p, a, zscale, w] of cases) {
      const [s] = shellScores({ residuals: r, shape: SHAPE, positions: [p], radii: [a], zscale }, 1, { shellHalfWidth: w });
      const vox = shellVoxels(p, a, zscale, w);
      expect(s.n).toBe(vox.length);
      expect(s.meanResidual).toBeCloseTo(vox.reduce((t, i) => t + r[i], 0) / vox.length, 12);
      expect(s.score).toBeCloseTo(s.meanResidual * Math.sqrt(vox.length), 12);
    }
  });

  it('skip particles whose centre is outside the image', () => {
    const r = gaussianNoise(4);
    const positions: Vec3[] = [[-1, 10, 10], [10, 40.5, 10], [10, 10, 10]];
    const s = shellScores({ residuals: r, shape: SHAPE, positions, radii: [4, 4, 4], zscale: 1 }, 1);
    expect(s.map((c) => c.index)).toEqual([2]);
  });

  it('pure noise gives RMS ≈ 1; a surface ring of 0.3σ stands out by many units', () => {
    const { positions, radii } = particleGrid();
    const noise = gaussianNoise(5, 0.05);
    const clean = residualDiagnostics({ residuals: noise, shape: SHAPE, positions, radii, zscale: 0.9 });
    expect(clean.shells).toHaveLength(27);
    expect(clean.rmsShellScore).toBeGreaterThan(0.6);
    expect(clean.rmsShellScore).toBeLessThan(1.4);
    const ringed = Float64Array.from(noise);
    for (const i of shellVoxels(positions[13], 4, 0.9, 2)) ringed[i] += 0.3 * 0.05;
    const bad = residualDiagnostics({ residuals: ringed, shape: SHAPE, positions, radii, zscale: 0.9 });
    // 0.3·√n with n ≈ 900 shell voxels: ≈ 9 on top of the N(0, 1) noise score
    expect(bad.shells[13].score).toBeGreaterThan(6);
    expect(bad.rmsShellScore).toBeGreaterThan(2);
  });

  it('reject mismatched inputs with specific messages', () => {
    const r = gaussianNoise(6);
    expect(() => residualDiagnostics({ residuals: r.subarray(1), shape: SHAPE, positions: [], radii: [], zscale: 1 })).toThrow(/residuals for an image of 24×40×40/);
    expect(() => residualDiagnostics({ residuals: r, shape: SHAPE, positions: [[5, 5, 5]], radii: [], zscale: 1 })).toThrow(/1 positions but 0 radii/);
    expect(() => shellScores({ residuals: r, shape: SHAPE, positions: [], radii: [], zscale: 1 }, 1, { shellHalfWidth: 0 })).toThrow(/half-width/);
  });
});

describe('whiteNoiseDiagnostics on a state', () => {
  it('the truth state leaves white noise; a radius 0.4 px off leaves a particle-shaped residual', () => {
    const truth = whiteNoiseDiagnostics(fitState());
    expect(truth.sigma).toBeGreaterThan(0.9 * FIT_NOISE);
    expect(truth.sigma).toBeLessThan(1.1 * FIT_NOISE);
    expect(Math.abs(truth.excessKurtosis)).toBeLessThan(0.2);
    expect(truth.shells).toHaveLength(3);
    expect(truth.rmsShellScore).toBeLessThan(2.5);
    const off = whiteNoiseDiagnostics(fitState(fitConfig(TRUE_POS, TRUE_RAD.map((a, i) => (i === 1 ? a + 0.4 : a)))));
    expect(off.rmsShellScore).toBeGreaterThan(3 * truth.rmsShellScore);
  });
});
