import { describe, expect, it } from 'vitest';
import { createState } from '../peri/state';
import { barnesOrders, configRadius, statemakerConfig, withZscale, zscaleFromVoxelSize } from './peri-session-config';
import { smallConfig } from './peri-session.fixtures';

describe('statemaker defaults', () => {
  it("scale the Barnes illumination with the image as PERI's statemaker_example", () => {
    expect(barnesOrders([48, 64, 64])).toEqual({ npts: [8, 5], zorder: 8 });
    expect(barnesOrders([100, 512, 512])).toEqual({ npts: [60, 40, 30, 20, 15, ...Array(8).fill(12)], zorder: 17 });
  });

  it('give a configuration that builds a state (Gaussian PSF, or the exact PSF with linked zscale)', () => {
    const cfg = statemakerConfig([10, 16, 16], { radius: 3, zscale: 0.9, psf: 'AnisotropicGaussianXYZ' });
    const st = createState(cfg, null, { shape: [10, 16, 16], particles: { pos: [[5, 8, 8]], rad: 3 } });
    expect(st.comps.categories).toEqual(['obj', 'ilm', 'bkg', 'offset', 'psf']);
    expect(st.getValue('zscale')).toBe(0.9);
    expect(statemakerConfig([10, 16, 16], { psf: 'FixedSSChebLinePSF' }).link_zscale).toBe(true);
    expect(statemakerConfig([10, 16, 16], { slabZ: null }).components[0].class).toBe('PlatonicSpheresCollection');
  });

  it('override zscale, read the radius and derive zscale from the voxel size', () => {
    const cfg = withZscale(smallConfig(), 0.75);
    expect(createState(cfg, null, { shape: [14, 22, 24] }).getValue('zscale')).toBe(0.75);
    expect(() => withZscale(smallConfig(), 0)).toThrow(/zscale must be a finite number > 0/);
    expect(configRadius(smallConfig())).toBe(3.1);
    expect(zscaleFromVoxelSize({ z: 0.1125, x: 0.125 })).toBeCloseTo(0.9, 12);
    expect(zscaleFromVoxelSize({ z: null, x: 0.125 })).toBeNull();
  });
});
