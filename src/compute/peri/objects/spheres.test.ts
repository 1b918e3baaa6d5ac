import { describe, expect, it } from 'vitest';
import type { ComponentParent } from '../component';
import { PeriParamError, PeriShapeError, PeriValueError } from '../errors';
import { Tile } from '../tile';
import { roundHalfEven, sphereDrawBox, sphereUpdateTile } from './sphere-geometry';
import { PlatonicSpheresCollection, type SpheresOptions } from './spheres';

const SHAPE = new Tile([30, 34, 36]);
const INNER = SHAPE.pad(-5);
const POS = [
  [10.2, 12.7, 9.4],
  [13.1, 15.05, 16.3],
  [4.6, 20.2, 22.9],
];
const RAD = [4.3, 3.7, 5.1];

function make(pos = POS, rad = RAD, opts: SpheresOptions = {}): PlatonicSpheresCollection {
  const s = new PlatonicSpheresCollection(pos, rad, { zscale: 0.9, ...opts });
  s.setShape(SHAPE, INNER);
  return s;
}

function maxDiff(a: Float32Array, b: Float32Array): number {
  return a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);
}

describe('drawing rules', () => {
  it("rounds halves to even (numpy's round), so x.5 centres draw asymmetric boxes", () => {
    expect([16.5, 17.5, -0.5, 2.4999, -1.5].map(roundHalfEven)).toEqual([16, 18, 0, 2, -2]);
    const bounds = new Tile([32, 32, 32]);
    expect(sphereDrawBox([16.5, 16.5, 16.5], 5, 1, 4, bounds)).toEqual(new Tile([7, 7, 7], [25, 25, 25]));
    expect(sphereDrawBox([16.3, 15.75, 16.1], 5, 0.9, 4, bounds)).toEqual(new Tile([6, 7, 7], [26, 25, 25]));
    expect(sphereDrawBox([2.2, 30.6, 16], 5, 1, 4, bounds)).toEqual(new Tile([0, 22, 7], [11, 32, 25]));
  });

  it('update tiles are pos ∓ (a/zscale, a, a) padded by support_pad, truncated and not clipped', () => {
    expect(sphereUpdateTile([3.3, 10.5, 7], 2.5, 0.5, 4)).toEqual(new Tile([-5, 4, 0], [12, 17, 13]));
  });

  it('the exact-volume correction makes each interior sphere hold 4/3·π·a³/zscale', () => {
    const s = make([[15, 17.3, 18.1]], [4.37]);
    const sum = s.get().reduce((t, v) => t + v, 0);
    expect(Math.abs(sum / (((4 / 3) * Math.PI * 4.37 ** 3) / 0.9) - 1)).toBeLessThan(1.2e-5);
    expect(s.effectiveRadii()[0]).not.toBe(4.37);
    const plain = make([[15, 17.3, 18.1]], [4.37], { exactVolume: false });
    expect(plain.effectiveRadii()).toEqual([4.37]);
  });

  it('a sphere cut by the grid edge stops at max_radius_change instead of inflating', () => {
    const s = make([[-4, 17, 18]], [5]);
    expect(Math.abs(s.effectiveRadii()[0] / 5 - 1)).toBeLessThanOrEqual(1e-2);
  });
});

describe('updates', () => {
  it('a local update (erase old, draw new) equals drawing the new configuration from scratch', () => {
    const s = make();
    s.update(['sph-1-x', 'sph-1-a', 'sph-0-z'], [17.9, 4.05, 11.4]);
    const fresh = make([POS[0].map((v, i) => (i === 0 ? 11.4 : v)), [13.1, 15.05, 17.9], POS[2]], [4.3, 4.05, 5.1]);
    expect(maxDiff(s.get(), fresh.get())).toBeLessThanOrEqual(1e-6);
    expect(s.getValues(['sph-1-x', 'sph-1-a', 'sph-0-z'])).toEqual([17.9, 4.05, 11.4]);
  });

  it('the update tile bounds the particle before and after the change', () => {
    const s = make();
    const t = s.getUpdateTile(['sph-1-x'], [20.3])!;
    const l = INNER.l;
    const before = sphereUpdateTile([13.1 + l[0], 15.05 + l[1], 16.3 + l[2]], 3.7, 0.9, 4);
    const after = sphereUpdateTile([13.1 + l[0], 15.05 + l[1], 20.3 + l[2]], 3.7, 0.9, 4);
    expect(t).toEqual(Tile.boundingTile(before, after));
    expect(s.getValues(['sph-1-x'])).toEqual([16.3]);
    expect(s.getUpdateTile(['zscale'], [1])).toEqual(SHAPE);
  });

  it('a zscale change redraws everything', () => {
    const s = make();
    s.update(['zscale'], [1.1]);
    expect(maxDiff(s.get(), make(POS, RAD, { zscale: 1.1 }).get())).toBe(0);
  });

  it('negative radii are clipped to 0 and not drawn', () => {
    const s = make();
    s.update(['sph-2-a'], [-1]);
    expect(s.radii()[2]).toBe(0);
    expect(maxDiff(s.get(), make(POS.slice(0, 2), RAD.slice(0, 2)).get())).toBeLessThanOrEqual(1e-6);
    expect(s.effectiveRadii()[2]).toBeNaN();
  });

  it('returns the field on a tile of the padded grid', () => {
    const s = make();
    const tile = new Tile([3, 4, 5], [20, 21, 30]);
    const all = s.get();
    const part = s.get(tile);
    expect(part[0]).toBe(all[(3 * 34 + 4) * 36 + 5]);
    expect(part.length).toBe(tile.volume);
  });
});

