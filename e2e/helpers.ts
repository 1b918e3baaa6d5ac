/** Shared e2e helpers: reference data paths, waiting for the app, reading canvases and TIFF voxels. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page, type TestInfo } from '@playwright/test';
import { fromArrayBuffer } from 'geotiff';

export const SHARED = path.resolve(process.cwd(), '../shared');
export const REAL_TIFF = path.join(SHARED, 'data/peri/real/small_confocal_image.tif');
export const HAS_REAL_TIFF = existsSync(REAL_TIFF);
export const NO_REAL_TIFF = `reference data not found at ${REAL_TIFF} (needs ../shared next to the repo)`;

export type PlaneName = 'xy' | 'xz' | 'yz';
export const PLANES: PlaneName[] = ['xy', 'xz', 'yz'];

/** Opens the app and waits for the demo volume and the backend label. */
export async function openApp(page: Page, query = ''): Promise<void> {
  await page.goto(`/${query}`);
  await expect(page.getByTestId('volume-name')).toHaveText('demo-confocal.tif');
  await expect(page.getByTestId('backend')).not.toHaveText('starting…');
}

/** Waits until every view shows the slice through the cursor of the current volume. */
export async function waitForViews(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const h = window.__lucid!;
    const c = h.store.getState().cursor;
    await Promise.all([h.whenDrawn('xy', c.z), h.whenDrawn('xz', c.y), h.whenDrawn('yz', c.x)]);
  });
}

/** Waits for the readout of a voxel and returns the value the app shows for it. */
export async function readoutAt(page: Page, z: number, y: number, x: number): Promise<number> {
  await page.evaluate(([z, y, x]) => window.__lucid!.setCursor(z, y, x), [z, y, x]);
  return waitForReadout(page, { z, y, x });
}

export async function waitForReadout(page: Page, at: { z: number; y: number; x: number }): Promise<number> {
  await expect.poll(() => page.evaluate(() => window.__lucid!.readout())).toEqual({ ...at, value: expect.any(Number) });
  const { value } = await page.evaluate(() => window.__lucid!.readout());
  return value as number;
}

/** Pixel statistics of a view's canvas: distinct grey levels and standard deviation of the red channel. */
export async function canvasStats(page: Page, plane: PlaneName): Promise<{ distinct: number; std: number }> {
  return page.getByTestId(`view-${plane}`).locator('canvas').evaluate((c: HTMLCanvasElement) => {
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    const seen = new Set<number>();
    let sum = 0;
    let sq = 0;
    const n = data.length / 4;
    for (let i = 0; i < data.length; i += 4) {
      seen.add(data[i]);
      sum += data[i];
      sq += data[i] * data[i];
    }
    const mean = sum / n;
    return { distinct: seen.size, std: Math.sqrt(Math.max(0, sq / n - mean * mean)) };
  });
}

/** The voxel (z, y, x) of a single-channel ImageJ stack as stored in the file (one plane per page). */
export async function tiffVoxel(file: string, z: number, y: number, x: number): Promise<number> {
  const bytes = readFileSync(file);
  const tiff = await fromArrayBuffer(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const image = await tiff.getImage(z);
  const [plane] = (await image.readRasters()) as unknown as ArrayLike<number>[];
  return plane[y * image.getWidth() + x];
}

/** Client coordinates of a voxel's centre in a view. */
export async function voxelPoint(page: Page, plane: PlaneName, z: number, y: number, x: number): Promise<{ x: number; y: number }> {
  const p = await page.evaluate(([plane, z, y, x]) => window.__lucid!.clientPoint(plane as PlaneName, z as number, y as number, x as number), [plane, z, y, x] as const);
  if (!p) throw new Error(`The ${plane} view is not shown`);
  return p;
}

export async function attachScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await testInfo.attach(name, { body: await page.screenshot(), contentType: 'image/png' });
}
