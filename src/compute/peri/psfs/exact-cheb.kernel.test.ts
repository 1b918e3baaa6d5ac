/** The Chebyshev PSF on the GPU (real FFT, OTF products, cheb-combine) against its CPU execute. */
import { expect, it } from 'vitest';
import { describeGpu } from '../../gpu/test-gpu';
import { Tile } from '../tile';
import { FixedSSChebLinePSF } from './exact-cheb';
import { ChebPsfGpu } from './exact-cheb.gpu';

await describeGpu('Chebyshev PSF execute: GPU vs CPU', (ctx) => {
  it('blurs a field on a 20×12×14 tile the same way', async () => {
    const psf = new FixedSSChebLinePSF({ supportSize: [9, 7, 9], zslab: 3, zscale: 0.9, n2n1: 0.95, sigkf: 0.05 });
    const grid = new Tile([20, 12, 14]);
    psf.setShape(grid, grid.pad(-2));
    const field = Float32Array.from({ length: grid.volume }, (_, i) => Math.sin(i * 0.71) ** 2);
    const want = psf.execute(field, grid);
    const gpu = new ChebPsfGpu(ctx, grid.shape);
    try {
      gpu.setKernels(psf.kernelSpectra(grid.shape));
      const got = await gpu.execute(field, psf.chebyshevWeights(grid));
      let num = 0;
      let den = 0;
      want.forEach((w, i) => {
        num += (got[i] - w) ** 2;
        den += w * w;
      });
      expect(Math.sqrt(num / den)).toBeLessThan(1e-5);
    } finally {
      gpu.destroy();
    }
  });
});
