/** slab.wgsl against its twin: a tilted slab on the whole padded grid and on a tile, rel ≤ 1e-5 (values in [0, 1]). */
import { expect, it } from 'vitest';
import { describeGpu } from '../../gpu/test-gpu';
import { Tile } from '../tile';
import { drawSlabCpu } from './slab.cpu';
import { drawSlabGpu } from './slab.gpu';
import { Slab } from './slab';

await describeGpu('slab kernel vs twin', (ctx) => {
  const grid = new Tile([30, 40, 44]);
  const slab = new Slab({ zpos: 6.37, angles: [0.05, -0.08] });
  slab.setShape(grid, grid.pad(-6));

  it.each([
    ['whole grid', grid],
    ['a tile', new Tile([2, 7, 5], [21, 33, 40])],
  ] as const)('%s', async (_name, tile) => {
    const want = drawSlabCpu(slab.geometry(), tile);
    const buf = await drawSlabGpu(ctx, slab.geometry(), tile);
    const got = new Float32Array(await ctx.read(buf, tile.volume * 4));
    buf.destroy();
    let worst = 0;
    want.forEach((w, i) => (worst = Math.max(worst, Math.abs(got[i] - w) / Math.max(1, Math.abs(w)))));
    expect(worst).toBeLessThanOrEqual(1e-5);
    expect(want.some((v) => v > 0.01 && v < 0.99)).toBe(true);
  });
});
