import { describe, expect, it } from 'vitest';
import { Tile } from '../tile';
import { fullEvaluationTile, growToSmooth, halfSupport, updateTiles } from './io-tiles';

const GRID = new Tile([40, 50, 60]);

describe('update tiles (PERI get_update_io_tiles)', () => {
  it('pads by half the PSF support and reflects the overhang at the grid edges', () => {
    expect(halfSupport(new Tile([14, 7, 8]))).toEqual([7, 4, 4]);
    const mid = updateTiles(new Tile([10, 10, 10], [20, 20, 20]), GRID, new Tile([14, 7, 8]));
    expect(mid.inner).toEqual(new Tile([3, 6, 6], [27, 24, 24]));
    expect(mid.outer).toEqual(mid.inner);
    const edge = updateTiles(new Tile([-3, 10, 50], [5, 20, 63]), GRID, new Tile([14, 7, 8]));
    expect(edge.inner).toEqual(new Tile([0, 6, 46], [12, 24, 60]));
    // z overhangs by 7 on the left: the tile grows by 7 on the right; x overhangs by 4 on the right.
    expect(edge.outer).toEqual(new Tile([0, 6, 42], [19, 24, 60]));
    expect(() => updateTiles(new Tile([50, 0, 0], [60, 5, 5]), GRID, null)).toThrow(/outside the padded image/);
    expect(fullEvaluationTile(mid.inner, GRID, new Tile([14, 7, 8]))).toEqual(new Tile([0, 2, 2], [38, 28, 28]));
  });

  it('grows tiles to 2·3·5·7-smooth sides inside the grid', () => {
    const t = growToSmooth(new Tile([5, 3, 1], [16, 46, 44]), GRID);
    expect(t.shape).toEqual([12, 45, 45]);
    expect(GRID.includes(t)).toBe(true);
    expect(t.includes(new Tile([5, 3, 1], [16, 46, 44]))).toBe(true);
    expect(growToSmooth(new Tile([0, 0, 0], [40, 50, 59]), GRID)).toEqual(new Tile([0, 0, 0], [40, 50, 60]));
    expect(growToSmooth(new Tile([0, 0, 0], [37, 5, 5]), new Tile([38, 10, 10]))).toEqual(new Tile([0, 0, 0], [37, 5, 5]));
  });
});
