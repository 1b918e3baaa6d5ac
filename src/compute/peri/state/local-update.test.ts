/** PERI's local update (d-equation on a tile) against a full redraw of the model. */
import { describe, expect, it } from 'vitest';
import { createState } from './create';
import { maxAbs, smallConfig, smallState, SMALL_SHAPE } from './testing';
import type { PeriState } from './state';

/**
 * The model (on the image) and error kept by local updates against a fresh full recomputation.
 * In the padding, far from a change, a full redraw also carries what the circular convolution over
 * the whole padded grid wraps around; PERI's local update (and this one) leaves that out.
 */
function expectLocalEqualsFull(st: PeriState): void {
  const model = st.model;
  const error = st.error;
  st.reset();
  expect(maxAbs(model, st.model)).toBeLessThan(1e-6);
  // float32 round-off of the two model computations (FFT PSFs: ~1e-7 per voxel) over Σr²
  expect(Math.abs(error - st.error)).toBeLessThan(1e-6 * Math.max(1, st.error));
}

describe('local particle updates equal a full redraw (1e-6)', () => {
  it('moves and resizes particles inside, near and across the edges', () => {
    const st = smallState();
    const moves: [string[], number[]][] = [
      [['sph-0-x', 'sph-0-y'], [11.9, 10.1]],
      [['sph-1-a'], [3.3]],
      [['sph-2-z', 'sph-2-x'], [0.4, 2.2]],
      [['sph-3-y', 'sph-3-a'], [-0.8, 3.2]],
      [['sph-4-z'], [-2.4]],
      [['sph-0-z', 'sph-0-y', 'sph-0-x', 'sph-0-a'], [7.9, 9.2, 12.1, 2.8]],
    ];
    for (const [names, values] of moves) {
      const out = st.update(names, values);
      expect(out.kind).toBe('local');
    }
    expect(st.updateCounts.localDiff).toBe(moves.length);
    expectLocalEqualsFull(st);
  });

  it('adds and removes particles with local updates', () => {
    const st = smallState();
    const n0 = st.spheres!.N;
    const [i] = st.addParticles([3.3, 17.2, 6.6], 2.7);
    expect(i).toBe(n0);
    expect(st.params).toContain(`sph-${n0}-a`);
    expect(st.getValue(`sph-${n0}-a`)).toBeCloseTo(2.7, 12);
    st.addParticles([[13.4, 21.1, 0.5], [6, 6, 6]], [2.2, 3]);
    st.removeParticles([1, n0]);
    expect(st.spheres!.N).toBe(n0 + 1);
    expect(st.params).not.toContain(`sph-${n0 + 1}-a`);
    expect(st.updateCounts.full).toBe(1);
    expectLocalEqualsFull(st);
  });

  it('with an FFT-convolved PSF (AnisotropicGaussian), on tiles grown to smooth sizes', () => {
    const cfg = smallConfig();
    cfg.components[4] = { class: 'AnisotropicGaussian', args: { sigmas: [2.4, 1.3] } };
    const st = smallState(cfg);
    expect(st.update(['sph-0-x', 'sph-0-a'], [12.2, 3.3]).kind).toBe('local');
    st.update(['sph-2-z'], [0.1]);
    st.addParticles([10, 3, 20], 2.5);
    expectLocalEqualsFull(st);
  });

  it('FFT PSF with the padding stale: patches only the image, on zero-padded fast FFT shapes', () => {
    const cfg = smallConfig({ pad: 8, values: {} });
    cfg.components[4] = { class: 'AnisotropicGaussian', args: { sigmas: [2.4, 1.3] } };
    cfg.components[1] = { class: 'BarnesStreakLegPoly2P1D', args: { npts: [12, 4], zorder: 2 } };
    const st = smallState(cfg);
    const moves: [string[], number[]][] = [[['sph-0-x', 'sph-0-a'], [12.2, 3.3]], [['sph-2-z'], [0.1]], [['ilm-b0-5'], [0.03]], [['sph-4-y'], [12.6]]];
    for (const [names, values] of moves) {
      const out = st.update(names, values);
      expect(out.kind).toBe('local');
      expect(st.ishape.includes(out.tile!)).toBe(true);
    }
    st.addParticles([10, 3, 20], 2.5);
    expectLocalEqualsFull(st);
    // once the padding is asked for, updates patch it too (PERI's tiles)
    const padded = st.paddedModel.slice();
    const out = st.update(['sph-1-x'], [18.4]);
    expect(st.ishape.includes(out.tile!)).toBe(false);
    st.update(['sph-1-x'], [18.9]);
    expect(maxAbs(st.paddedModel, padded)).toBeLessThan(1e-6);
    expectLocalEqualsFull(st);
  });

  it('global parameters redraw everything', () => {
    const st = smallState();
    expect(st.update('offset', 0.2).kind).toBe('full');
    expect(st.update('psf-sigx', 1.6).kind).toBe('full');
    expect(st.update('ilm-z-1', 0.02).kind).toBe('full');
    expect(st.update('zscale', 0.95).kind).toBe('full');
    expect(st.updateCounts.local).toBe(0);
  });

  it('several categories at once take the full expression on the tile', () => {
    const cfg = smallConfig({
      components: [
        ...smallConfig().components.slice(0, 1),
        { class: 'BarnesStreakLegPoly2P1D', args: { npts: [30, 4], zorder: 2 } },
        ...smallConfig().components.slice(2),
      ],
      values: {},
    });
    const st = createState(cfg, null, { shape: SMALL_SHAPE });
    expect(st.update(['ilm-b0-3'], [0.05]).kind).toBe('local');
    const t = st.update(['sph-0-x', 'ilm-b0-14'], [11.8, -0.04]);
    expect(t.kind).toBe('local');
    expect(t.tile!.volume).toBeLessThan(st.oshape.volume);
    expect(st.updateCounts.localDiff).toBe(1);
    expectLocalEqualsFull(st);
  });

  it('pushUpdate / popUpdate restore the values, the model and the error', () => {
    const st = smallState();
    const model0 = st.paddedModel.slice();
    const e0 = st.error;
    st.pushUpdate(['sph-0-x', 'sph-0-a'], [11.3 + 2e-5, 3.1]);
    st.pushUpdate(['offset'], [0.3]);
    st.popUpdate();
    st.popUpdate();
    expect(st.get(['sph-0-x', 'sph-0-a', 'offset'])).toEqual([11.3, 3.1, 0.1]);
    expect(maxAbs(st.paddedModel, model0)).toBeLessThan(1e-6);
    expect(Math.abs(st.error - e0)).toBeLessThan(1e-7 * e0);
    expect(() => st.popUpdate()).toThrow(/no pushed update/);
  });
});
