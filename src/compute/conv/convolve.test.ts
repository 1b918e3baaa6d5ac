import { describe, expect, it } from 'vitest';
import { planFftCpu, rfftnCpu } from '../fft/fft';
import { Prng } from '../util/prng';
import { directConvolve, maxRelError } from './conv.reference';
import { convolveCircularCpu, convolveSameCpu, nextCpuFftSize, samePaddedShape } from './convolve.cpu';
import { ConvError } from './errors';
import { wrapPsf } from './kernel';
import { OtfCache } from './otf-cache';
import { psf2otf } from './psf2otf';
import type { Shape3 } from './shape';

function random(n: number, seed: number, offset = 0): Float32Array {
  const rng = new Prng(seed);
  return Float32Array.from({ length: n }, () => offset + rng.uniform());
}

const count = (s: Shape3) => s[0] * s[1] * s[2];

describe('circular convolution (PERI semantics) vs direct float64', () => {
  const shape: Shape3 = [6, 7, 8];
  const image = random(count(shape), 1);

  for (const psfShape of [[3, 3, 3], [2, 4, 3], [1, 1, 1], [6, 7, 8]] as Shape3[]) {
    it(`PSF ${psfShape.join('×')}, normalised to unit sum`, () => {
      const psf = random(count(psfShape), 2, 0.1);
      const got = convolveCircularCpu(image, shape, { psf, shape: psfShape });
      expect(maxRelError(got, directConvolve(image, shape, psf, psfShape, 'circular'))).toBeLessThan(2e-6);
    });
  }

  it('an unnormalised PSF, and the same kernel given as a full or half OTF', () => {
    const psfShape: Shape3 = [3, 2, 5];
    const psf = random(count(psfShape), 3);
    const want = directConvolve(image, shape, psf, psfShape, 'circular', false);
    const raw = convolveCircularCpu(image, shape, { psf, shape: psfShape, normalize: false });
    expect(maxRelError(raw, want)).toBeLessThan(2e-6);
    const full = psf2otf(psf, psfShape, shape);
    expect(maxRelError(convolveCircularCpu(image, shape, { otf: full }), want)).toBeLessThan(2e-6);
    const half = rfftnCpu(wrapPsf(psf, psfShape, shape), shape);
    expect(maxRelError(convolveCircularCpu(image, shape, { otf: half }), want)).toBeLessThan(2e-6);
  });

  it('a non-Hermitian OTF gives Re(ifftn(fftn(image)·OTF))', () => {
    const otf = random(2 * count(shape), 4, -0.5);
    const spec = new Float32Array(2 * count(shape));
    image.forEach((v, i) => (spec[2 * i] = v));
    const plan = planFftCpu(shape);
    plan.forward(spec);
    for (let i = 0; i < spec.length; i += 2) {
      const [a, b, c, d] = [spec[i], spec[i + 1], otf[i], otf[i + 1]];
      spec[i] = a * c - b * d;
      spec[i + 1] = a * d + b * c;
    }
    plan.inverse(spec);
    const want = Float64Array.from({ length: count(shape) }, (_, i) => spec[2 * i]);
    expect(maxRelError(convolveCircularCpu(image, shape, { otf }), want)).toBeLessThan(1e-5);
  });

  it('refuses a PSF larger than the image, a PSF summing to 0 and an OTF of the wrong length', () => {
    expect(() => convolveCircularCpu(image, shape, { psf: random(9 * 9, 5), shape: [1, 9, 9] })).toThrow(/does not fit/);
    const zero = new Float32Array([1, -1, 0]);
    expect(() => convolveCircularCpu(image, shape, { psf: zero, shape: [1, 1, 3] })).toThrow(/normalised to unit sum/);
    expect(() => convolveCircularCpu(image, shape, { otf: new Float32Array(10) })).toThrow(ConvError);
    expect(() => convolveCircularCpu(image, [6, 7, 9], { otf: new Float32Array(10) })).toThrow(/has 336 values/);
  });
});

