import { describe, expect, it } from 'vitest';
import { fftshift3, fourierMagnitudeView } from './fourier-view';
import { bruteDft, lcg } from './testing';

describe('fourierMagnitudeView', () => {
  it('is fftshift(|DFT|^0.2) with the zero frequency set to 1 (odd and even axes)', () => {
    const shape = [3, 4, 5] as const;
    const rnd = lcg(3);
    const v = Float32Array.from({ length: 60 }, () => rnd() + 2);
    const got = fourierMagnitudeView(v, shape);
    const q = bruteDft(v, shape);
    for (let z = 0; z < 3; z++) for (let y = 0; y < 4; y++) for (let x = 0; x < 5; x++) {
      const i = (z * 4 + y) * 5 + x;
      const expected = i === 0 ? 1 : Math.hypot(q[2 * i], q[2 * i + 1]) ** 0.2;
      const j = (((z + 1) % 3) * 4 + ((y + 2) % 4)) * 5 + ((x + 2) % 5);
      expect(got[j]).toBeCloseTo(expected, 4);
    }
    expect(got[(1 * 4 + 2) * 5 + 2]).toBe(1);
  });

  it('counts non-finite voxels as 0 instead of spoiling the spectrum', () => {
    const v = Float32Array.of(1, Number.NaN, 3, Number.POSITIVE_INFINITY);
    const out = fourierMagnitudeView(v, [1, 2, 2]);
    expect(out.every(Number.isFinite)).toBe(true);
    const ref = fourierMagnitudeView(Float32Array.of(1, 0, 3, 0), [1, 2, 2]);
    expect(Array.from(out)).toEqual(Array.from(ref));
  });

  it('fftshift moves index i to (i + floor(n/2)) mod n on every axis (numpy: [[0,1,2],[3,4,5]] → [[5,3,4],[2,0,1]])', () => {
    const src = Float32Array.from({ length: 2 * 3 * 1 }, (_, i) => i);
    expect(Array.from(fftshift3(src, [2, 3, 1]))).toEqual([5, 3, 4, 2, 0, 1]);
  });

  it('names the problem when the shape does not fit', () => {
    expect(() => fourierMagnitudeView(new Float32Array(5), [1, 2, 2])).toThrow(/5 values do not fill a 1×2×2/);
  });
});
