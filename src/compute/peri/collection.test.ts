import { describe, expect, it } from 'vitest';
import { ComponentCollection } from './collection';
import { PeriParamError } from './errors';
import { Slab } from './objects/slab';
import { PlatonicSpheresCollection } from './objects/spheres';
import { Tile } from './tile';

const SHAPE = new Tile([24, 28, 30]);
const INNER = SHAPE.pad(-4);

function obj() {
  const spheres = new PlatonicSpheresCollection([[8, 10, 12], [12, 11.5, 9.3]], [3.5, 4.2], { zscale: 0.9 });
  const slab = new Slab({ zpos: 1.5, angles: [0.02, -0.01] });
  const c = new ComponentCollection([spheres, slab]);
  c.setShape(SHAPE, INNER);
  return { spheres, slab, c };
}

describe('ComponentCollection (obj = spheres + slab)', () => {
  it('lists the members’ parameters and sums their fields', () => {
    const { spheres, slab, c } = obj();
    expect(c.params).toEqual([...spheres.params, ...slab.params]);
    const sum = c.get(INNER);
    const a = spheres.get(INNER);
    const b = slab.get(INNER);
    expect(sum).toEqual(Float32Array.from(a, (v, i) => v + b[i]));
  });

  it('routes updates and reports the bounding update tile', () => {
    const { spheres, c } = obj();
    const t = c.getUpdateTile(['sph-1-x'], [10])!;
    expect(SHAPE.includes(t) && !t.equals(SHAPE)).toBe(true);
    expect(c.getUpdateTile(['sph-1-x', 'slab-zpos'], [10, 2])).toEqual(SHAPE);
    c.update(['sph-1-x', 'slab-zpos'], [10, 2]);
    expect(c.getValues(['sph-1-x', 'slab-zpos'])).toEqual([10, 2]);
    expect(spheres.positions()[1][2]).toBe(10);
    expect(() => c.update(['ilm-xy-0-0'], [1])).toThrow(PeriParamError);
  });

  it('sees particles added to a member (parameter change relayed)', () => {
    const { spheres, c } = obj();
    spheres.addParticle([15, 15, 15], 3);
    expect(c.params).toContain('sph-2-a');
    expect(c.getValues(['sph-2-a'])).toEqual([3]);
  });
});
