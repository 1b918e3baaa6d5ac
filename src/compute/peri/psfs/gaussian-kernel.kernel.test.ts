/** gaussian-kernel.wgsl against its twin: PERI's box and cylinder Gaussians wrapped onto odd and even tiles. */
import { expect, it } from 'vitest';
import { describeGpu } from '../../gpu/test-gpu';
import type { Vec3 } from '../tile';
import { AnisotropicGaussian, AnisotropicGaussianXYZ } from './gaussian';
import { gaussianKernelScale, gaussianTileKernelCpu } from './gaussian-kernel.cpu';
import { gaussianTileKernelGpu } from './gaussian-kernel.gpu';

await describeGpu('gaussian-kernel kernel vs twin', (ctx) => {
  it.each([
    ['XYZ (4, 2, 2.2) on 19×16×21', new AnisotropicGaussianXYZ({ sigmas: [4, 2, 2.2] }), [19, 16, 21] as Vec3],
    ['gauss2d (1.5, 4) on 20×15×14', new AnisotropicGaussian({ sigmas: [1.5, 4] }), [20, 15, 14] as Vec3],
  ])('%s', async (_name, psf, shape) => {
    const spec = psf.spec();
    const scale = gaussianKernelScale(spec);
    const want = gaussianTileKernelCpu(spec, shape, scale);
    const got = await gaussianTileKernelGpu(ctx, spec, shape, scale);
    let worst = 0;
    want.forEach((w, i) => (worst = Math.max(worst, Math.abs(got[i] - w))));
    const peak = Math.max(...want);
    expect(worst / peak).toBeLessThan(1e-5);
    expect(want[0]).toBe(peak);
    expect(want.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
  });
});
