/** model-patch.wgsl against its twin: model patch, residuals and the change of the error. */
import { expect, it } from 'vitest';
import { describeGpu } from '../../gpu/test-gpu';
import { Tile } from '../tile';
import { modelPatchCpu, type ModelPatch } from './model-patch.cpu';
import { modelPatchGpu } from './model-patch.gpu';
import { lcg, maxAbs } from './testing';

const GRID = new Tile([20, 24, 26]);
const IMAGE = GRID.pad(-5);

function arrays(seed: number, srcTile: Tile, patch: Tile, mode: 'add' | 'set'): ModelPatch {
  const r = lcg(seed);
  const fill = (n: number, s: number) => Float32Array.from({ length: n }, () => s * r());
  const model = fill(GRID.volume, 1);
  const data = fill(IMAGE.volume, 1);
  const residuals = Float32Array.from(data, (d, i) => d - 0.5 + 0.01 * i / data.length);
  return { model, grid: GRID, src: fill(srcTile.volume, 0.2), srcTile, patch, mode, data, residuals, image: IMAGE };
}

function clone(p: ModelPatch): ModelPatch {
  return { ...p, model: p.model.slice(), residuals: p.residuals.slice() };
}

await describeGpu('model patch kernel vs twin', (ctx) => {
  const cases: [string, Tile, Tile, 'add' | 'set'][] = [
    ['difference inside the image', new Tile([4, 6, 5], [16, 20, 21]), new Tile([6, 8, 7], [14, 18, 19]), 'add'],
    ['difference across the padding', new Tile([0, 0, 3], [12, 15, 26]), new Tile([0, 2, 3], [10, 15, 26]), 'add'],
    ['full evaluation on a tile', new Tile([2, 3, 4], [18, 21, 22]), new Tile([3, 4, 6], [17, 20, 20]), 'set'],
  ];
  it.each(cases)('%s', async (_name, srcTile, patch, mode) => {
    const base = arrays(srcTile.volume, srcTile, patch, mode);
    const cpu = clone(base);
    const gpu = clone(base);
    const dCpu = modelPatchCpu(cpu);
    const dGpu = await modelPatchGpu(ctx, gpu);
    expect(maxAbs(gpu.model, cpu.model)).toBeLessThan(1e-6);
    expect(maxAbs(gpu.residuals, cpu.residuals)).toBeLessThan(1e-6);
    expect(Math.abs(dGpu - dCpu)).toBeLessThan(1e-5 * Math.max(1, Math.abs(dCpu)));
    expect(maxAbs(cpu.model, base.model)).toBeGreaterThan(0);
  });
});
