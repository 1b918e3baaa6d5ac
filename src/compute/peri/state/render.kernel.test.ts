/** The full model on the GPU (pre kernel, OTF or Chebyshev blur, post kernel) against the CPU state. */
import { expect, it } from 'vitest';
import { describeGpu } from '../../gpu/test-gpu';
import { createState } from './create';
import { renderModelGpu } from './render.gpu';
import { maxAbs, smallConfig } from './testing';

// Padded grids with 2·3·5·7-smooth sides (24×28×32 and 32×36×40) keep the GPU FFTs off Bluestein.
const SHAPE: [number, number, number] = [16, 20, 24];

await describeGpu('model on the GPU vs the CPU state', (ctx) => {
  it('ConfocalImageModel with a Gaussian PSF, padded grid', async () => {
    const st = createState(smallConfig({ pad: 4 }), null, { shape: SHAPE });
    const gpu = await renderModelGpu(ctx, st, { padded: true });
    expect(maxAbs(gpu, st.paddedModel)).toBeLessThan(2e-6);
  });

  it('BrightfieldImageModel (post-blur expression with A and B)', async () => {
    const cfg = smallConfig({ model: 'BrightfieldImageModel', pad: 4 });
    cfg.components[3] = { class: 'GlobalScalar', args: { name: 'contrast', value: -0.3 } };
    const st = createState({ ...cfg, values: {} }, null, { shape: SHAPE });
    expect(maxAbs(await renderModelGpu(ctx, st), st.model)).toBeLessThan(2e-6);
  });

  it('exact line-scan PSF (Chebyshev kernels combined on the GPU)', async () => {
    const cfg = smallConfig({ pad: 8, link_zscale: true, values: {} });
    cfg.components[4] = { class: 'FixedSSChebLinePSF', args: { support_size: [9, 7, 9], zrange: [0, 32] } };
    const st = createState(cfg, null, { shape: SHAPE });
    expect(maxAbs(await renderModelGpu(ctx, st), st.model)).toBeLessThan(1e-5);
  });
});
