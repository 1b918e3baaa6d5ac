/** separable-field.wgsl against its twin for every field class (random coefficients), rel ≤ 1e-5 of the field's scale. */
import { expect, it } from 'vitest';
import { describeGpu } from '../../gpu/test-gpu';
import { Prng } from '../../util/prng';
import type { FieldComponent } from '../component';
import { Tile } from '../tile';
import { BarnesStreakLegPoly2P1D } from './barnes-ilm';
import { ChebyshevPoly2P1D, LegendrePoly2P1D, Polynomial2P1D } from './poly2p1d';
import { LegendrePoly3D, Polynomial3D } from './poly3d';
import type { SeparableComponent } from './separable-component';
import { evaluateSeparableCpu } from './separable-field.cpu';
import { evaluateSeparableGpu } from './separable-field.gpu';

const GRID = new Tile([18, 22, 26]);
const fields: [string, () => SeparableComponent][] = [
  ['Polynomial3D (2,3,3)', () => new Polynomial3D({ order: [2, 3, 3] })],
  ['LegendrePoly3D (3,2,4)', () => new LegendrePoly3D({ order: [3, 2, 4], category: 'bkg' })],
  ['Polynomial2P1D (3,3,3) *', () => new Polynomial2P1D({ order: [3, 3, 3] })],
  ['LegendrePoly2P1D (3,4,3) +', () => new LegendrePoly2P1D({ order: [3, 4, 3], operation: '+' })],
  ['ChebyshevPoly2P1D (2,3,3)', () => new ChebyshevPoly2P1D({ order: [2, 3, 3] })],
  ['BarnesStreakLegPoly2P1D (8,5,3) z4', () => new BarnesStreakLegPoly2P1D({ npts: [8, 5, 3], zorder: 4 })],
];

function randomize(f: FieldComponent, seed: number): void {
  const rng = new Prng(seed);
  f.setValues(f.params, f.params.map((p, i) => (i === 0 ? 1 : 0.1 * rng.range(-1, 1)) + (p.endsWith('-scale') ? 0.2 : 0)));
}

await describeGpu('separable-field kernel vs twin', (ctx) => {
  it.each(fields)('%s', async (_name, make) => {
    const f = make();
    f.setShape(GRID, GRID.pad(-4));
    randomize(f, 7);
    for (const tile of [GRID, new Tile([3, 2, 5], [15, 19, 20])]) {
      const sep = f.separable();
      const want = evaluateSeparableCpu(sep, tile);
      const buf = await evaluateSeparableGpu(ctx, sep, tile);
      const got = new Float32Array(await ctx.read(buf, tile.volume * 4));
      buf.destroy();
      const scale = want.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
      let worst = 0;
      want.forEach((w, i) => (worst = Math.max(worst, Math.abs(got[i] - w) / scale)));
      expect(worst).toBeLessThanOrEqual(1e-5);
      expect(f.get(tile)).toEqual(want);
    }
  });
});
