// The committed demo files must be exactly what the generator makes today (regenerate with `npm run demo-data`).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fromArrayBuffer } from 'geotiff';
import { describe, expect, it } from 'vitest';
import { readTiff } from '../io/tiff-read';
import { DEMO_FILE_STEM } from './demo-files';
import { makeSyntheticConfocal } from './synthetic-confocal';

const dir = path.resolve(process.cwd(), 'public/demo-data');
const tifPath = path.join(dir, `${DEMO_FILE_STEM}.tif`);
const truthPath = path.join(dir, `${DEMO_FILE_STEM}.truth.json`);
const present = existsSync(tifPath) && existsSync(truthPath);
if (!present) console.warn(`skipping demo-data file checks: ${tifPath} or its truth JSON is missing (run npm run demo-data)`);

describe.skipIf(!present)('public/demo-data matches a fresh regeneration', () => {
  const demo = makeSyntheticConfocal();
  const [nz, ny, nx] = demo.volume.shape;

  it('decodes to the generator\'s uint8 data, slice by slice, with ImageJ spacing and unit', async () => {
    const bytes = readFileSync(tifPath);
    const tiff = await fromArrayBuffer(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    expect(await tiff.getImageCount()).toBe(nz);
    let mismatches = 0;
    for (let z = 0; z < nz; z++) {
      const image = await tiff.getImage(z);
      expect([image.getWidth(), image.getHeight(), image.getBitsPerSample()]).toEqual([nx, ny, 8]);
      const [plane] = (await image.readRasters({ samples: [0] })) as unknown as Uint8Array[];
      const want = demo.uint8.subarray(z * ny * nx, (z + 1) * ny * nx);
      for (let i = 0; i < want.length; i++) if (plane[i] !== want[i]) mismatches++;
    }
    expect(mismatches).toBe(0);
    const description = String(await (await tiff.getImage(0)).fileDirectory.loadValue('ImageDescription'));
    expect(description).toMatch(/ImageJ=/);
    expect(description).toMatch(/slices=48/);
    expect(description).toMatch(/spacing=0\.1125/);
    expect(description).toMatch(/unit=(micron|um|\\u00B5m|µm)/);
  });

  it('opens through Lucid\'s reader as the generator\'s uint8 volume with its voxel size', async () => {
    const bytes = readFileSync(tifPath);
    const vol = await readTiff(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    expect(vol.shape).toEqual(demo.volume.shape);
    expect(vol.axis).toBe('z');
    expect(vol.dtype).toBe('uint8');
    expect(vol.voxelSize.unit).toBe('µm');
    expect(vol.voxelSize.z).toBeCloseTo(0.1125, 9);
    expect(vol.voxelSize.y).toBeCloseTo(0.125, 9);
    expect(vol.voxelSize.x).toBeCloseTo(0.125, 9);
    // Count mismatches rather than diffing 196k values (a failing toEqual diff takes minutes).
    let mismatches = 0;
    for (let i = 0; i < demo.uint8.length; i++) if (vol.data[i] !== demo.uint8[i]) mismatches++;
    expect(vol.data.length).toBe(demo.uint8.length);
    expect(mismatches).toBe(0);
  });

  it('carries the generator\'s truth and a hash of the data', () => {
    const saved = JSON.parse(readFileSync(truthPath, 'utf8'));
    const { files, ...truth } = saved;
    expect(truth).toEqual(JSON.parse(JSON.stringify(demo.truth)));
    expect(files.uint8Sha256).toBe(createHash('sha256').update(demo.uint8).digest('hex'));
  });
});
