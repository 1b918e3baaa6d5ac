import { expect, test } from '@playwright/test';
import { buildTiff } from '../src/compute/io/testing/tiff-builder';
import { attachScreenshot, openApp, readoutAt } from './helpers';

const W = 12;
const H = 10;

/** A 2-channel × 4-slice ImageJ hyperstack (planes in CZT order); channel c, slice z holds 100·c + 10·z + (x % 3). */
function twoChannelStack(): Buffer {
  const pages = [];
  for (let z = 0; z < 4; z++) {
    for (let c = 0; c < 2; c++) {
      pages.push({ width: W, height: H, values: Array.from({ length: W * H }, (_, i) => 100 * c + 10 * z + ((i % W) % 3)) });
    }
  }
  const description = 'ImageJ=1.53t\nimages=8\nchannels=2\nslices=4\nhyperstack=true\nmode=grayscale\nunit=micron\nspacing=0.5\n';
  return Buffer.from(buildTiff(pages, { dtype: 'uint8', description }));
}

/** 5-D: 2 channels × 3 slices × 2 time points (CZT order); value 100·c + 10·z + t. */
function fiveD(): Buffer {
  const pages = [];
  for (let t = 0; t < 2; t++) {
    for (let z = 0; z < 3; z++) {
      for (let c = 0; c < 2; c++) pages.push({ width: W, height: H, values: new Array(W * H).fill(100 * c + 10 * z + t) });
    }
  }
  const description = 'ImageJ=1.53t\nimages=12\nchannels=2\nslices=3\nframes=2\nhyperstack=true\n';
  return Buffer.from(buildTiff(pages, { dtype: 'uint8', description }));
}

/** One RGB page: red = x, green = y, blue = 50. */
function rgbImage(): Buffer {
  const values: number[] = [];
  for (let y = 0; y < H; y++) for (let x = 0; x < W; x++) values.push(x, y, 50);
  return Buffer.from(buildTiff([{ width: W, height: H, values }], { dtype: 'uint8', samplesPerPixel: 3, photometric: 2 }));
}

test.describe('files that need a choice', () => {
  test('a multi-channel hyperstack lets the user pick the channel', async ({ page }, testInfo) => {
    await openApp(page);
    await page.getByTestId('file-input').setInputFiles({ name: 'two-channels.tif', mimeType: 'image/tiff', buffer: twoChannelStack() });
    const dialog = page.getByTestId('choice-dialog');
    await expect(dialog).toBeVisible();
    await expect(page.getByTestId('volume-name')).toHaveText('demo-confocal.tif');
    await attachScreenshot(page, testInfo, 'channel-choice');
    await page.getByTestId('choice-channel').selectOption({ label: 'C2' });
    await page.getByTestId('choice-open').click();
    await expect(page.getByTestId('volume-name')).toHaveText('two-channels.tif');
    await expect(page.getByTestId('shape')).toHaveText(`4×${H}×${W}`);
    expect(await readoutAt(page, 2, 3, 4)).toBe(100 + 20 + 1);
  });

  test('a 5-D hyperstack asks for the channel and the time point', async ({ page }) => {
    await openApp(page);
    await page.getByTestId('file-input').setInputFiles({ name: 'five-d.tif', mimeType: 'image/tiff', buffer: fiveD() });
    await page.getByTestId('choice-channel').selectOption({ label: 'C1' });
    await page.getByTestId('choice-frame').selectOption({ label: 't = 1' });
    await page.getByTestId('choice-open').click();
    await expect(page.getByTestId('volume-name')).toHaveText('five-d.tif');
    await expect(page.getByTestId('shape')).toHaveText(`3×${H}×${W}`);
    expect(await readoutAt(page, 2, 1, 1)).toBe(21);
  });

  test('an RGB image offers luminance or one channel', async ({ page }) => {
    await openApp(page);
    await page.getByTestId('file-input').setInputFiles({ name: 'colour.tif', mimeType: 'image/tiff', buffer: rgbImage() });
    const dialog = page.getByTestId('choice-dialog');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel('Luminance')).toBeChecked();
    await dialog.getByLabel('Green').check();
    await page.getByTestId('choice-open').click();
    await expect(page.getByTestId('volume-name')).toHaveText('colour.tif');
    await expect(page.getByTestId('shape')).toHaveText(`1×${H}×${W}`);
    expect(await readoutAt(page, 0, 7, 3)).toBe(7);
  });

  test('cancelling the choice keeps the current volume', async ({ page }) => {
    await openApp(page);
    await page.getByTestId('file-input').setInputFiles({ name: 'colour.tif', mimeType: 'image/tiff', buffer: rgbImage() });
    await page.getByTestId('choice-dialog').getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByTestId('choice-dialog')).toBeHidden();
    await expect(page.getByTestId('volume-name')).toHaveText('demo-confocal.tif');
  });
});
