/** Analytic ∂model/∂θ of the linear parameters against central differences of the model. */
import { describe, expect, it } from 'vitest';
import { createState } from './create';
import { SMALL_SHAPE, smallConfig } from './testing';
import type { PeriState } from './state';

function centralDifference(st: PeriState, name: string, h: number): Float64Array {
  const v = st.getValue(name);
  st.update(name, v + h);
  const up = st.model;
  st.update(name, v - h);
  const down = st.model;
  st.update(name, v);
  return Float64Array.from(up, (u, i) => (u - down[i]) / (2 * h));
}

function relativeError(got: Float32Array, want: Float64Array): number {
  let [num, den] = [0, 0];
  for (let i = 0; i < want.length; i++) {
    num += (got[i] - want[i]) ** 2;
    den += want[i] ** 2;
  }
  return Math.sqrt(num / den);
}

describe('analytic derivatives of the linear parameters', () => {
  const config = (ilm: string, operation: '*' | '+') => {
    const cfg = smallConfig({ pad: 10 });
    cfg.components[1] = { class: ilm, args: { order: [2, 2, 2], category: 'ilm', constval: 0.9, ...(ilm.includes('2P1D') ? { operation } : {}) } };
    cfg.values = ilm.includes('3D') ? { 'ilm-1-0-1': 0.05 } : { 'ilm-xy-1-0': 0.05, 'ilm-z-0': -0.04 };
    return cfg;
  };

  for (const [ilm, op] of [['LegendrePoly2P1D', '*'], ['Polynomial2P1D', '+'], ['LegendrePoly3D', '*']] as const) {
    it(`${ilm} ('${op}') ILM, background and offset match central differences (1e-4)`, () => {
      const st = createState(config(ilm, op), null, { shape: SMALL_SHAPE });
      const names = st.params.filter((p) => p.startsWith('ilm-') || p.startsWith('bkg-') || p === 'offset');
      const d = st.linearDerivatives(names);
      names.forEach((name, i) => {
        expect(d[i], name).not.toBeNull();
        expect(relativeError(d[i]!, centralDifference(st, name, 0.05)), name).toBeLessThan(1e-4);
      });
    });
  }

  it('with dl, earlier coefficients of the field are moved first (rts=False): Z derivatives at XY = 0', () => {
    const cfg = config('LegendrePoly2P1D', '*');
    cfg.values = { 'ilm-xy-0-0': 0, 'ilm-z-0': 0.1 };
    const st = createState(cfg, null, { shape: SMALL_SHAPE });
    const names = ['ilm-xy-0-0', 'ilm-z-0'];
    expect(st.linearDerivatives(names)[1]!.every((v) => v === 0)).toBe(true);
    const shifted = st.linearDerivatives(names, 1e-3)[1]!;
    st.update('ilm-xy-0-0', 1e-3);
    expect(relativeError(shifted, centralDifference(st, 'ilm-z-0', 0.05))).toBeLessThan(1e-3);
    expect(st.getValue('ilm-z-0')).toBe(0.1);
  });

  it('leaves the non-linear parameters (and a PSF it cannot split) to finite differences', () => {
    const st = createState(config('LegendrePoly2P1D', '*'), null, { shape: SMALL_SHAPE });
    expect(st.linearDerivatives(['slab-zpos', 'psf-sigx', 'zscale', 'sph-0-x', 'ilm-xy-0-0']).map((d) => d === null)).toEqual([true, true, true, true, false]);
    const fft = config('LegendrePoly2P1D', '*');
    fft.components[4] = { class: 'AnisotropicGaussian', args: { sigmas: [2.4, 1.3] } };
    expect(createState(fft, null, { shape: SMALL_SHAPE }).linearDerivatives(['ilm-xy-0-0', 'offset'])).toEqual([null, null]);
    expect(() => st.linearDerivatives(['nope'])).toThrow(/not a parameter/);
  });
});
