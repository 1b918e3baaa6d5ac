/** model-pre.wgsl / model-post.wgsl against their twins (expression.cpu.ts). */
import { expect, it } from 'vitest';
import { describeGpu } from '../../gpu/test-gpu';
import { lcg, maxAbs } from '../state/testing';
import { modelPostCpu, modelPreCpu } from './expression.cpu';
import { modelPostGpu, modelPreGpu } from './expression.gpu';
import type { Coeffs4 } from './stage';

const N = 5000;
const field = (seed: number) => {
  const r = lcg(seed);
  return Float32Array.from({ length: N }, () => 2 * r() - 0.5);
};

await describeGpu('model expression kernels vs twins', (ctx) => {
  const [A, B, H] = [field(1), field(2), field(3)];
  const pre: [string, Coeffs4, boolean, boolean][] = [
    ['confocal I(1−P) + C·P', [0, 1, 0.08, -1], true, true],
    ['confocal dP: (C − I)·dP', [0, 0, 0.08, -1], true, true],
    ['dyed I·P', [0, 0, 0, 1], true, true],
    ['field alone', [0, 1, 0, 0], true, false],
    ['constant + B', [0.25, 0, 2, 0], false, true],
  ];
  it.each(pre)('pre: %s', async (_name, c, hasA, hasB) => {
    const a = hasA ? A : null;
    const b = hasB ? B : null;
    const want = modelPreCpu(c, a, b, new Float32Array(N));
    expect(maxAbs(await modelPreGpu(ctx, c, a, b, N), want)).toBeLessThan(1e-6);
  });

  const post: [string, Coeffs4, boolean, boolean][] = [
    ['confocal H(…) + B', [1, 0, 0, 1], false, true],
    ['brightfield I(1 + c·h) + B', [0, -0.4, 1, 1], true, true],
    ['brightfield dP: I·c·h', [0, -0.4, 0, 0], true, false],
  ];
  it.each(post)('post: %s', async (_name, d, hasA, hasB) => {
    const a = hasA ? A : null;
    const b = hasB ? B : null;
    const want = modelPostCpu(d, H, a, b, new Float32Array(N));
    expect(maxAbs(await modelPostGpu(ctx, d, H, a, b), want)).toBeLessThan(1e-6);
  });
});
