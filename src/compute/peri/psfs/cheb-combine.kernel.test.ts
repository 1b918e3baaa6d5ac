/** cheb-combine.wgsl against its twin: Σ_k T_k(ẑ(z))·conv_k on a real tile and on interleaved complex planes. */
import { expect, it } from 'vitest';
import { chebyshevWeights } from '../../psf/chebyshev';
import { describeGpu } from '../../gpu/test-gpu';
import type { Vec3 } from '../tile';
import { chebCombineCpu } from './cheb-combine.cpu';
import { chebCombineGpu } from './cheb-combine.gpu';

await describeGpu('cheb-combine kernel vs twin', (ctx) => {
  it.each([
    ['real tile 13×9×11', [13, 9, 11] as Vec3],
    ['complex planes 8×6×(2·5)', [8, 6, 10] as Vec3],
  ])('%s', async (_name, shape) => {
    const n = shape[0] * shape[1] * shape[2];
    const degree = 6;
    const convs = Array.from({ length: degree }, (_, k) => Float32Array.from({ length: n }, (_, i) => Math.sin(0.3 * i + k) * (k + 1)));
    const zs = Array.from({ length: shape[0] }, (_, i) => 20 + i);
    const weights = chebyshevWeights(zs, [0, 48], degree);
    const want = chebCombineCpu(convs, weights, shape);
    const got = await chebCombineGpu(ctx, convs, weights, shape);
    let worst = 0;
    want.forEach((w, i) => (worst = Math.max(worst, Math.abs(got[i] - w) / Math.max(1, Math.abs(w)))));
    expect(worst).toBeLessThan(1e-5);
    expect(want.some((v) => Math.abs(v) > 1)).toBe(true);
  });
});
