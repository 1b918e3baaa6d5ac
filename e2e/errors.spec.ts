import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { attachScreenshot, HAS_REAL_TIFF, NO_REAL_TIFF, openApp, readoutAt, REAL_TIFF } from './helpers';

async function expectStillWorking(page: Page): Promise<void> {
  await expect(page.getByTestId('volume-name')).toHaveText('demo-confocal.tif');
  await expect(page.getByTestId('shape')).toHaveText('48×64×64');
  await page.evaluate(() => window.__lucid!.setCursor(10, 10, 10));
  await page.locator('body').press('.');
  await expect.poll(() => page.evaluate(() => window.__lucid!.store.getState().cursor.z)).toBe(11);
  expect(typeof (await readoutAt(page, 12, 20, 20))).toBe('number');
}

test.describe('bad input', () => {
  test('a text file named .tif shows its message and the demo stays', async ({ page }, testInfo) => {
    await openApp(page);
    await page.getByTestId('file-input').setInputFiles({
      name: 'notes.tif', mimeType: 'image/tiff', buffer: Buffer.from('These are my lab notes, not an image.\n'),
    });
    const banner = page.getByTestId('error-banner');
    await expect(banner).toBeVisible();
    await expect(banner).toContainText('notes.tif');
    await expect(banner).toContainText(/not a TIFF/i);
    await attachScreenshot(page, testInfo, 'not-a-tiff');
    await expectStillWorking(page);
    await banner.getByRole('button', { name: 'Dismiss' }).click();
    await expect(banner).toBeHidden();
  });

  test('an empty file shows its message', async ({ page }) => {
    await openApp(page);
    await page.getByTestId('file-input').setInputFiles({ name: 'empty.tif', mimeType: 'image/tiff', buffer: Buffer.alloc(0) });
    await expect(page.getByTestId('error-banner')).toContainText('empty.tif');
    await expectStillWorking(page);
  });

  test('Cancel during a long open keeps the current volume', async ({ page }) => {
    await openApp(page);
    // Big enough that its statistics take seconds on SwiftShader.
    await page.evaluate(() => void window.__lucid!.openSynthetic([64, 512, 512]));
    await expect(page.getByTestId('progress')).toBeVisible();
    await page.getByTestId('cancel-open').click();
    await expect(page.getByTestId('progress')).toBeHidden();
    await expect(page.getByTestId('info-banner')).toContainText('cancelled');
    await expectStillWorking(page);
  });

  test.describe('with the real file', () => {
    test.skip(!HAS_REAL_TIFF, NO_REAL_TIFF);

    test('a truncated copy shows its message, the app keeps working and opens a good file after', async ({ page }, testInfo) => {
      await openApp(page);
      const whole = readFileSync(REAL_TIFF);
      await page.getByTestId('file-input').setInputFiles({
        name: 'truncated.tif', mimeType: 'image/tiff', buffer: whole.subarray(0, Math.floor(whole.length * 0.6)),
      });
      const banner = page.getByTestId('error-banner');
      await expect(banner).toContainText('truncated.tif');
      await expect(banner).toContainText(/truncat|ends|short|incomplete/i);
      await attachScreenshot(page, testInfo, 'truncated');
      await expectStillWorking(page);
      await page.getByTestId('file-input').setInputFiles(REAL_TIFF);
      await expect(page.getByTestId('volume-name')).toHaveText('small_confocal_image.tif');
    });
  });
});
