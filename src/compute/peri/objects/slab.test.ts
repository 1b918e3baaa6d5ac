import { describe, expect, it } from 'vitest';
import { PeriParamError, PeriShapeError } from '../errors';
import { Tile } from '../tile';
import { Slab } from './slab';
import { drawSlabCpu, slabValue } from './slab.cpu';

const SHAPE = new Tile([20, 31, 40]);
const PAD = 6;

describe('Slab', () => {
  it('has normal R1(φ)·R0(θ)·(1,0,0) = (cosφ cosθ, sinθ, −sinφ cosθ)', () => {
    const s = new Slab({ zpos: 3, angles: [0.3, -0.2] });
    const n = s.normal();
    expect(n[0]).toBeCloseTo(Math.cos(-0.2) * Math.cos(0.3), 15);
    expect(n[1]).toBeCloseTo(Math.sin(0.3), 15);
    expect(n[2]).toBeCloseTo(-Math.sin(-0.2) * Math.cos(0.3), 15);
    expect(Math.hypot(...n)).toBeCloseTo(1, 15);
    expect(s.params).toEqual(['slab-zpos', 'slab-theta', 'slab-phi']);
  });

  it("pivots at (zpos, Ny_pad//2, Nx_pad//2) + pad: PERI's off-centre quirk", () => {
    const s = new Slab({ zpos: 2.5 });
    s.setShape(SHAPE, SHAPE.pad(-PAD));
    expect(s.pivot()).toEqual([2.5 + PAD, 15 + PAD, 20 + PAD]);
  });

  it('a flat slab is the logistic 1/(1 + e^(7(z − zpos − pad))) clipped to 1 / 0 beyond ±4', () => {
    const s = new Slab({ zpos: 2.5 });
    s.setShape(SHAPE, SHAPE.pad(-PAD));
    const f = s.get();
    const at = (z: number) => f[(z * 31 + 7) * 40 + 11];
    expect(at(4)).toBe(1);
    expect(at(8)).toBeCloseTo(1 / (1 + Math.exp(7 * (8 - 8.5))), 7);
    expect(at(9)).toBeCloseTo(1 / (1 + Math.exp(7 * 0.5)), 7);
    expect(at(13)).toBe(0);
    expect(slabValue(-4.0001)).toBe(1);
    expect(slabValue(4.0001)).toBe(0);
    expect(slabValue(0)).toBe(0.5);
  });

  it('tilting moves the surface across x and y; get(tile) is the tile of the whole field', () => {
    const s = new Slab({ zpos: 4, angles: [0.1, 0.05] });
    s.setShape(SHAPE, SHAPE.pad(-PAD));
    const tile = new Tile([5, 2, 3], [15, 30, 39]);
    expect(s.get(tile)).toEqual(drawSlabCpu(s.geometry(), tile));
    const f = s.get();
    const row = (y: number) => f[(10 * 31 + y) * 40 + 20];
    expect(row(2)).not.toBeCloseTo(row(28), 3);
  });

  it('updates redraw the whole grid and report it as the update tile', () => {
    const s = new Slab({ zpos: 4 });
    s.setShape(SHAPE, SHAPE.pad(-PAD));
    const before = s.get();
    expect(s.getUpdateTile(['slab-zpos'], [5])).toEqual(SHAPE);
    s.update(['slab-zpos'], [5]);
    const fresh = new Slab({ zpos: 5 });
    fresh.setShape(SHAPE, SHAPE.pad(-PAD));
    expect(s.get()).toEqual(fresh.get());
    expect(s.get()).not.toEqual(before);
  });

  it('gives specific errors', () => {
    expect(() => new Slab().get()).toThrow(PeriShapeError);
    expect(() => new Slab().update(['slab-z'], [1])).toThrow(PeriParamError);
  });
});
