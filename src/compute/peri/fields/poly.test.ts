/** The polynomial fields against closed forms written out by hand at chosen voxels. */
import { describe, expect, it } from 'vitest';
import { PeriParamError, PeriShapeError, PeriValueError } from '../errors';
import { Tile } from '../tile';
import { ChebyshevPoly2P1D, LegendrePoly2P1D, Polynomial2P1D } from './poly2p1d';
import { LegendrePoly3D, Polynomial3D } from './poly3d';
import { GlobalScalar } from './global-scalar';

const SHAPE = new Tile([10, 12, 16]);
const INNER = SHAPE.pad(-2);
const at = (f: Float32Array, z: number, y: number, x: number) => f[(z * 12 + y) * 16 + x];

describe('2+1-D polynomial fields', () => {
  it('orders parameters xy-i-j (x order i outer) then z-k', () => {
    const f = new LegendrePoly2P1D({ order: [2, 2, 3], category: 'bkg' });
    expect(f.params).toEqual(['bkg-xy-0-0', 'bkg-xy-0-1', 'bkg-xy-1-0', 'bkg-xy-1-1', 'bkg-xy-2-0', 'bkg-xy-2-1', 'bkg-z-0', 'bkg-z-1']);
    expect(new LegendrePoly2P1D({ constval: 0.7 }).values).toEqual([0.7, 0]);
  });

  it('LegendrePoly2P1D is XY(x, y)·(1 + Z(z)) on u = 2·i/N − 1', () => {
    const f = new LegendrePoly2P1D({ order: [2, 2, 2] });
    f.setShape(SHAPE, INNER);
    f.update(f.params, [0.9, 0.1, -0.2, 0.05, 0.3, -0.15]);
    const [z, y, x] = [7, 3, 11];
    const [u, v, w] = [(2 * z) / 10 - 1, (2 * y) / 12 - 1, (2 * x) / 16 - 1];
    const xy = 0.9 + 0.1 * v - 0.2 * w + 0.05 * w * v;
    const zz = 1 + 0.3 * u - 0.15 * ((3 * u * u - 1) / 2);
    expect(at(f.get(), z, y, x)).toBeCloseTo(xy * zz, 6);
    const plus = new LegendrePoly2P1D({ order: [2, 2, 2], operation: '+' });
    plus.setShape(SHAPE, INNER);
    plus.update(plus.params, f.values);
    expect(at(plus.get(), z, y, x)).toBeCloseTo(xy + zz, 6);
  });

  it('Polynomial2P1D uses powers of i/N and ChebyshevPoly2P1D Chebyshev on the raw i/N', () => {
    const p = new Polynomial2P1D({ order: [2, 1, 2] });
    const c = new ChebyshevPoly2P1D({ order: [2, 1, 2] });
    for (const f of [p, c]) {
      f.setShape(SHAPE, INNER);
      f.update(f.params, [1.1, 0.4, 0.2, -0.3]);
    }
    const [z, y, x] = [4, 5, 9];
    const [u, w] = [z / 10, x / 16];
    expect(at(p.get(), z, y, x)).toBeCloseTo((1.1 + 0.4 * w) * (1 + 0.2 * u - 0.3 * u * u), 6);
    expect(at(c.get(), z, y, x)).toBeCloseTo((1.1 + 0.4 * w) * (1 + 0.2 * u - 0.3 * (2 * u * u - 1)), 6);
  });

  it('is a global field: every change touches the whole padded grid', () => {
    const f = new LegendrePoly2P1D({ order: [1, 2, 2] });
    f.setShape(SHAPE, INNER);
    expect(f.getUpdateTile(['ilm-xy-1-1'], [0.2])).toEqual(SHAPE);
    expect(() => f.getUpdateTile(['ilm-xy-2-0'], [0.2])).toThrow(PeriParamError);
  });
});

describe('3-D polynomial fields', () => {
  it('Polynomial3D is Σ c_ijk z^i y^j x^k on i/N, named {c}-i-j-k', () => {
    const f = new Polynomial3D({ order: [2, 2, 2], constval: 1 });
    expect(f.params.slice(0, 3)).toEqual(['ilm-0-0-0', 'ilm-0-0-1', 'ilm-0-1-0']);
    f.setShape(SHAPE, INNER);
    f.update(['ilm-0-0-1', 'ilm-1-1-0', 'ilm-1-1-1'], [0.5, -0.25, 2]);
    const [z, y, x] = [3, 8, 5];
    const [u, v, w] = [z / 10, y / 12, x / 16];
    expect(at(f.get(), z, y, x)).toBeCloseTo(1 + 0.5 * w - 0.25 * u * v + 2 * u * v * w, 6);
  });

  it('LegendrePoly3D is Σ c_ijk P_i(z) P_j(y) P_k(x) on 2·i/N − 1', () => {
    const f = new LegendrePoly3D({ order: [3, 1, 2] });
    f.setShape(SHAPE, INNER);
    f.update(['ilm-2-0-1', 'ilm-0-0-0'], [0.6, 0.3]);
    const [z, y, x] = [9, 0, 13];
    const [u, w] = [(2 * z) / 10 - 1, (2 * x) / 16 - 1];
    expect(at(f.get(), z, y, x)).toBeCloseTo(0.3 + 0.6 * ((3 * u * u - 1) / 2) * w, 6);
  });

  it('rejects bad orders and use before setShape', () => {
    expect(() => new Polynomial3D({ order: [0, 1, 1] })).toThrow(PeriValueError);
    expect(() => new LegendrePoly2P1D({ order: [1, 1.5, 1] })).toThrow(/integers/);
    expect(() => new LegendrePoly2P1D({ operation: '-' as '+' })).toThrow(/operation/);
    expect(() => new Polynomial3D().get()).toThrow(PeriShapeError);
  });
});

describe('GlobalScalar', () => {
  it('holds one named value whose category is its name', () => {
    const c = new GlobalScalar('offset', 0.08);
    expect([c.category, c.params, c.get()]).toEqual(['offset', ['offset'], 0.08]);
    c.setShape(SHAPE, INNER);
    expect(c.getUpdateTile(['offset'], [0.1])).toEqual(SHAPE);
    c.update(['offset'], [0.1]);
    expect(c.get()).toBe(0.1);
    expect(() => c.update(['C'], [1])).toThrow(PeriParamError);
  });
});
