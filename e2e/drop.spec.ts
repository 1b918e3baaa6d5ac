import { expect, test } from '@playwright/test';
import { buildTiff } from '../src/compute/io/testing/tiff-builder';
import { openApp, readoutAt } from './helpers';

/** 3 slices of 8×6, value 10·z + x. */
function smallStack(): number[] {
  const pages = [0, 1, 2].map((z) => ({ width: 8, height: 6, values: Array.from({ length: 48 }, (_, i) => 10 * z + (i % 8)) }));
  const description = 'ImageJ=1.53t\nimages=3\nslices=3\nunit=micron\nspacing=2\n';
  return [...buildTiff(pages, { dtype: 'uint8', description })];
}

test('a TIFF dropped on the window opens, and shortcuts work right after the file input was used', async ({ page }) => {
  await openApp(page);
  await page.evaluate((bytes) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(bytes)], 'dropped.tif', { type: 'image/tiff' }));
    window.dispatchEvent(new DragEvent('dragenter', { dataTransfer: dt }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, cancelable: true }));
  }, smallStack());
  await expect(page.getByTestId('volume-name')).toHaveText('dropped.tif');
  await expect(page.getByTestId('shape')).toHaveText('3×6×8');
  expect(await readoutAt(page, 2, 4, 5)).toBe(25);

  await page.getByTestId('file-input').focus();
  await page.keyboard.press(',');
  await expect.poll(() => page.evaluate(() => window.__lucid!.store.getState().cursor.z)).toBe(1);
});
