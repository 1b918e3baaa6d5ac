/**
 * FFT convolutions on larger (fast) FFT shapes: on the region the caller needs, the zero-padded
 * convolution equals the circular convolution over the whole grid, for whole fields and for
 * differences that are zero outside a box, with a Gaussian and with the exact Chebyshev PSF.
 */
import { describe, expect, it } from 'vitest';
import { FixedSSChebLinePSF } from '../psfs/exact-cheb';
import { AnisotropicGaussian } from '../psfs/gaussian';
import type { PsfComponent } from '../psfs/psf';
import { linearFftTile } from '../state/io-tiles';
import { Tile, copyTileIn, copyTileOut } from '../tile';
import { blurOnTile } from './blur';
import { fastFftSize, fftReach } from './fft-blur';

function isSmooth235(n: number): boolean {
  let m = n;
  for (const p of [2, 3, 5]) while (m % p === 0) m /= p;
  return m === 1;
}

/** A smooth random-looking field on the grid, zero outside `support` when given. */
function fieldOn(grid: Tile, support?: Tile): Float32Array {
  const full = Float32Array.from({ length: grid.volume }, (_, i) => 0.6 + 0.4 * Math.sin(i * 0.731) * Math.cos(i * 0.0123));
  if (!support) return full;
  const out = new Float32Array(grid.volume);
  copyTileIn(out, grid, support, copyTileOut(full, grid, support));
  return out;
}

/** max |padded-FFT H(field) − whole-grid circular H(field)| on `valid`, relative to max |H|. */
function paddedVsWholeGrid(psf: PsfComponent, grid: Tile, valid: Tile, support?: Tile): { err: number; padded: boolean } {
  const field = fieldOn(grid, support);
  const reference = copyTileOut(psf.execute(field, grid), grid, valid);
  const reach = fftReach(psf);
  expect(reach).not.toBeNull();
  const where = linearFftTile(valid, support ?? grid, reach!, grid);
  expect(where).not.toBeNull();
  const { tile, fftShape } = where!;
  const h = blurOnTile(psf, copyTileOut(field, grid, tile), tile, { valid, fftShape });
  const got = copyTileOut(h, tile, valid);
  let err = 0;
  let scale = 0;
  for (let i = 0; i < got.length; i++) {
    err = Math.max(err, Math.abs(got[i] - reference[i]));
    scale = Math.max(scale, Math.abs(reference[i]));
  }
  return { err: err / scale, padded: fftShape.some((n, a) => n !== tile.shape[a]) };
}

describe('FFT convolutions on fast FFT shapes', () => {
  it('fastFftSize: a multiple of 4 with factors 2, 3, 5, at most 20 % above the next such size', () => {
    for (let n = 4; n <= 400; n++) {
      const m = fastFftSize(n);
      expect(m).toBeGreaterThanOrEqual(n);
      expect(m % 4 === 0 && isSmooth235(m)).toBe(true);
      let next = n;
      while (!(next % 4 === 0 && isSmooth235(next))) next++;
      expect(m).toBeLessThanOrEqual(1.2 * next);
    }
  });

  it('Gaussian PSF: the image region of a whole field and of a local difference', () => {
    const psf = new AnisotropicGaussian({ sigmas: [2.4, 1.3] });
    const grid = new Tile([30, 34, 38]);
    psf.setShape(grid, grid.pad(-7));
    const image = grid.pad(-7);
    const whole = paddedVsWholeGrid(psf, grid, image);
    expect(whole.padded).toBe(true);
    expect(whole.err).toBeLessThan(1e-6);
    const box = new Tile([5, 20, 24], [13, 30, 33]);
    const diff = paddedVsWholeGrid(psf, grid, Tile.intersection(box.pad(fftReach(psf)!), image), box);
    expect(diff.padded).toBe(true);
    expect(diff.err).toBeLessThan(1e-6);
  });

  it('exact Chebyshev PSF (z-dependent): whole field, a difference inside and one cut by the image edge', () => {
    const psf = new FixedSSChebLinePSF({ supportSize: [9, 7, 9], zslab: 3, zscale: 0.9, n2n1: 0.95, sigkf: 0.05 });
    const grid = new Tile([34, 30, 38]);
    psf.setShape(grid, grid.pad(-6));
    const image = grid.pad(-6);
    const whole = paddedVsWholeGrid(psf, grid, image);
    expect(whole.padded).toBe(true);
    expect(whole.err).toBeLessThan(1e-6);
    for (const box of [new Tile([10, 9, 12], [19, 17, 21]), new Tile([2, 20, 5], [12, 29, 14])]) {
      const valid = Tile.intersection(box.pad(fftReach(psf)!), image);
      const diff = paddedVsWholeGrid(psf, grid, valid, box);
      expect(diff.padded).toBe(true);
      expect(diff.err).toBeLessThan(1e-6);
    }
  });

  it('gives no tile where the needed region ± reach leaves the grid', () => {
    const grid = new Tile([20, 20, 20]);
    expect(linearFftTile(new Tile([2, 5, 5], [10, 15, 15]), grid, [4, 4, 4], grid)).toBeNull();
    const t = linearFftTile(new Tile([5, 5, 5], [15, 15, 15]), new Tile([8, 8, 8], [10, 10, 10]), [4, 4, 4], grid);
    // only the support within reach is gathered; its aliases stay ≥ reach away from the region
    expect(t!.tile).toEqual(new Tile([5, 5, 5], [15, 15, 15]));
    expect(t!.fftShape).toEqual([12, 12, 12]);
  });
});
