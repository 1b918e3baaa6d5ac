import { describe, expect, it } from 'vitest';
import { BarnesStreakLegPoly2P1D } from '../fields/barnes-ilm';
import { LegendrePoly2P1D } from '../fields/poly2p1d';
import { fitState } from '../fit/testing';
import { AnisotropicGaussianXYZ } from '../psfs/gaussian';
import { RunnerInputError } from './errors';
import { fitComp } from './fit-comp';

function sumSq(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] - b[i]) ** 2;
  return s;
}

describe('fit_comp: a new field fitted to an old one', () => {
  it('a higher-order Legendre illumination reproduces the old one exactly', () => {
    const st = fitState();
    const old = st.component('ilm') as LegendrePoly2P1D;
    const fresh = new LegendrePoly2P1D({ order: [3, 3, 3], category: 'ilm' });
    const out = fitComp(fresh, old, {}, { seed: 1 });
    expect(out.initialError).toBeGreaterThan(1);
    expect(out.error).toBeLessThan(1e-8 * out.initialError);
    expect(out.params).toEqual(fresh.params);
    fresh.setShape(old.shape!, st.ishape);
    expect(sumSq(fresh.get(), old.get())).toBeCloseTo(out.error, 6);
  });

  it('fits a background (its category switched to ilm for the fit, names kept) and a Barnes illumination', () => {
    const st = fitState();
    const bkg = new LegendrePoly2P1D({ order: [2, 2, 2], category: 'bkg' });
    const b = fitComp(bkg, st.component('bkg')!);
    expect(bkg.category).toBe('bkg');
    expect(b.params.every((p) => p.startsWith('bkg-'))).toBe(true);
    expect(b.error).toBeLessThan(1e-8 * b.initialError);
    const barnes = new BarnesStreakLegPoly2P1D({ npts: [5, 3], zorder: 2 });
    const i = fitComp(barnes, st.component('ilm')!);
    expect(i.error).toBeLessThan(0.01 * i.initialError);
  });

  it('refuses components without a field', () => {
    const st = fitState();
    expect(() => fitComp(new AnisotropicGaussianXYZ({ sigmas: [2, 1, 1] }), st.component('ilm')!)).toThrow(RunnerInputError);
    expect(() => fitComp(new LegendrePoly2P1D(), new LegendrePoly2P1D())).toThrow(/no grid yet/);
  });
});