describe('parameters, adding and removing particles', () => {
  it('lists z, y, x, a per particle then zscale, or grouped by parameter', () => {
    expect(make().params.slice(0, 5)).toEqual(['sph-0-z', 'sph-0-y', 'sph-0-x', 'sph-0-a', 'sph-1-z']);
    expect(make().params.at(-1)).toBe('zscale');
    const g = make(POS, RAD, { grouping: 'parameter' }).params;
    expect(g.slice(7, 12)).toEqual(['sph-2-y', 'sph-2-x', 'sph-0-a', 'sph-1-a', 'sph-2-a']);
  });

  it('adds particles at radius 0, then draws them through the parent', () => {
    const s = make(POS.slice(0, 2), RAD.slice(0, 2));
    const calls: string[] = [];
    const parent: ComponentParent = {
      triggerParameterChange: () => calls.push('params'),
      triggerUpdate: (p, v) => {
        calls.push(`update ${p.join(',')}`);
        s.update(p, v);
      },
    };
    s.register(parent);
    expect(s.addParticle(POS[2], RAD[2])).toEqual([2]);
    expect(calls).toEqual(['params', 'update sph-2-a']);
    expect(s.N).toBe(3);
    expect(maxDiff(s.get(), make().get())).toBeLessThanOrEqual(1e-6);
  });

  it("removes particles and re-indexes the names, as PERI does", () => {
    const s = make();
    const removed = s.removeParticle(0);
    expect(removed).toEqual({ pos: [POS[0]], rad: [RAD[0]] });
    expect(s.N).toBe(2);
    expect(s.getValues(['sph-0-x', 'sph-1-a'])).toEqual([16.3, 5.1]);
    expect(() => s.getValues(['sph-2-x'])).toThrow(PeriParamError);
    expect(maxDiff(s.get(), make(POS.slice(1), RAD.slice(1)).get())).toBeLessThanOrEqual(1e-6);
  });

  it('finds the closest particle (unpadded coordinates)', () => {
    const s = make();
    expect(s.closestParticle([5, 19, 23])).toBe(2);
    expect(s.closestParticle([12, 14, 12])).toBe(0);
  });
});

describe('bad input', () => {
  it('gives specific errors', () => {
    expect(() => new PlatonicSpheresCollection([[1, 2]], 3)).toThrow(PeriValueError);
    expect(() => new PlatonicSpheresCollection([[1, 2, 3]], [3, 4])).toThrow(/1 positions but 2 radii/);
    expect(() => new PlatonicSpheresCollection([[1, 2, 3]], -1)).toThrow(/radius/);
    expect(() => new PlatonicSpheresCollection([[1, 2, 3]], 3, { zscale: 0 })).toThrow(/zscale/);
    expect(() => new PlatonicSpheresCollection([[1, 2, 3]], 3).get()).toThrow(PeriShapeError);
    const s = make();
    expect(() => s.update(['sph-7-x'], [1])).toThrow(/not a parameter/);
    expect(() => s.update(['sph-0-x'], [NaN])).toThrow(/finite/);
    expect(() => s.update(['sph-0-x', 'sph-0-y'], [1])).toThrow(/2 parameter names but 1 values/);
    expect(() => s.paramParticle(3)).toThrow(/out of range/);
    expect(() => make(POS, RAD, { keepField: false }).get()).toThrow(/keepField/);
  });
});
