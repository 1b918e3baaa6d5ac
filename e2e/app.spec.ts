import { expect, test } from '@playwright/test';
import {
  attachScreenshot, canvasStats, HAS_REAL_TIFF, NO_REAL_TIFF, openApp, PLANES, readoutAt, REAL_TIFF,
  tiffVoxel, voxelPoint, waitForReadout, waitForViews,
} from './helpers';

test.describe('viewer', () => {
  test('starts with the demo volume open and names the backend', async ({ page }, testInfo) => {
    await openApp(page);
    await expect(page.getByTestId('shape')).toHaveText('48×64×64');
    await expect(page.getByTestId('dtype')).toHaveText('uint8');
    await expect(page.getByTestId('voxel-size')).toContainText('µm');
    const backend = (await page.getByTestId('backend').textContent()) ?? '';
    expect(backend.length).toBeGreaterThan(0);
    await waitForViews(page);
    for (const plane of PLANES) expect((await canvasStats(page, plane)).distinct).toBeGreaterThan(10);
    await attachScreenshot(page, testInfo, 'demo');
  });

  test.describe('the real confocal image', () => {
    test.skip(!HAS_REAL_TIFF, NO_REAL_TIFF);

    test('opens through the file input at 48×64×64 with non-blank views and exact readouts', async ({ page }, testInfo) => {
      await openApp(page);
      await page.getByTestId('file-input').setInputFiles(REAL_TIFF);
      await expect(page.getByTestId('volume-name')).toHaveText('small_confocal_image.tif');
      await expect(page.getByTestId('shape')).toHaveText('48×64×64');
      await expect(page.getByTestId('dtype')).toHaveText('uint8');
      await waitForViews(page);
      for (const plane of PLANES) {
        const s = await canvasStats(page, plane);
        expect(s.distinct, `${plane} view distinct levels`).toBeGreaterThan(20);
        expect(s.std, `${plane} view contrast`).toBeGreaterThan(10);
      }
      for (const [z, y, x] of [[10, 20, 30], [0, 0, 0], [47, 63, 63], [31, 7, 52]] as const) {
        expect(await readoutAt(page, z, y, x), `voxel ${z},${y},${x}`).toBe(await tiffVoxel(REAL_TIFF, z, y, x));
      }
      await expect(page.getByTestId('readout-value')).toHaveText(String(await tiffVoxel(REAL_TIFF, 31, 7, 52)));
      await attachScreenshot(page, testInfo, 'small_confocal_image');
    });

    test('clicking a view recentres the other two', async ({ page }, testInfo) => {
      await openApp(page);
      await page.getByTestId('file-input').setInputFiles(REAL_TIFF);
      await expect(page.getByTestId('volume-name')).toHaveText('small_confocal_image.tif');
      await readoutAt(page, 20, 32, 32);

      const inXy = await voxelPoint(page, 'xy', 20, 40, 12);
      await page.mouse.click(inXy.x, inXy.y);
      const v1 = await waitForReadout(page, { z: 20, y: 40, x: 12 });
      expect(v1).toBe(await tiffVoxel(REAL_TIFF, 20, 40, 12));
      await expect(page.getByTestId('index-xz')).toHaveText('y 40 / 63');
      await expect(page.getByTestId('index-yz')).toHaveText('x 12 / 63');

      const inXz = await voxelPoint(page, 'xz', 5, 40, 50);
      await page.mouse.click(inXz.x, inXz.y);
      await waitForReadout(page, { z: 5, y: 40, x: 50 });
      await expect(page.getByTestId('index-xy')).toHaveText('z 5 / 47');

      const inYz = await voxelPoint(page, 'yz', 33, 9, 50);
      await page.mouse.click(inYz.x, inYz.y);
      const v3 = await waitForReadout(page, { z: 33, y: 9, x: 50 });
      expect(v3).toBe(await tiffVoxel(REAL_TIFF, 33, 9, 50));
      await waitForViews(page);
      await attachScreenshot(page, testInfo, 'after-clicks');
    });
  });

  test('keys, wheel and zoom move through the volume; help lists the bindings', async ({ page }) => {
    await openApp(page);
    const cursor = () => page.evaluate(() => window.__lucid!.store.getState().cursor);
    await page.evaluate(() => window.__lucid!.setCursor(20, 30, 30));
    await page.keyboard.press('.');
    expect((await cursor()).z).toBe(21);
    await page.keyboard.press('Shift+Comma');
    expect((await cursor()).z).toBe(11);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowUp');
    expect(await cursor()).toEqual({ z: 11, y: 29, x: 31 });

    const xy = page.getByTestId('view-xy');
    const box = (await xy.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, 100);
    await expect.poll(async () => (await cursor()).z).toBe(12);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -100);
    await page.keyboard.up('Control');
    const zoom = await page.evaluate(() => window.__lucid!.store.getState().transforms.xy.zoom);
    expect(zoom).toBeGreaterThan(1);
    await page.keyboard.press('r');
    expect(await page.evaluate(() => window.__lucid!.store.getState().transforms.xy.zoom)).toBe(1);

    await page.keyboard.press('h');
    const help = page.getByTestId('help-overlay');
    await expect(help).toBeVisible();
    await expect(help).toContainText('Previous z slice');
    await expect(help).toContainText('Ctrl + wheel');
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();
  });

  test('contrast limits are editable, auto presets and LUTs apply', async ({ page }) => {
    await openApp(page);
    const clim = () => page.evaluate(() => window.__lucid!.store.getState().clim);
    await page.getByTestId('clim-min').fill('20');
    await page.getByTestId('clim-max').fill('120');
    await page.getByTestId('clim-max').press('Enter');
    expect(await clim()).toEqual([20, 120]);
    await page.getByTestId('clim-max').fill('5');
    await page.getByTestId('clim-max').press('Enter');
    await expect(page.getByRole('alert').filter({ hasText: 'must be above' })).toBeVisible();
    expect(await clim()).toEqual([20, 120]);
    await page.getByRole('button', { name: 'Min–max' }).click();
    const stats = await page.evaluate(() => window.__lucid!.store.getState().volume!.stats);
    expect(await clim()).toEqual([stats.min, stats.max]);
    await page.getByTestId('lut').selectOption('diverging');
    const [lo, hi] = await clim();
    expect(lo).toBe(-hi);
    await page.getByTestId('lut').selectOption('bone');
    expect(await page.evaluate(() => window.__lucid!.store.getState().lut)).toBe('bone');
  });
});
