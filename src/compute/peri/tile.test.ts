import { describe, expect, it } from 'vitest';
import { TileError } from './errors';
import { Tile, addTileIn, copyTileIn, copyTileOut } from './tile';

describe('Tile', () => {
  it('builds [0, r) from one argument and truncates fractional bounds toward zero, as numpy astype(int)', () => {
    expect(new Tile([3, 4, 5])).toMatchObject({ l: [0, 0, 0], r: [3, 4, 5] });
    const t = new Tile([-2.7, 1.9, 0.5], [6.99, -0.5, 3]);
    expect(t.l).toEqual([-2, 1, 0]);
    expect(t.r).toEqual([6, 0, 3]);
  });

  it('applies mins and maxs, and reports shape, volume and emptiness', () => {
    const t = new Tile([-3, 2, 5], [9, 12, 40], { mins: 0, maxs: [8, 10, 32] });
    expect(t).toMatchObject({ l: [0, 2, 5], r: [8, 10, 32] });
    expect(t.shape).toEqual([8, 8, 27]);
    expect(t.volume).toBe(8 * 8 * 27);
    expect(new Tile([0, 0, 5], [3, 3, 4]).isEmpty).toBe(true);
    expect(new Tile([0, 0, 5], [3, 3, 4]).volume).toBe(0);
  });

  it('pads, translates, intersects and bounds', () => {
    const a = new Tile([2, 3, 4], [5, 6, 7]);
    expect(a.pad(2)).toEqual(new Tile([0, 1, 2], [7, 8, 9]));
    expect(a.pad([1, 0, -1])).toEqual(new Tile([1, 3, 5], [6, 6, 6]));
    expect(a.translate([1, -1, 0])).toEqual(new Tile([3, 2, 4], [6, 5, 7]));
    const b = new Tile([4, 0, 6], [9, 4, 8]);
    expect(Tile.intersection(a, b)).toEqual(new Tile([4, 3, 6], [5, 4, 7]));
    expect(Tile.boundingTile(a, b)).toEqual(new Tile([2, 0, 4], [9, 6, 8]));
    expect(a.center).toEqual([3.5, 4.5, 5.5]);
  });

  it('contains points with optional padding on the half-open box', () => {
    const t = new Tile([0, 0, 0], [4, 4, 4]);
    expect(t.contains([3.9, 0, 2])).toBe(true);
    expect(t.contains([4, 0, 2])).toBe(false);
    expect(t.contains([-1, 0, 2], 1)).toBe(true);
  });

  it('reflect_overhang grows a tile cut by one edge on the other side and clips both', () => {
    const clip = new Tile([10, 10, 10]);
    const t = new Tile([-2, 3, 7], [4, 6, 12]);
    expect(t.overhang(clip)).toEqual({ left: [2, 0, 0], right: [0, 0, 2] });
    const { inner, outer } = t.reflectOverhang(clip);
    expect(inner).toEqual(new Tile([0, 3, 7], [4, 6, 10]));
    // z: [-2, 4) grows by 2 on both sides to [-4, 6), clipped to [0, 6); x: [7, 12) → [5, 14) → [5, 10).
    expect(outer).toEqual(new Tile([0, 3, 5], [6, 6, 10]));
    const inside = new Tile([2, 2, 2], [5, 5, 5]);
    expect(inside.reflectOverhang(clip)).toEqual({ inner: inside, outer: inside });
  });

  it('rejects non-finite bounds and wrong lengths', () => {
    expect(() => new Tile([1, NaN, 2])).toThrow(TileError);
    expect(() => new Tile([1, 2])).toThrow(/3 values/);
  });
});

describe('copies between a padded array and a tile', () => {
  const holder = new Tile([1, 2, 0], [4, 5, 4]); // shape 3×3×4, not at the origin
  const arr = Float32Array.from({ length: holder.volume }, (_, i) => i);
  const at = (z: number, y: number, x: number) => ((z - 1) * 3 + (y - 2)) * 4 + x;

  it('copyTileOut slices like numpy arr[l0:r0, l1:r1, l2:r2] in the holder frame', () => {
    const t = new Tile([2, 3, 1], [4, 5, 3]);
    expect(Array.from(copyTileOut(arr, holder, t))).toEqual([
      at(2, 3, 1), at(2, 3, 2), at(2, 4, 1), at(2, 4, 2),
      at(3, 3, 1), at(3, 3, 2), at(3, 4, 1), at(3, 4, 2),
    ]);
    expect(copyTileOut(arr, holder, holder)).toEqual(arr);
  });

  it('copyTileIn and addTileIn write back the same region', () => {
    const dst = new Float64Array(holder.volume);
    const t = new Tile([1, 4, 2], [3, 5, 4]);
    copyTileIn(dst, holder, t, [1, 2, 3, 4]);
    addTileIn(dst, holder, t, [10, 10, 10, 10], -1);
    expect(dst[at(1, 4, 2)]).toBe(-9);
    expect(dst[at(2, 4, 3)]).toBe(-6);
    expect(dst.filter((v) => v !== 0).length).toBe(4);
  });

  it('refuses tiles that leave the array and data of the wrong size', () => {
    expect(() => copyTileOut(arr, holder, new Tile([0, 2, 0], [2, 3, 1]))).toThrow(/not inside/);
    expect(() => copyTileIn(arr, holder, new Tile([1, 2, 0], [2, 3, 2]), [1])).toThrow(/holds 2/);
    expect(() => copyTileOut(arr.subarray(1), holder, holder)).toThrow(TileError);
  });
});
