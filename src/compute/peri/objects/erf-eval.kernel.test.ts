/** The documented accuracy of peri_erf (erf.wgsl, f32: Taylor series below 1, A&S 7.1.26 above): ≤ 3e-7 absolute against the float64 erf. */
import { expect, it } from 'vitest';
import { describeGpu } from '../../gpu/test-gpu';
import { erfEvalCpu } from './erf-eval.cpu';
import { erfEvalGpu } from './erf-eval.gpu';

await describeGpu('peri_erf (f32) vs float64 erf', (ctx) => {
  it('max |error| ≤ 3e-7 on 24001 points of [−6, 6]', async () => {
    const xs = Float32Array.from({ length: 24001 }, (_, i) => -6 + i * 0.0005);
    const got = await erfEvalGpu(ctx, xs);
    const want = erfEvalCpu(xs);
    let worst = 0;
    want.forEach((w, i) => (worst = Math.max(worst, Math.abs(got[i] - w))));
    expect(worst).toBeLessThanOrEqual(3e-7);
    expect(worst).toBeGreaterThan(0);
  });
});
