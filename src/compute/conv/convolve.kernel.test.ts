import { expect, it } from 'vitest';
import { describeGpu } from '../gpu/test-gpu';
import { GpuLimitError } from '../gpu/errors';
import type { GpuContext } from '../gpu/context';
import { rfftnCpu } from '../fft/fft';
import { Prng } from '../util/prng';
import { directConvolve, maxRelError } from './conv.reference';
import { convolveCircular, convolveSame } from './convolve';
import { convolveCircularCpu, convolveSameCpu } from './convolve.cpu';
import { wrapPsf } from './kernel';
import { OtfCache } from './otf-cache';
import { cropCpu, padCpu } from './pad.cpu';
import { cropGpu, padGpu } from './pad.gpu';
import { psf2otf } from './psf2otf';
import type { Shape3 } from './shape';

const count = (s: Shape3) => s[0] * s[1] * s[2];

function random(n: number, seed: number, offset = 0): Float32Array {
  const rng = new Prng(seed);
  return Float32Array.from({ length: n }, () => offset + rng.uniform());
}

async function readArray(ctx: GpuContext, arr: { buffer: GPUBuffer; length: number }): Promise<Float32Array> {
  const out = new Float32Array(await ctx.read(arr.buffer, arr.length * 4));
  arr.buffer.destroy();
  return out;
}

await describeGpu('convolution kernels vs twins', (ctx) => {
  const shape: Shape3 = [6, 7, 8];
  const image = random(count(shape), 1);

  it('pad (zero, mirror) and crop equal their twins', async () => {
    const small: Shape3 = [3, 5, 4];
    const img = random(count(small), 2);
    const padded: Shape3 = [8, 9, 13];
    const src = { buffer: ctx.upload(img), length: img.length };
    for (const padding of ['zero', 'mirror'] as const) {
      const want = padCpu(img, small, padded, padding);
      const got = await readArray(ctx, await padGpu(ctx, src, small, padded, padding));
      expect([...got]).toEqual([...want]);
    }
    const big = random(count(padded), 3);
    const gbig = { buffer: ctx.upload(big), length: big.length };
    expect([...(await readArray(ctx, await cropGpu(ctx, gbig, padded, small)))]).toEqual([...cropCpu(big, padded, small)]);
    src.buffer.destroy();
    gbig.buffer.destroy();
  });

  for (const psfShape of [[3, 3, 3], [2, 4, 3], [6, 7, 8]] as Shape3[]) {
    it(`circular convolution with a ${psfShape.join('×')} PSF equals the twin and the direct sum`, async () => {
      const psf = random(count(psfShape), 4, 0.1);
      const got = await convolveCircular(ctx, image, shape, { psf, shape: psfShape });
      expect(maxRelError(got, convolveCircularCpu(image, shape, { psf, shape: psfShape }))).toBeLessThan(2e-6);
      expect(maxRelError(got, directConvolve(image, shape, psf, psfShape, 'circular'))).toBeLessThan(2e-6);
    });
  }

  it('circular convolution with a full OTF (psf2otf) and a half-spectrum OTF', async () => {
    const psfShape: Shape3 = [3, 2, 5];
    const psf = random(count(psfShape), 5);
    const want = directConvolve(image, shape, psf, psfShape, 'circular', false);
    const full = psf2otf(psf, psfShape, shape);
    expect(maxRelError(await convolveCircular(ctx, image, shape, { otf: full }), want)).toBeLessThan(2e-6);
    const half = rfftnCpu(wrapPsf(psf, psfShape, shape), shape);
    expect(maxRelError(await convolveCircular(ctx, image, shape, { otf: half }), want)).toBeLessThan(2e-6);
  });

  it('"same" convolution, zero and mirror padding, odd/even kernels and a 35×17×25 kernel', async () => {
    const small: Shape3 = [6, 8, 7];
    const img = random(count(small), 6);
    for (const psfShape of [[3, 3, 3], [2, 4, 1], [35, 17, 25]] as Shape3[]) {
      const psf = random(count(psfShape), 7, 0.01);
      for (const padding of ['zero', 'mirror'] as const) {
        const got = await convolveSame(ctx, img, small, { psf, shape: psfShape }, { padding });
        expect(maxRelError(got, convolveSameCpu(img, small, { psf, shape: psfShape }, { padding }))).toBeLessThan(2e-6);
        expect(maxRelError(got, directConvolve(img, small, psf, psfShape, padding))).toBeLessThan(2e-6);
      }
    }
  });

  it('caches the GPU OTF and plan per kernel and shape', async () => {
    const cache = new OtfCache();
    const psf = random(27, 8);
    await convolveCircular(ctx, image, shape, { psf, shape: [3, 3, 3] }, { cache });
    expect(cache.size).toBe(2); // plan + OTF
    await convolveCircular(ctx, image, shape, { psf, shape: [3, 3, 3] }, { cache });
    expect(cache.size).toBe(2);
    await convolveCircular(ctx, image, shape, { psf, shape: [3, 3, 3], version: 2 }, { cache });
    expect(cache.size).toBe(3);
    cache.clear();
  });

  it('refuses a volume past the binding limit with a message naming maxStorageBufferBindingSize', async () => {
    const psf = { psf: random(27, 9), shape: [3, 3, 3] as Shape3 };
    const opts = { maxBindingBytes: 1024, cache: new OtfCache() };
    await expect(convolveCircular(ctx, image, shape, psf, opts)).rejects.toThrow(GpuLimitError);
    await expect(convolveSame(ctx, image, shape, psf, opts)).rejects.toThrow(/maxStorageBufferBindingSize is 1,024 bytes/);
  });
});