describe('linear ("same") convolution vs direct float64', () => {
  const shape: Shape3 = [5, 9, 7];
  const image = random(count(shape), 6);

  for (const padding of ['zero', 'mirror'] as const) {
    for (const psfShape of [[3, 3, 3], [2, 4, 1], [4, 5, 6]] as Shape3[]) {
      it(`${padding} padding, PSF ${psfShape.join('×')}`, () => {
        const psf = random(count(psfShape), 7, 0.1);
        const got = convolveSameCpu(image, shape, { psf, shape: psfShape }, { padding });
        expect(maxRelError(got, directConvolve(image, shape, psf, psfShape, padding))).toBeLessThan(2e-6);
      });
    }
  }

  it('PERI\'s 35×17×25 exact-PSF support on a 6×8×7 image (kernel larger than the image), both paddings', () => {
    const small: Shape3 = [6, 8, 7];
    const img = random(count(small), 8);
    const psfShape: Shape3 = [35, 17, 25];
    const psf = random(count(psfShape), 9, 0.01);
    for (const padding of ['zero', 'mirror'] as const) {
      const got = convolveSameCpu(img, small, { psf, shape: psfShape }, { padding });
      expect(maxRelError(got, directConvolve(img, small, psf, psfShape, padding))).toBeLessThan(2e-6);
    }
  });

  it('pads to 2·3·5·7-smooth sizes of at least n + k − 1 (GPU), PFFFT sizes on the CPU', () => {
    expect(samePaddedShape([64, 100, 1], [35, 17, 1])).toEqual([98, 120, 1]);
    expect(samePaddedShape([1, 37, 37], [1, 11, 11])).toEqual([1, 48, 48]);
    expect(samePaddedShape([64, 64, 64], [35, 17, 25], nextCpuFftSize)).toEqual([100, 80, 96]);
    expect([1, 2, 3, 5, 13, 90, 98].map(nextCpuFftSize)).toEqual([1, 2, 4, 8, 16, 96, 100]);
  });
});

describe('OTF cache', () => {
  it('reuses an OTF per kernel, version and shape, and evicts the least recently used', () => {
    const cache = new OtfCache({ maxEntries: 2 });
    const shape: Shape3 = [4, 4, 4];
    const image = random(64, 10);
    const psf = random(8, 11);
    const kernel = { psf, shape: [2, 2, 2] as Shape3 };
    const first = convolveCircularCpu(image, shape, kernel, { cache });
    expect(cache.size).toBe(1);
    psf[0] += 5; // changed in place without a version bump: the cached OTF is still used
    expect([...convolveCircularCpu(image, shape, kernel, { cache })]).toEqual([...first]);
    const bumped = convolveCircularCpu(image, shape, { ...kernel, version: 1 }, { cache });
    expect(maxRelError(bumped, directConvolve(image, shape, psf, [2, 2, 2], 'circular'))).toBeLessThan(2e-6);
    expect(cache.size).toBe(2);
    convolveCircularCpu(random(80, 12), [4, 4, 5], { ...kernel, version: 1 }, { cache });
    expect(cache.size).toBe(2);
  });

  it('disposes evicted entries and respects the byte bound', () => {
    const disposed: string[] = [];
    const cache = new OtfCache({ maxEntries: 10, maxBytes: 100 });
    const entry = (name: string, bytes: number) => () => ({ value: name, bytes, dispose: () => disposed.push(name) });
    cache.get('a', entry('a', 60));
    cache.get('b', entry('b', 30));
    expect(cache.get('a', entry('a2', 60))).toBe('a'); // hit: a becomes most recent
    cache.get('c', entry('c', 30));
    expect(disposed).toEqual(['b']);
    expect(cache.bytes).toBe(90);
    cache.clear();
    expect(disposed.sort()).toEqual(['a', 'b', 'c']);
  });
});
