import { describe, expect, it } from 'vitest';
import { PeriParamError } from './errors';
import {
  barnesParam, parseFieldParam, parseParticleParam, particleParams, particlePosParams, particleRadParams,
  poly3DParam, polyXYParam, polyZParam, slabParams,
} from './params';

describe('PERI parameter names', () => {
  it('builds particle names in z, y, x, a order and parses them back', () => {
    expect(particleParams([0, 13])).toEqual(['sph-0-z', 'sph-0-y', 'sph-0-x', 'sph-0-a', 'sph-13-z', 'sph-13-y', 'sph-13-x', 'sph-13-a']);
    expect(particlePosParams(2)).toEqual(['sph-2-z', 'sph-2-y', 'sph-2-x']);
    expect(particleRadParams([4, 1], 'p')).toEqual(['p-4-a', 'p-1-a']);
    expect(parseParticleParam('sph-13-a')).toEqual({ prefix: 'sph', index: 13, coord: 'a' });
    expect(parseParticleParam('zscale')).toBeNull();
    expect(parseParticleParam('sph-1-w')).toBeNull();
    expect(() => particleParams(-1)).toThrow(PeriParamError);
  });

  it('builds and parses field names of each category', () => {
    expect(polyXYParam('ilm', 1, 2)).toBe('ilm-xy-1-2');
    expect(polyZParam('bkg', 0)).toBe('bkg-z-0');
    expect(poly3DParam('ilm', 2, 0, 1)).toBe('ilm-2-0-1');
    expect(barnesParam('ilm', 3, 17)).toBe('ilm-b3-17');
    expect(parseFieldParam('bkg-xy-1-0', 'bkg')).toEqual({ kind: 'xy', i: 1, j: 0 });
    expect(parseFieldParam('ilm-z-4', 'ilm')).toEqual({ kind: 'z', k: 4 });
    expect(parseFieldParam('ilm-2-0-1', 'ilm')).toEqual({ kind: '3d', i: 2, j: 0, k: 1 });
    expect(parseFieldParam('ilm-b0-3', 'ilm')).toEqual({ kind: 'barnes', i: 0, j: 3 });
    expect(parseFieldParam('ilm-scale', 'ilm')).toEqual({ kind: 'scale' });
    expect(parseFieldParam('ilm-off', 'ilm')).toEqual({ kind: 'off' });
    expect(parseFieldParam('ilm-xy-0-0', 'bkg')).toBeNull();
  });

  it('names the slab parameters after its prefix', () => {
    expect(slabParams()).toEqual({ zpos: 'slab-zpos', theta: 'slab-theta', phi: 'slab-phi' });
  });
});
