/** The reader on real microscopy files from ../shared (never copied into the project); skipped when absent. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTiff } from './tiff-read';
import { inspectTiff } from './tiff-inspect';

const SHARED = path.resolve(process.cwd(), '../shared/data');
const HAVE_SHARED = existsSync(path.join(SHARED, 'peri/real/small_confocal_image.tif'));
const title = HAVE_SHARED ? 'real TIFF files from ../shared' : `real TIFF files (skipped: ${SHARED} is not there)`;

function load(rel: string): ArrayBuffer {
  const b = readFileSync(path.join(SHARED, rel));
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
}

describe.skipIf(!HAVE_SHARED)(title, () => {
  it("PERI's confocal image (ImageJ, big-endian uint8): every voxel equals the file's contiguous pixel bytes", async () => {
    const buffer = load('peri/real/small_confocal_image.tif');
    const vol = await readTiff(buffer);
    expect(vol.shape).toEqual([48, 64, 64]);
    expect(vol.dtype).toBe('uint8');
    expect(vol.metadata.source).toBe('imagej');
    // ImageJ stores the planes back to back from the first strip offset (969 in this file).
    const raw = new Uint8Array(buffer, 969, 48 * 64 * 64);
    let mismatches = 0;
    let [lo, hi] = [255, 0];
    raw.forEach((v, i) => {
      if (vol.data[i] !== v) mismatches++;
      [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
    });
    expect(mismatches).toBe(0);
    expect(vol.rawRange).toEqual([lo, hi]);
  });

  it('an ImageJ stack with a LUT (palette) and calibration in µm', async () => {
    const vol = await readTiff(load('real/beads_psf/bian_Bead_Image1_crop.tif'));
    expect(vol.shape).toEqual([41, 150, 150]);
    expect(vol.voxelSize.unit).toBe('µm');
    expect(vol.voxelSize.x).toBeCloseTo(1e6 / 44460534, 12);
    expect(vol.voxelSize.z).toBe(0.125);
  });

  it('a tifffile movie described as TYX opens along t', async () => {
    const summary = await inspectTiff(load('sofi/blink_small.tif'));
    expect(summary.axis).toBe('t');
    expect(summary.shape).toEqual([200, 32, 32]);
    expect(summary.dtype).toBe('uint16');
  });
});
