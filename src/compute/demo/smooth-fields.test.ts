import { describe, expect, it } from 'vitest';
import { addSlab, evalLegendre2P1D, legendreSeries, slabNormal, slabOccupancy } from './smooth-fields';

describe('legendreSeries', () => {
  it('gives P0..P3', () => {
    const [p0, p1, p2, p3] = legendreSeries(0.5, 3);
    expect(p0).toBe(1);
    expect(p1).toBe(0.5);
    expect(p2).toBeCloseTo(-0.125, 12);
    expect(p3).toBeCloseTo(-0.4375, 12);
    expect(legendreSeries(0.3, 0)).toEqual([1]);
  });
});

describe('evalLegendre2P1D', () => {
  it('is xy(x, y)·(1 + z terms) on u = 2·i/(n−1) − 1', () => {
    const f = { xy: [[2, 0.5], [0.25]], z: [-0.1, 0.2] };
    const shape: [number, number, number] = [5, 3, 9];
    const out = evalLegendre2P1D(f, shape, [0, 0, 0], shape);
    const at = (z: number, y: number, x: number) => out[(z * 3 + y) * 9 + x];
    // Image corner (0,0,0): u = −1 on every axis.
    expect(at(0, 0, 0)).toBeCloseTo((2 - 0.5 - 0.25) * (1 + 0.1 + 0.2), 12);
    // Centre: u = 0, P2(0) = −1/2.
    expect(at(2, 1, 4)).toBeCloseTo(2 * (1 - 0.1), 12);
    expect(at(4, 2, 8)).toBeCloseTo((2 + 0.5 + 0.25) * (1 - 0.1 + 0.2), 12);
  });

  it('continues the polynomial onto a grid offset by `origin`', () => {
    const f = { xy: [[1], [0.3]], z: [] };
    const img: [number, number, number] = [4, 4, 5];
    const padded = evalLegendre2P1D(f, [4, 4, 7], [0, 0, -1], img);
    const plain = evalLegendre2P1D(f, img, [0, 0, 0], img);
    expect(padded[1]).toBeCloseTo(plain[0], 12);
    expect(padded[0]).toBeCloseTo(1 + 0.3 * -1.5, 12);
  });
});

describe('slab', () => {
  it('has a unit normal that is +z without tilt', () => {
    expect(slabNormal({ theta: 0, phi: 0 })).toEqual([1, 0, -0]);
    const n = slabNormal({ theta: 0.2, phi: -0.3 });
    expect(Math.hypot(...n)).toBeCloseTo(1, 12);
  });

  it('fills the space below the plane with a logistic edge', () => {
    expect(slabOccupancy(-5)).toBe(1);
    expect(slabOccupancy(5)).toBe(0);
    expect(slabOccupancy(0)).toBeCloseTo(0.5, 12);
    const shape: [number, number, number] = [12, 4, 4];
    const field = new Float64Array(12 * 16);
    addSlab(field, shape, [0, 0, 0], { zpos: 5, theta: 0, phi: 0, pivot: [5, 1.5, 1.5] });
    expect(field[0]).toBe(1);
    expect(field[5 * 16]).toBeCloseTo(0.5, 12);
    expect(field[11 * 16]).toBe(0);
  });

  it('tilts with theta along y (the plane rises towards y = 0 for theta > 0)', () => {
    const field = new Float64Array(10 * 20);
    addSlab(field, [10, 20, 1], [0, 0, 0], { zpos: 5, theta: 0.1, phi: 0, pivot: [5, 10, 0] });
    const atZ5 = (y: number) => field[5 * 20 + y];
    expect(atZ5(0)).toBeGreaterThan(0.99);
    expect(atZ5(10)).toBeCloseTo(0.5, 12);
    expect(atZ5(19)).toBeLessThan(0.01);
  });
});
