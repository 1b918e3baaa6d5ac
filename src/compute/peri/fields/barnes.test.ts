import { describe, expect, it } from 'vitest';
import { PeriValueError } from '../errors';
import { Tile } from '../tile';
import { barnesInterpolate1D } from './barnes';
import { BarnesStreakLegPoly2P1D } from './barnes-ilm';
import { gridCoords } from './basis';

const OPTS = { filterSize: 0.25 / 1.75, iterations: 3, damp: 0.9, clipSize: 3 };
const nodes = gridCoords(9, 'linspace');
const at = gridCoords(57, 'linspace');

describe('normalised 1-D Barnes interpolation', () => {
  it('reproduces constant data exactly', () => {
    const out = barnesInterpolate1D(nodes, new Array(9).fill(0.37), at, OPTS);
    out.forEach((v) => expect(v).toBeCloseTo(0.37, 14));
  });

  it('passes close to smooth data at the nodes after the correction passes', () => {
    const data = Array.from(nodes, (x) => Math.sin(2 * x));
    const onNodes = barnesInterpolate1D(nodes, data, nodes, OPTS);
    const firstPass = barnesInterpolate1D(nodes, data, nodes, { ...OPTS, iterations: 0 });
    const err = (v: Float64Array) => Math.max(...Array.from(v, (y, i) => Math.abs(y - data[i])));
    expect(err(onNodes)).toBeLessThan(0.2 * err(firstPass));
  });

  it('with clipping, a change of one control value leaves far points exactly unchanged', () => {
    const data = Array.from(nodes, (x) => x * x);
    const b0 = barnesInterpolate1D(nodes, data, at, OPTS);
    data[1] += 0.5;
    const b1 = barnesInterpolate1D(nodes, data, at, OPTS);
    const changed = Array.from(b0, (v, i) => (v !== b1[i] ? i : -1)).filter((i) => i >= 0);
    expect(changed.length).toBeGreaterThan(3);
    expect(Math.max(...changed)).toBeLessThan(56);
    expect(b1[56]).toBe(b0[56]);
  });

  it('checks its inputs', () => {
    expect(() => barnesInterpolate1D(nodes, [1, 2], at, OPTS)).toThrow(PeriValueError);
    expect(() => barnesInterpolate1D(nodes, new Array(9).fill(0), at, { ...OPTS, filterSize: 0 })).toThrow(/filter size/);
  });
});

describe('BarnesStreakLegPoly2P1D', () => {
  const SHAPE = new Tile([8, 14, 40]);
  const make = (npts = [6, 4]) => {
    const f = new BarnesStreakLegPoly2P1D({ npts, zorder: 2 });
    f.setShape(SHAPE, SHAPE.pad(-2));
    return f;
  };

  it("names scale, off, the control values b{i}-{j} and the z terms, as PERI", () => {
    expect(make().params).toEqual([
      'ilm-scale', 'ilm-off', 'ilm-b0-0', 'ilm-b0-1', 'ilm-b0-2', 'ilm-b0-3', 'ilm-b0-4', 'ilm-b0-5',
      'ilm-b1-0', 'ilm-b1-1', 'ilm-b1-2', 'ilm-b1-3', 'ilm-z-0', 'ilm-z-1',
    ]);
    expect(make().values.slice(0, 3)).toEqual([1, 0, 0]);
  });

  it('is scale·(1 + b0 + b1·P1(y))·(1 + c0·P1(z) + c1·P2(z)) + off on linspace(−1, 1, N) coordinates', () => {
    const f = make();
    f.update(f.params, [1.3, 0.02, ...new Array(6).fill(0.1), ...new Array(4).fill(-0.2), 0.05, 0.03]);
    const [z, y, x] = [2, 9, 17];
    const [u, v] = [-1 + (2 * z) / 7, -1 + (2 * y) / 13];
    const want = 1.3 * (1 + 0.1 - 0.2 * v) * (1 + 0.05 * u + 0.03 * ((3 * u * u - 1) / 2)) + 0.02;
    expect(f.get()[(z * 14 + y) * 40 + x]).toBeCloseTo(want, 6);
  });

  it('a control value updates only the columns it moves, matching a full recompute', () => {
    const f = make([16, 4]);
    f.update(f.params.slice(2, 22), Array.from({ length: 20 }, (_, i) => 0.1 * Math.sin(i)));
    f.get();
    const tile = f.getUpdateTile(['ilm-b0-1'], [0.4])!;
    expect(tile.l.slice(0, 2)).toEqual([0, 0]);
    expect(tile.r.slice(0, 2)).toEqual([8, 14]);
    expect(tile.l[2]).toBe(0);
    expect(tile.r[2]).toBeLessThan(40);
    f.update(['ilm-b0-1'], [0.4]);
    const fresh = make([16, 4]);
    fresh.update(fresh.params, f.values);
    expect(f.get()).toEqual(fresh.get());
    expect(f.getUpdateTile(['ilm-z-0'], [0.1])).toEqual(SHAPE);
    expect(f.getUpdateTile(['ilm-b1-2'], [f.getValues(['ilm-b1-2'])[0]])).toBeNull();
  });

  it('rejects bad settings', () => {
    expect(() => new BarnesStreakLegPoly2P1D({ npts: [1] })).toThrow(PeriValueError);
    expect(() => new BarnesStreakLegPoly2P1D({ zorder: -1 })).toThrow(/zorder/);
  });
});
