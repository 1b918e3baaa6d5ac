import { describe, expect, it } from 'vitest';
import { Prng } from '../../util/prng';
import { doLevmarq, doLevmarqParticles } from './levmarq';
import { jr } from './jtj';
import { GlobalsProblem, ParticlesProblem, legval, numPixelsForJ, randomSubset } from './state-problems';
import { FIT_NOISE, fitConfig, fitState, noiseFloor, TRUE_POS, TRUE_RAD } from './testing';
import { nameGlobals, residualsAt } from './state-view';

describe('pixel subsets for J', () => {
  it('follow PERI’s get_num_px_jtj clip(N/decimate, 20·n, max_mem/8/n)', () => {
    expect(numPixelsForJ(1e6, 10)).toBe(1e6);
    expect(numPixelsForJ(1e6, 10, 8e6)).toBe(1e5);
    expect(numPixelsForJ(100, 10)).toBe(200);
    expect(() => numPixelsForJ(1e6, 100, 1e4)).toThrow(/too small for 100 parameters/);
  });

  it('draws distinct sorted indices, reproducibly for a seed', () => {
    const a = randomSubset(1000, 50, new Prng(3))!;
    const b = randomSubset(1000, 50, new Prng(3))!;
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(new Set(a).size).toBe(50);
    for (let i = 1; i < a.length; i++) expect(a[i]).toBeGreaterThan(a[i - 1]);
    expect(randomSubset(10, 10, new Prng(1))).toBeNull();
  });
});

describe('legval', () => {
  it('is numpy’s Legendre series', () => {
    expect(legval(0.3, [2])).toBe(2);
    expect(legval(0.3, [1, 2, 3])).toBeCloseTo(1 + 2 * 0.3 + 3 * 0.5 * (3 * 0.09 - 1), 14);
    expect(legval(-0.5, [0, 0, 0, 1])).toBeCloseTo(0.5 * (5 * -0.125 - 3 * -0.5), 14);
  });
});

describe('GlobalsProblem (LMGlobals)', () => {
  it('J’s cost gradient is 2·J·r over all pixels (PERI: full-image finite difference of the error)', () => {
    const st = fitState();
    st.update(['ilm-xy-0-0', 'offset'], [0.95, 0.13]);
    const p = new GlobalsProblem(st, ['ilm-xy-0-0', 'offset', 'bkg-xy-0-0'], { rng: new Prng(1) });
    const before = p.values();
    const { rows, costGradient } = p.jacobian();
    expect(Array.from(p.values())).toEqual(Array.from(before));
    const g = jr(rows, p.residuals()).map((v) => 2 * v);
    g.forEach((v, i) => expect(Math.abs(costGradient![i] - v)).toBeLessThan(2e-3 * Math.abs(v) + 1e-2));
  });

  it('fits perturbed globals down to the noise floor, identically for the same seed', () => {
    const run = (seed: number) => {
      const st = fitState();
      st.update(['ilm-xy-0-0', 'offset', 'bkg-xy-0-0', 'ilm-z-0'], [0.8, 0.2, 0.0, 0.02]);
      const names = nameGlobals(st, ['psf-sigz', 'psf-sigy', 'psf-sigx', 'zscale']);
      doLevmarq(st, names, { maxIter: 3, maxMem: 8 * 40 * 16 * 28 * 28 }, { seed });
      return st;
    };
    const a = run(4);
    const b = run(4);
    expect(a.error).toBeLessThan(1.1 * noiseFloor());
    expect(a.values).toEqual(b.values);
    // ILM, background and offset constants trade off (PERI's degeneracy): compare the images.
    const truth = fitState().model;
    const m = a.model;
    let ss = 0;
    m.forEach((v, i) => (ss += (v - truth[i]) ** 2));
    expect(Math.sqrt(ss / m.length)).toBeLessThan(0.2 * FIT_NOISE);
  });

  it('with rz_order, rz-0 = log 1.1 scales every radius by 1.1', () => {
    const st = fitState();
    const p = new GlobalsProblem(st, ['offset'], { rng: new Prng(1), rzOrder: 2 });
    expect(p.params).toEqual(['offset', 'rz-0', 'rz-1']);
    p.update(Float64Array.from([0.1, Math.log(1.1), 0]));
    st.spheres!.radii().forEach((r, i) => expect(r).toBeCloseTo(1.1 * TRUE_RAD[i], 12));
  });
});

describe('ParticlesProblem (LMParticles)', () => {
  it('J covers the whole residual change: outside its tile the residuals do not move', () => {
    const st = fitState();
    const p = new ParticlesProblem(st, [0]);
    const r0 = residualsAt(st, null);
    p.update(Float64Array.from([8.5, 8.2, 9.4, 3.5]));
    const r1 = residualsAt(st, null);
    const t = p.residualTile;
    const [, ny, nx] = st.ishape.shape;
    let outside = 0;
    r0.forEach((v, k) => {
      const z = Math.floor(k / (ny * nx));
      const y = Math.floor(k / nx) % ny;
      const x = k % nx;
      if (!t.contains([z, y, x]) && v !== r1[k]) outside++;
    });
    expect(outside).toBe(0);
    expect(t.volume).toBeLessThan(st.residuals.length);
  });

  it('clips radii to [1e-3, 200] and positions to the padded image', () => {
    const st = fitState();
    const p = new ParticlesProblem(st, [1]);
    p.update(Float64Array.from([-50, 18.6, 19.3, -2]));
    expect(st.get(['sph-1-z', 'sph-1-a'])).toEqual([-6 + 1e-3, 1e-3]);
  });

  it('recovers jittered positions and radii to a few hundredths of a pixel', () => {
    const start = TRUE_POS.map((p, i) => p.map((v, k) => v + 0.4 * Math.sin(3 * i + k)) as [number, number, number]);
    const st = fitState(fitConfig(start, TRUE_RAD.map((r) => r * 1.05)));
    doLevmarqParticles(st, [0, 1, 2], { maxIter: 6 });
    const pos = st.spheres!.positions();
    pos.forEach((p, i) => p.forEach((v, k) => expect(Math.abs(v - TRUE_POS[i][k])).toBeLessThan(0.05)));
    st.spheres!.radii().forEach((r, i) => expect(Math.abs(r - TRUE_RAD[i])).toBeLessThan(0.05));
    expect(st.error).toBeLessThan(1.001 * fitState().error);
  });

  it('rejects empty and unknown particle lists', () => {
    const st = fitState();
    expect(() => new ParticlesProblem(st, [])).toThrow(/empty list of particle indices/);
    expect(() => new ParticlesProblem(st, [7])).toThrow(/7 is not one of the state's 3 particles/);
  });
});
