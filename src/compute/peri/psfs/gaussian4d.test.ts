/** PERI's Gaussian4DPoly / Gaussian4DLegPoly: names, σ(z), half-widths, and execute against a direct sum. */
import { describe, expect, it } from 'vitest';
import { PeriValueError } from '../errors';
import { Tile } from '../tile';
import { Gaussian4DLegPoly, Gaussian4DPoly, legendreSeries } from './gaussian4d';

const C = Math.sqrt(-2 * Math.log(1 / 255));

/** PERI's PSF4D.execute written as direct sums (no FFT). */
function direct(psf: Gaussian4DPoly, field: Float32Array, tile: Tile): Float64Array {
  const [nz, ny, nx] = tile.shape;
  const wrapOff = (j: number, n: number) => (j < Math.ceil(n / 2) ? j : j - n);
  const cov = new Float64Array(field.length);
  for (let k = 0; k < nz; k++) {
    const z = tile.l[0] + k;
    const [, py, px] = psf.halfWidths(z);
    const sy = psf.sigma(z, 1);
    const sx = psf.sigma(z, 2);
    const ker = (dy: number, dx: number) => {
      const oy = wrapOff(((dy % ny) + ny) % ny, ny);
      const ox = wrapOff(((dx % nx) + nx) % nx, nx);
      if (Math.abs(oy) > py || Math.abs(ox) > px) return 0;
      return Math.exp(-((ox / sx) ** 2) / 2 - (oy / sy) ** 2 / 2);
    };
    let sum = 0;
    for (let y = 0; y < ny; y++) for (let x = 0; x < nx; x++) sum += ker(y, x);
    for (let y = 0; y < ny; y++)
      for (let x = 0; x < nx; x++) {
        let acc = 0;
        for (let v = 0; v < ny; v++) for (let u = 0; u < nx; u++) acc += ker(y - v, x - u) * field[(k * ny + v) * nx + u];
        cov[(k * ny + y) * nx + x] = acc / sum;
      }
  }
  const out = new Float64Array(field.length);
  for (let i = 0; i < nz; i++) {
    const zi = tile.l[0] + i;
    const s = psf.sigma(zi, 0);
    const pz = psf.halfWidths(zi)[0];
    const ms = Array.from({ length: nz }, (_, m) => m).filter((m) => Math.abs(m - i) <= pz);
    const g = ms.map((m) => Math.exp(-((m - i) ** 2) / (2 * s * s)));
    const norm = g.reduce((a, b) => a + b, 0);
    for (let p = 0; p < ny * nx; p++) out[i * ny * nx + p] = ms.reduce((a, m, j) => a + (g[j] / norm) * cov[m * ny * nx + p], 0);
  }
  return out;
}

describe('Gaussian4DPoly', () => {
  it("names parameters psf-{z,y,x}-{k} with PERI's defaults", () => {
    const psf = new Gaussian4DPoly({ order: [2, 1, 3] });
    expect(psf.params).toEqual(['psf-z-0', 'psf-z-1', 'psf-y-0', 'psf-x-0', 'psf-x-1', 'psf-x-2']);
    expect(psf.values).toEqual([2, 0, 0.5, 1, 0, 0]);
    expect(new Gaussian4DPoly().params).toEqual(['psf-z-0', 'psf-y-0', 'psf-x-0']);
  });

  it('σ(z) is a power series in z/zrange (not halved); half-widths ceil(max(3.33σ, 2.1))', () => {
    const psf = new Gaussian4DPoly({ sigmas: [2, 0.5, 1], order: [1, 1, 3], zrange: 100 });
    psf.setValues(['psf-x-1', 'psf-x-2'], [0.4, 0.3]);
    expect(psf.sigma(50, 2)).toBeCloseTo(1 + 0.4 * 0.5 + 0.3 * 0.25, 14);
    expect(psf.halfWidths(50)).toEqual([Math.ceil(C * 2), 3, Math.ceil(C * 1.275)]);
    const grid = new Tile([0, 0, 0], [100, 20, 20]);
    psf.setShape(grid, grid.pad(-2));
    // the tile's padding is the smaller of those at its two z ends
    expect(psf.getPaddingSize(new Tile([0, 0, 0], [100, 8, 8])).shape).toEqual([7, 3, Math.ceil(C * 1)]);
  });

  it('execute matches a direct sum of per-slice 2-D kernels and the z Gaussian', () => {
    const psf = new Gaussian4DPoly({ sigmas: [1.2, 0.9, 1.4], order: [2, 2, 2], zrange: 16 });
    psf.setValues(['psf-z-1', 'psf-y-1', 'psf-x-1'], [0.6, 0.5, -0.3]);
    const grid = new Tile([20, 14, 12]);
    psf.setShape(grid, grid.pad(-3));
    const tile = new Tile([4, 1, 0], [15, 12, 11]);
    const field = Float32Array.from({ length: tile.volume }, (_, i) => Math.cos(i * 0.61) ** 2 + (i % 5) * 0.2);
    const got = psf.execute(field, tile);
    const want = direct(psf, field, tile);
    let worst = 0;
    want.forEach((w, i) => (worst = Math.max(worst, Math.abs(got[i] - w))));
    expect(worst).toBeLessThan(2e-6);
  });

  it('rejects a zero width with a clear message', () => {
    const psf = new Gaussian4DPoly({ sigmas: [0, 1, 1] });
    const grid = new Tile([8, 8, 8]);
    psf.setShape(grid, grid);
    expect(() => psf.execute(new Float32Array(grid.volume), grid)).toThrow(PeriValueError);
  });
});

describe('Gaussian4DLegPoly', () => {
  it('uses Legendre polynomials in z/zrange', () => {
    expect(legendreSeries(0.3, [1, 2, 3, 4])).toBeCloseTo(1 + 2 * 0.3 + 3 * (3 * 0.09 - 1) / 2 + 4 * (5 * 0.027 - 3 * 0.3) / 2, 14);
    const psf = new Gaussian4DLegPoly({ order: [3, 1, 1], zrange: 128 });
    psf.setValues(['psf-z-1', 'psf-z-2'], [0.5, 0.25]);
    const u = 64 / 128;
    expect(psf.sigma(64, 0)).toBeCloseTo(2 + 0.5 * u + 0.25 * (3 * u * u - 1) / 2, 14);
    const poly = new Gaussian4DPoly({ order: [3, 1, 1], zrange: 128 });
    poly.setValues(['psf-z-1', 'psf-z-2'], [0.5, 0.25]);
    expect(poly.sigma(64, 0)).not.toBeCloseTo(psf.sigma(64, 0), 6);
  });
});
