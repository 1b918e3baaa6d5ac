import { describe, expect, it } from 'vitest';
import { Prng } from '../util/prng';
import { ReduceError } from './errors';
import { reduceTilesCpu, type Shape3 } from './reduce-tiles.cpu';

function bruteForce(x: Float32Array, shape: Shape3, tile: Shape3, origin: Shape3) {
  let sum = 0, sq = 0, min = Infinity, max = -Infinity, count = 0;
  for (let z = origin[0]; z < Math.min(shape[0], origin[0] + tile[0]); z++) {
    for (let y = origin[1]; y < Math.min(shape[1], origin[1] + tile[1]); y++) {
      for (let xx = origin[2]; xx < Math.min(shape[2], origin[2] + tile[2]); xx++) {
        const v = x[(z * shape[1] + y) * shape[2] + xx];
        sum += v; sq += v * v; min = Math.min(min, v); max = Math.max(max, v); count++;
      }
    }
  }
  return { sum, sq, min, max, count };
}

describe('reduceTiles twin', () => {
  it('matches a brute-force sum over every tile, including cut edge tiles', () => {
    const shape: Shape3 = [7, 10, 13];
    const tile: Shape3 = [3, 4, 5];
    const rng = new Prng(5);
    const x = Float32Array.from({ length: 7 * 10 * 13 }, () => rng.normal());
    const r = reduceTilesCpu(x, shape, tile);
    expect(r.grid).toEqual([3, 3, 3]);
    for (let t = 0; t < 27; t++) {
      const origin: Shape3 = [Math.floor(t / 9) * 3, (Math.floor(t / 3) % 3) * 4, (t % 3) * 5];
      const b = bruteForce(x, shape, tile, origin);
      expect(r.count[t]).toBe(b.count);
      expect(r.sum[t]).toBeCloseTo(b.sum, 10);
      expect(r.sumSquares[t]).toBeCloseTo(b.sq, 10);
      expect(r.min[t]).toBe(b.min);
      expect(r.max[t]).toBe(b.max);
    }
    expect(r.count.reduce((a, b) => a + b, 0)).toBe(x.length);
  });

  it('refuses a shape that does not match the data, or a bad tile', () => {
    expect(() => reduceTilesCpu(new Float32Array(10), [2, 2, 2], [1, 1, 1])).toThrow(ReduceError);
    expect(() => reduceTilesCpu(new Float32Array(8), [2, 2, 2], [0, 1, 1])).toThrow(/tile must be/);
  });
});
