import { describe, expect, it } from 'vitest';
import { Prng } from '../util/prng';
import { noiseSigma, quantiseWithNoise } from './camera-noise';
import { DemoDataError } from './errors';

function meanStd(a: Uint8Array): [number, number] {
  let s = 0;
  let s2 = 0;
  for (const v of a) {
    s += v;
    s2 += v * v;
  }
  const m = s / a.length;
  return [m, Math.sqrt(s2 / a.length - m * m)];
}

describe('quantiseWithNoise', () => {
  it('is unbiased (E = 255·m) with shot + read noise of the documented size', () => {
    const noise = { photonsPerUnit: 400, readNoise: 2 };
    for (const m of [0.2, 0.6]) {
      const out = quantiseWithNoise(new Float64Array(40_000).fill(m), noise, new Prng(1));
      const [mean, std] = meanStd(out);
      expect(mean).toBeCloseTo(255 * m, 0);
      // Rounding adds 1/12 count² of variance.
      const expected = Math.sqrt((255 * noiseSigma(noise, m)) ** 2 + 1 / 12);
      expect(std / expected).toBeGreaterThan(0.97);
      expect(std / expected).toBeLessThan(1.03);
    }
  });

  it('clips to 0..255 and is reproducible for a seed', () => {
    const model = Float64Array.from([-0.5, 0, 2, 0.5]);
    const a = quantiseWithNoise(model, { photonsPerUnit: 100, readNoise: 0 }, new Prng(3));
    const b = quantiseWithNoise(model, { photonsPerUnit: 100, readNoise: 0 }, new Prng(3));
    expect(a).toEqual(b);
    expect(a[0]).toBe(0);
    expect(a[1]).toBe(0);
    expect(a[2]).toBe(255);
  });

  it('rejects non-physical settings', () => {
    const z = new Float64Array(1);
    expect(() => quantiseWithNoise(z, { photonsPerUnit: 0, readNoise: 1 }, new Prng(1))).toThrow(DemoDataError);
    expect(() => quantiseWithNoise(z, { photonsPerUnit: 10, readNoise: -1 }, new Prng(1))).toThrow(/readNoise/);
  });
});
