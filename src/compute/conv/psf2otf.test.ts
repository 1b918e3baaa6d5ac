import { describe, expect, it } from 'vitest';
import { Prng } from '../util/prng';
import { otf2psf, psf2otf } from './psf2otf';
import { ConvError } from './errors';
import type { Shape3 } from './shape';

/** Float64 DFT of a small real array: the independent reference. */
function dft(real: number[], shape: Shape3): Float64Array {
  const [nz, ny, nx] = shape;
  const out = new Float64Array(2 * real.length);
  for (let kz = 0; kz < nz; kz++) for (let ky = 0; ky < ny; ky++) for (let kx = 0; kx < nx; kx++) {
    let re = 0;
    let im = 0;
    for (let z = 0; z < nz; z++) for (let y = 0; y < ny; y++) for (let x = 0; x < nx; x++) {
      const t = -2 * Math.PI * ((kz * z) / nz + (ky * y) / ny + (kx * x) / nx);
      const v = real[(z * ny + y) * nx + x];
      re += v * Math.cos(t);
      im += v * Math.sin(t);
    }
    const o = 2 * ((kz * ny + ky) * nx + kx);
    out[o] = re;
    out[o + 1] = im;
  }
  return out;
}

describe('psf2otf / otf2psf (MATLAB semantics)', () => {
  it('1-D [1, 2, 3] padded to 5: 2 + 4cos θ − 2i sin θ, θ = 2πk/5 (hand-computed)', () => {
    const otf = psf2otf(new Float32Array([1, 2, 3]), [1, 1, 3], [1, 1, 5]);
    for (let k = 0; k < 5; k++) {
      const t = (2 * Math.PI * k) / 5;
      expect(otf[2 * k]).toBeCloseTo(2 + 4 * Math.cos(t), 5);
      expect(otf[2 * k + 1]).toBeCloseTo(-2 * Math.sin(t), 5);
    }
  });

  it('2-D [[1, 2], [3, 4]] in 3×3 is the DFT of [[4, 0, 3], [0, 0, 0], [2, 0, 1]] (pad, circshift by −floor(k/2))', () => {
    const otf = psf2otf(new Float32Array([1, 2, 3, 4]), [1, 2, 2], [1, 3, 3]);
    const want = dft([4, 0, 3, 0, 0, 0, 2, 0, 1], [1, 3, 3]);
    for (let i = 0; i < want.length; i++) expect(otf[i]).toBeCloseTo(want[i], 5);
  });

  it('a centred delta gives an OTF of ones; a symmetric PSF gives an exactly real OTF', () => {
    const delta = new Float32Array(27);
    delta[13] = 1;
    const ones = psf2otf(delta, [3, 3, 3], [4, 6, 5]);
    for (let i = 0; i < ones.length; i += 2) {
      expect(ones[i]).toBeCloseTo(1, 6);
      expect(ones[i + 1]).toBe(0);
    }
    const sym = psf2otf(new Float32Array([0, 1, 0, 1, 4, 1, 0, 1, 0]), [1, 3, 3], [1, 8, 8]);
    for (let i = 1; i < sym.length; i += 2) expect(sym[i]).toBe(0);
    expect(sym[0]).toBeCloseTo(8, 5);
  });

  it('otf2psf inverts psf2otf for odd and even PSF sizes', () => {
    const rng = new Prng(7);
    for (const [ps, s] of [[[3, 4, 5], [8, 9, 10]], [[2, 2, 2], [2, 5, 4]], [[1, 6, 1], [1, 7, 3]]] as [Shape3, Shape3][]) {
      const psf = Float32Array.from({ length: ps[0] * ps[1] * ps[2] }, () => rng.uniform());
      const back = otf2psf(psf2otf(psf, ps, s), s, ps);
      for (let i = 0; i < psf.length; i++) expect(back[i]).toBeCloseTo(psf[i], 5);
    }
  });

  it('refuses a PSF larger than the OTF and data that does not match its shape', () => {
    expect(() => psf2otf(new Float32Array(5), [1, 1, 5], [1, 1, 4])).toThrow(ConvError);
    expect(() => psf2otf(new Float32Array(5), [1, 1, 5], [1, 1, 4])).toThrow(/does not fit/);
    expect(() => psf2otf(new Float32Array(4), [1, 1, 5], [1, 1, 8])).toThrow(/needs 5/);
    expect(() => otf2psf(new Float32Array(16), [1, 1, 8], [1, 1, 9])).toThrow(/does not fit/);
  });
});
