import { expect, test } from '@playwright/test';
import {
  attachScreenshot, canvasStats, HAS_REAL_TIFF, NO_REAL_TIFF, openApp, PLANES, readoutAt, REAL_TIFF, tiffVoxel, waitForViews,
} from './helpers';

test.describe('CPU fallback (?backend=cpu)', () => {
  test('shows "CPU fallback" and views the demo', async ({ page }, testInfo) => {
    await openApp(page, '?backend=cpu');
    await expect(page.getByTestId('backend')).toHaveText('CPU fallback');
    await waitForViews(page);
    for (const plane of PLANES) expect((await canvasStats(page, plane)).distinct).toBeGreaterThan(10);
    await attachScreenshot(page, testInfo, 'cpu-fallback');
  });

  test('opens the real file with exact readouts', async ({ page }) => {
    test.skip(!HAS_REAL_TIFF, NO_REAL_TIFF);
    await openApp(page, '?backend=cpu');
    await page.getByTestId('file-input').setInputFiles(REAL_TIFF);
    await expect(page.getByTestId('volume-name')).toHaveText('small_confocal_image.tif');
    await expect(page.getByTestId('shape')).toHaveText('48×64×64');
    await expect(page.getByTestId('backend')).toHaveText('CPU fallback');
    expect(await readoutAt(page, 10, 20, 30)).toBe(await tiffVoxel(REAL_TIFF, 10, 20, 30));
  });
});
