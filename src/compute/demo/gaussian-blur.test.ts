import { describe, expect, it } from 'vitest';
import { DemoDataError } from './errors';
import { gaussianBlurValid, gaussianKernel, gaussianRadius } from './gaussian-blur';

describe('gaussianBlurValid', () => {
  it('uses unit-sum kernels of half-width ceil(4σ)', () => {
    const k = gaussianKernel(1.3);
    expect(k.length).toBe(2 * 6 + 1);
    expect(k.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 14);
    expect(gaussianKernel(0)).toEqual(new Float64Array([1]));
  });

  it('spreads a point into the separable kernel with the requested variance per axis', () => {
    const sigma: [number, number, number] = [2, 1, 0.7];
    const r = sigma.map(gaussianRadius);
    // An impulse in the middle of a (4r+1)-wide grid blurs to the whole kernel on the (2r+1)-wide output.
    const shape: [number, number, number] = [1 + 4 * r[0], 1 + 4 * r[1], 1 + 4 * r[2]];
    const src = new Float64Array(shape[0] * shape[1] * shape[2]);
    src[((2 * r[0]) * shape[1] + 2 * r[1]) * shape[2] + 2 * r[2]] = 1;
    const { data, shape: s } = gaussianBlurValid(src, shape, sigma);
    expect(s).toEqual([1 + 2 * r[0], 1 + 2 * r[1], 1 + 2 * r[2]]);
    const total = data.reduce((a, v) => a + v, 0);
    expect(total).toBeCloseTo(1, 12);
    const variance = [0, 0, 0];
    for (let z = 0; z < s[0]; z++) for (let y = 0; y < s[1]; y++) for (let x = 0; x < s[2]; x++) {
      const v = data[(z * s[1] + y) * s[2] + x];
      variance[0] += v * (z - r[0]) ** 2;
      variance[1] += v * (y - r[1]) ** 2;
      variance[2] += v * (x - r[2]) ** 2;
    }
    variance.forEach((v, a) => expect(v).toBeCloseTo(sigma[a] ** 2, 2));
  });

  it('keeps a constant field constant and a linear ramp unchanged', () => {
    const shape: [number, number, number] = [12, 10, 14];
    const src = new Float64Array(12 * 10 * 14);
    for (let i = 0; i < src.length; i++) src[i] = 3 + 0.5 * (i % 14);
    const { data, shape: s } = gaussianBlurValid(src, shape, [1, 1, 1]);
    expect(s).toEqual([4, 2, 6]);
    for (let i = 0; i < data.length; i++) expect(data[i]).toBeCloseTo(3 + 0.5 * ((i % 6) + 4), 10);
  });

  it('rejects a grid too small for the kernel or a bad sigma', () => {
    expect(() => gaussianBlurValid(new Float64Array(8), [2, 2, 2], [1, 0, 0])).toThrow(DemoDataError);
    expect(() => gaussianBlurValid(new Float64Array(8), [2, 2, 2], [Number.NaN, 0, 0])).toThrow(/sigma/);
    expect(() => gaussianBlurValid(new Float64Array(7), [2, 2, 2], [0, 0, 0])).toThrow(/shape/);
  });
});
