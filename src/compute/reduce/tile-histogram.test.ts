import { describe, expect, it } from 'vitest';
import { Prng } from '../util/prng';
import { histogramCpu, type HistogramBins } from './histogram.cpu';
import type { Shape3 } from './reduce-tiles.cpu';
import { tileHistogramCpu } from './tile-histogram.cpu';

function randomVolume(shape: Shape3, seed: number): Float32Array {
  const rng = new Prng(seed);
  const x = new Float32Array(shape[0] * shape[1] * shape[2]);
  for (let i = 0; i < x.length; i++) x[i] = rng.normal() * 2;
  x[3] = NaN;
  x[x.length - 1] = 1e9;
  return x;
}

/** The voxels of tile (tz, ty, tx), copied out in row-major order. */
function subBox(x: Float32Array, shape: Shape3, tile: Shape3, t: Shape3): Float32Array {
  const out: number[] = [];
  for (let z = t[0] * tile[0]; z < Math.min(shape[0], (t[0] + 1) * tile[0]); z++) {
    for (let y = t[1] * tile[1]; y < Math.min(shape[1], (t[1] + 1) * tile[1]); y++) {
      for (let xi = t[2] * tile[2]; xi < Math.min(shape[2], (t[2] + 1) * tile[2]); xi++) out.push(x[(z * shape[1] + y) * shape[2] + xi]);
    }
  }
  return Float32Array.from(out);
}

describe('tileHistogramCpu', () => {
  const bins: HistogramBins = { min: -3, max: 3, count: 17 };

  it('equals the histogram of each sub-box, edge tiles cut', () => {
    const shape: Shape3 = [7, 10, 9];
    const tile: Shape3 = [3, 4, 5];
    const x = randomVolume(shape, 5);
    const h = tileHistogramCpu(x, shape, tile, bins);
    expect(h.grid).toEqual([3, 3, 2]);
    let t = 0;
    for (let a = 0; a < 3; a++) for (let b = 0; b < 3; b++) for (let c = 0; c < 2; c++, t++) {
      const ref = histogramCpu(subBox(x, shape, tile, [a, b, c]), bins);
      expect(Array.from(h.counts.subarray(t * bins.count, (t + 1) * bins.count))).toEqual(Array.from(ref.counts));
      expect([h.below[t], h.above[t], h.nan[t]]).toEqual([ref.below, ref.above, ref.nan]);
    }
  });

  it('rejects a shape that does not match the data, and bad bins', () => {
    expect(() => tileHistogramCpu(new Float32Array(10), [2, 2, 2], [1, 1, 1], bins)).toThrow(/10 values but shape 2×2×2/);
    expect(() => tileHistogramCpu(new Float32Array(8), [2, 2, 2], [1, 1, 1], { min: 1, max: 1, count: 4 })).toThrow(/min < max/);
  });
});
