import { describe, expect, it } from 'vitest';
import { AnisotropicGaussian, AnisotropicGaussianXYZ } from '../psfs/gaussian';
import { IdentityPSF } from '../psfs/identity';
import { Tile } from '../tile';
import { lcg, maxAbs } from '../state/testing';
import { blurOnTile, separableKernels } from './blur';

function field(tile: Tile, seed: number): Float32Array {
  const r = lcg(seed);
  return Float32Array.from({ length: tile.volume }, () => r());
}

describe('H(field) on a tile', () => {
  it('the separable direct convolution equals the PSF’s FFT convolution (odd, even and prime tile sides)', () => {
    for (const [shape, sigmas] of [
      [[13, 17, 19], [2.4, 1.2, 1.4]],
      [[16, 20, 11], [4, 2, 2.2]],
      [[9, 12, 10], [1.1, 0.8, 1.5]],
    ] as const) {
      const tile = new Tile(shape).translate([3, 5, 7]);
      const psf = new AnisotropicGaussianXYZ({ sigmas: [...sigmas] });
      psf.setShape(new Tile([40, 40, 40]), new Tile([40, 40, 40]).pad(-4));
      const f = field(tile, shape[0]);
      expect(separableKernels(psf)).not.toBeNull();
      expect(maxAbs(blurOnTile(psf, f, tile), psf.execute(f, tile))).toBeLessThan(1e-6);
    }
  });

  it('1-D factors are normalised and keep PERI’s asymmetric support', () => {
    const psf = new AnisotropicGaussianXYZ({ sigmas: [4, 2, 2.2] });
    const k = separableKernels(psf)!;
    expect(k.map((a) => a.taps.length)).toEqual([14, 8, 8]);
    k.forEach((a) => expect(a.taps.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 14));
    expect(k[0].taps[0]).toBeGreaterThan(0);
    expect(k[0].taps[0]).toBeLessThan(k[0].taps[13]);
  });

  it('other PSFs go through their own execute; the identity copies', () => {
    const tile = new Tile([12, 12, 12]);
    const f = field(tile, 3);
    const cyl = new AnisotropicGaussian({ sigmas: [2, 1] });
    cyl.setShape(tile, tile);
    expect(separableKernels(cyl)).toBeNull();
    expect(maxAbs(blurOnTile(cyl, f, tile), cyl.execute(f, tile))).toBeLessThan(1e-6);
    expect(blurOnTile(new IdentityPSF(), f, tile)).toEqual(f);
  });
});

describe('H on FFT-convolved PSFs, mean-centred', () => {
  it('gives the PSF’s own execute (Chebyshev exact PSF and cylinder Gaussian)', async () => {
    const { FixedSSChebLinePSF } = await import('../psfs/exact-cheb');
    const grid = new Tile([24, 20, 22]);
    const cheb = new FixedSSChebLinePSF({ supportSize: [9, 7, 9] });
    cheb.setShape(grid, grid.pad(-4));
    const cyl = new AnisotropicGaussian({ sigmas: [2, 1.2] });
    cyl.setShape(grid, grid.pad(-4));
    for (const [psf, tile] of [[cheb, grid], [cheb, new Tile([3, 2, 4], [20, 18, 20])], [cyl, grid]] as const) {
      const f = field(tile, 9).map((v) => 0.6 + 0.3 * v);
      expect(maxAbs(blurOnTile(psf, f, tile), psf.execute(f, tile))).toBeLessThan(2e-6);
    }
  });
});

describe('separableBlurCpu', () => {
  it('equals a direct circular convolution for asymmetric and symmetric taps', async () => {
    const { separableBlurCpu } = await import('./separable-blur.cpu');
    const shape: [number, number, number] = [5, 7, 9];
    const tile = new Tile(shape);
    const f = field(tile, 21);
    const r = lcg(5);
    const taps = [Float64Array.from({ length: 4 }, () => r()), Float64Array.from([0.1, 0.2, 0.4, 0.2, 0.1, 0.05]), Float64Array.from({ length: 3 }, () => r())];
    const got = separableBlurCpu(f, shape, [{ taps: taps[0] }, { taps: taps[1] }, { taps: taps[2] }]);
    const want = new Float64Array(f.length);
    const mod = (a: number, n: number) => ((a % n) + n) % n;
    for (let z = 0; z < 5; z++) for (let y = 0; y < 7; y++) for (let x = 0; x < 9; x++) {
      let s = 0;
      taps[0].forEach((wz, jz) => taps[1].forEach((wy, jy) => taps[2].forEach((wx, jx) => {
        const sz = mod(z - (jz - 2), 5);
        const sy = mod(y - (jy - 3), 7);
        const sx = mod(x - (jx - 1), 9);
        s += wz * wy * wx * f[(sz * 7 + sy) * 9 + sx];
      })));
      want[(z * 7 + y) * 9 + x] = s;
    }
    expect(maxAbs(got, want)).toBeLessThan(1e-6);
  });
});

describe('separableBlurCpu work-saving options', () => {
  const shape: [number, number, number] = [12, 14, 16];
  const n = 12 * 14 * 16;
  const kernels = [{ taps: Float64Array.from([0.05, 0.1, 0.2, 0.3, 0.2, 0.1, 0.05]) }, { taps: Float64Array.from([0.1, 0.2, 0.4, 0.2, 0.1, 0.05]) }, { taps: Float64Array.from([0.25, 0.5, 0.25, 0.125]) }] as const;

  it('valid: the values inside the box are the same bits as the whole blur, 0 outside', async () => {
    const { separableBlurCpu } = await import('./separable-blur.cpu');
    const f = field(new Tile(shape), 3);
    const whole = separableBlurCpu(f, shape, kernels);
    // an interior box (taps never wrap) and one touching the edges (they do)
    for (const valid of [{ l: [4, 3, 2], r: [8, 11, 14] }, { l: [0, 5, 0], r: [12, 6, 9] }] as const) {
      const part = separableBlurCpu(f, shape, kernels, { valid: { l: [...valid.l], r: [...valid.r] } });
      for (let z = 0; z < 12; z++) for (let y = 0; y < 14; y++) for (let x = 0; x < 16; x++) {
        const i = (z * 14 + y) * 16 + x;
        const inside = z >= valid.l[0] && z < valid.r[0] && y >= valid.l[1] && y < valid.r[1] && x >= valid.l[2] && x < valid.r[2];
        expect(part[i]).toBe(inside ? whole[i] : 0);
      }
    }
    expect(() => separableBlurCpu(f, shape, kernels, { valid: { l: [0, 0, 0], r: [13, 1, 1] } })).toThrow(/not a non-empty box/);
  });

  it('skipZeros and a reused output give the same bits for a field zero outside a small box', async () => {
    const { separableBlurCpu } = await import('./separable-blur.cpu');
    const f = new Float32Array(n);
    for (let z = 5; z < 8; z++) for (let y = 6; y < 9; y++) for (let x = 3; x < 12; x++) f[(z * 14 + y) * 16 + x] = Math.sin(z + 2 * y + 3 * x);
    const whole = separableBlurCpu(f, shape, kernels);
    const out = new Float32Array(n).fill(7);
    const got = separableBlurCpu(f.slice(), shape, kernels, { skipZeros: true, consume: true, out });
    expect(got).toBe(out);
    expect(got).toEqual(whole);
    expect(() => separableBlurCpu(f, shape, kernels, { out: new Float32Array(3) })).toThrow(/output holds 3 values/);
  });
});
