import { describe, expect, it } from 'vitest';
import type { PeriConfig } from '../config/schema';
import { PeriParamError } from '../errors';
import { createState } from './create';
import { maxAbs, smallConfig, smallState, SMALL_SHAPE } from './testing';

describe('PeriState', () => {
  it('error is Σ(data − model)² over the image; log-likelihood and pixel count follow PERI', () => {
    const st = smallState();
    const m = st.model;
    let e = 0;
    st.data.forEach((d, i) => (e += (d - m[i]) ** 2));
    expect(Math.abs(st.error - e)).toBeLessThan(1e-7 * e);
    expect(maxAbs(st.residuals, st.data.map((d, i) => d - m[i]))).toBeLessThan(1e-7);
    const n = SMALL_SHAPE[0] * SMALL_SHAPE[1] * SMALL_SHAPE[2];
    expect(st.npix).toBe(n);
    expect(st.loglikelihood).toBeCloseTo(-0.5 * e / 0.05 ** 2 - n * Math.log(Math.sqrt(2 * Math.PI) * 0.05), 6);
    st.setSigma(0.1);
    expect(st.loglikelihood).toBeCloseTo(-0.5 * e / 0.01 - n * Math.log(Math.sqrt(2 * Math.PI) * 0.1), 6);
    expect(() => st.setSigma(0)).toThrow(/sigma must be finite and > 0/);
  });

  it('lists, gets and sets parameters by PERI name', () => {
    const st = smallState();
    expect(st.params.slice(0, 5)).toEqual(['sph-0-z', 'sph-0-y', 'sph-0-x', 'sph-0-a', 'sph-1-z']);
    expect(st.params).toEqual(expect.arrayContaining(['zscale', 'slab-zpos', 'ilm-xy-0-0', 'ilm-z-1', 'bkg-xy-0-1', 'offset', 'psf-sigz']));
    expect(new Set(st.params).size).toBe(st.params.length);
    expect(st.values).toHaveLength(st.params.length);
    expect(st.get(['offset', 'ilm-xy-1-0'])).toEqual([0.1, 0.05]);
    expect(st.paramParticle(2)).toEqual(['sph-2-z', 'sph-2-y', 'sph-2-x', 'sph-2-a']);
    expect(() => st.update('sph-99-x', 1)).toThrow(PeriParamError);
    expect(() => st.update('sph-99-x', 1)).toThrow(/'sph-99-x' is not a parameter of this state/);
    expect(() => st.update(['offset'], [NaN])).toThrow(/must be finite/);
  });

  it('finds the closest particle', () => {
    const st = smallState();
    expect(st.closestParticle([5, 5, 18])).toBe(1);
    expect(st.closestParticle([12, 1, 22])).toBe(3);
    expect(() => st.closestParticle([1, 2])).toThrow(/finite \(z, y, x\)/);
  });

  it('without an image the model is the data (PERI NullImage)', () => {
    const st = createState(smallConfig(), null, { shape: SMALL_SHAPE });
    expect(st.error).toBe(0);
    expect(st.image).toBeNull();
    expect(() => createState(smallConfig(), null)).toThrow(/needs opts.shape/);
  });

  const variants: [string, (c: PeriConfig) => void][] = [
    ['IlluminatedParticlesModel', (c) => { c.components.splice(3, 2); }],
    ['ConfocalDyedParticlesModel', (c) => { c.components.splice(3, 1); }],
    ['BrightfieldImageModel', (c) => { c.components[3] = { class: 'GlobalScalar', args: { name: 'contrast', value: -0.3 } }; }],
    ['ParticlesOnlyModel', (c) => { c.components.splice(1, 4); }],
  ];
  for (const [model, edit] of variants) {
    it(`${model}: particle updates are local and equal a full redraw`, () => {
      const cfg = smallConfig({ model, values: {} });
      edit(cfg);
      const st = createState(cfg, null, { shape: SMALL_SHAPE });
      expect(st.update(['sph-0-x', 'sph-0-a'], [12.4, 3.4]).kind).toBe('local');
      st.addParticles([4, 15, 15], 2.5);
      const m = st.model;
      st.reset();
      expect(maxAbs(m, st.model)).toBeLessThan(1e-6);
    });
  }

  it('a linked zscale is one parameter shared by the spheres and the exact PSF', () => {
    const cfg = smallConfig({ link_zscale: true, values: {} });
    cfg.components[4] = { class: 'FixedSSChebLinePSF', args: { support_size: [9, 7, 9] } };
    const st = createState(cfg, null, { shape: SMALL_SHAPE });
    expect(st.params.filter((p) => p === 'zscale')).toHaveLength(1);
    expect(st.params).not.toContain('psf-zscale');
    expect(st.getValue('zscale')).toBe(0.9);
    expect(st.update('zscale', 0.95).kind).toBe('full');
    expect(st.spheres!.getValues(['zscale'])).toEqual([0.95]);
    expect(st.component('psf')!.getValues(['zscale'])).toEqual([0.95]);
    const m = st.model;
    st.update(st.paramParticle(0), [7.4, 10.2, 11.9, 3.3]);
    st.update(st.paramParticle(0), [7.2, 10.6, 11.3, 3.1]);
    expect(maxAbs(m, st.model)).toBeLessThan(1e-6);
  });

  it('SmoothFieldModel needs only an ilm; unused components are listed', () => {
    const cfg = smallConfig({ model: 'SmoothFieldModel', values: {} });
    const st = createState(cfg, null, { shape: SMALL_SHAPE });
    expect(st.unused).toEqual(['obj', 'bkg', 'offset', 'psf']);
    expect(st.model[0]).toBeCloseTo(0.9, 6);
  });
});
