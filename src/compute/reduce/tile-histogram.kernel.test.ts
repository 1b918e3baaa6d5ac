// tile-histogram.wgsl (with the histogram-slot snippet) against its twin on Dawn + SwiftShader.
import { expect, it } from 'vitest';
import { GpuLimitError } from '../gpu/errors';
import { describeGpu } from '../gpu/test-gpu';
import { Prng } from '../util/prng';
import type { HistogramBins } from './histogram.cpu';
import type { Shape3 } from './reduce-tiles.cpu';
import { tileHistogramCpu } from './tile-histogram.cpu';
import { tileHistogramGpu } from './tile-histogram.gpu';

function volume(shape: Shape3, seed: number): Float32Array {
  const rng = new Prng(seed);
  const x = new Float32Array(shape[0] * shape[1] * shape[2]);
  for (let i = 0; i < x.length; i++) x[i] = rng.normal();
  x[0] = NaN;
  x[1] = -50;
  x[2] = 50;
  x[3] = 2.5; // exactly max: the last bin is closed
  return x;
}

await describeGpu('tile histogram kernel vs twin', (ctx) => {
  const bins: HistogramBins = { min: -2.5, max: 2.5, count: 33 };

  for (const [shape, tile] of [[[5, 7, 9], [2, 3, 4]], [[1, 1, 300], [1, 1, 7]], [[16, 33, 31], [16, 33, 31]], [[9, 17, 19], [4, 8, 8]]] as [Shape3, Shape3][]) {
    it(`${shape.join('×')} in tiles of ${tile.join('×')}: identical counts`, async () => {
      const x = volume(shape, shape[2]);
      const gpu = await tileHistogramGpu(ctx, x, shape, tile, bins);
      const cpu = tileHistogramCpu(x, shape, tile, bins);
      expect(gpu.grid).toEqual(cpu.grid);
      expect(Array.from(gpu.counts)).toEqual(Array.from(cpu.counts));
      expect([Array.from(gpu.below), Array.from(gpu.above), Array.from(gpu.nan)]).toEqual([Array.from(cpu.below), Array.from(cpu.above), Array.from(cpu.nan)]);
    });
  }

  it('refuses a volume over the storage binding limit, naming it', async () => {
    const shape: Shape3 = [4, 8, 8];
    await expect(tileHistogramGpu(ctx, volume(shape, 1), shape, [2, 2, 2], bins, { maxBindingBytes: 1024 }))
      .rejects.toThrow(GpuLimitError);
    await expect(tileHistogramGpu(ctx, volume(shape, 1), shape, [2, 2, 2], bins, { maxBindingBytes: 1024 }))
      .rejects.toThrow(/maxStorageBufferBindingSize/);
  });
});
