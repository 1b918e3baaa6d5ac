import { expect, test } from '@playwright/test';

/**
 * Slice change → pixels on canvas, on a 512×512×128 float32 volume generated in the page. Prints the
 * median per view; not an assertion (SwiftShader and a shared CPU make timings noisy).
 *   LUCID_BENCH=1 npx playwright test --project bench
 */
test('slice redraw time on 512×512×128 float32 @bench', async ({ page }, testInfo) => {
  await page.goto('/');
  await expect(page.getByTestId('volume-name')).toHaveText('demo-confocal.tif');
  const info = await page.evaluate(() => window.__lucid!.openSynthetic([128, 512, 512]));
  expect(info?.shape).toEqual([128, 512, 512]);
  await expect(page.getByTestId('shape')).toHaveText('128×512×512');

  const results = await page.evaluate(async () => {
    const h = window.__lucid!;
    const steps = 40;
    const out: Record<string, number[]> = { xy: [], xz: [], yz: [] };
    for (const [plane, axis] of [['xy', 'z'], ['xz', 'y'], ['yz', 'x']] as const) {
      for (let i = 1; i <= steps; i++) {
        const c = { ...h.store.getState().cursor };
        c[axis] = (c[axis] + 1) % (axis === 'z' ? 128 : 512);
        const t0 = performance.now();
        h.setCursor(c.z, c.y, c.x);
        await h.whenDrawn(plane, c[axis]);
        out[plane].push(performance.now() - t0);
      }
    }
    return out;
  });
  const quantile = (v: number[], q: number) => [...v].sort((a, b) => a - b)[Math.min(v.length - 1, Math.floor(v.length * q))];
  const lines = Object.entries(results).map(([plane, v]) =>
    `${plane}: median ${quantile(v, 0.5).toFixed(1)} ms, p90 ${quantile(v, 0.9).toFixed(1)} ms, max ${Math.max(...v).toFixed(1)} ms over ${v.length} steps`);
  const backend = await page.getByTestId('backend').textContent();
  const report = `slice redraw, 512×512×128 float32, backend ${backend}\n${lines.join('\n')}`;
  console.log(report);
  await testInfo.attach('slice-redraw.txt', { body: report, contentType: 'text/plain' });
});
