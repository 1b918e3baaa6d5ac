/**
 * Interoperability with tifffile (Python), an independent TIFF implementation: tifffile must see our files
 * as ImageJ hyperstacks, and we must read what tifffile writes. Skipped when python3 + tifffile are absent.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeTiff } from './tiff-writer';
import { readTiff } from './tiff-read';
import { toArrayBuffer } from './testing/tiff-builder';

const probe = spawnSync('python3', ['-c', 'import tifffile, numpy'], { encoding: 'utf8' });
const HAVE_TIFFFILE = probe.status === 0;
const title = HAVE_TIFFFILE ? 'tifffile interoperability' : 'tifffile interoperability (skipped: python3 with tifffile and numpy is not installed)';

function python(script: string, ...args: string[]): unknown {
  const res = spawnSync('python3', ['-c', script, ...args], { encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`python failed: ${res.stderr}`);
  return JSON.parse(res.stdout);
}

const READ_OURS = `
import json, sys, tifffile
with tifffile.TiffFile(sys.argv[1]) as t:
    s = t.series[0]
    p = t.pages[0]
    xr = p.tags['XResolution'].value
    print(json.dumps({'imagej': t.is_imagej, 'shape': list(s.shape), 'axes': s.axes, 'dtype': str(s.dtype),
        'meta': {k: v for k, v in t.imagej_metadata.items() if isinstance(v, (int, float, str, bool))},
        'xres': xr[0] / xr[1], 'data': s.asarray().ravel().tolist()}))
`;

const WRITE_THEIRS = `
import sys, numpy as np, tifffile
a = (np.arange(2 * 3 * 2 * 6 * 5) * 7 % 1000).astype(np.uint16).reshape(2, 3, 2, 6, 5)
tifffile.imwrite(sys.argv[1], a, imagej=True, byteorder='>', resolution=(20, 20),
                 metadata={'axes': 'TZCYX', 'spacing': 0.3, 'unit': 'um', 'finterval': 2})
tifffile.imwrite(sys.argv[2], a[0].astype(np.float32) / 4, ome=True, bigtiff=True, compression='zlib',
                 metadata={'axes': 'ZCYX', 'PhysicalSizeX': 0.1, 'PhysicalSizeY': 0.1, 'PhysicalSizeZ': 0.5})
print('[]')
`;

describe.skipIf(!HAVE_TIFFFILE)(title, () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lucid-tifffile-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('tifffile opens our z stack as an ImageJ hyperstack with spacing and unit', () => {
    const data = Float32Array.from({ length: 4 * 6 * 5 }, (_, i) => i * 0.5 - 3);
    const file = path.join(dir, 'ours-z.tif');
    writeFileSync(file, writeTiff({ data, shape: [4, 6, 5], axis: 'z', voxelSize: { x: 0.065, y: 0.065, z: 0.2, unit: 'µm' } }));
    const r = python(READ_OURS, file) as { imagej: boolean; shape: number[]; axes: string; dtype: string; meta: Record<string, unknown>; xres: number; data: number[] };
    expect(r.imagej).toBe(true);
    expect(r.shape).toEqual([4, 6, 5]);
    expect(r.axes).toBe('ZYX');
    expect(r.dtype).toBe('float32');
    expect(r.meta).toMatchObject({ spacing: 0.2, unit: 'um', slices: 4, hyperstack: true });
    expect(1 / r.xres).toBeCloseTo(0.065, 12);
    expect(r.data).toEqual(Array.from(data));
  });

  it('tifffile opens our time series with frames and finterval', () => {
    const file = path.join(dir, 'ours-t.tif');
    const data = Float32Array.from({ length: 3 * 6 * 5 }, (_, i) => i);
    writeFileSync(file, writeTiff({ data, shape: [3, 6, 5], axis: 't', voxelSize: { x: 0.1, y: 0.1, z: null, unit: 'µm' }, metadata: { frameInterval: 0.25 } }, { dtype: 'uint16' }));
    const r = python(READ_OURS, file) as { axes: string; dtype: string; meta: Record<string, unknown> };
    expect(r.axes).toBe('TYX');
    expect(r.dtype).toBe('uint16');
    expect(r.meta).toMatchObject({ frames: 3, finterval: 0.25 });
  });

  it('we read tifffile files: a big-endian ImageJ 5-D hyperstack and a deflate BigTIFF OME-TIFF', async () => {
    const ij = path.join(dir, 'theirs-ij.tif');
    const ome = path.join(dir, 'theirs.ome.tif');
    python(WRITE_THEIRS, ij, ome);
    const value = (t: number, z: number, c: number, y: number, x: number): number => (((((t * 3 + z) * 2 + c) * 6 + y) * 5 + x) * 7) % 1000;

    const vol = await readTiff(toArrayBuffer(readFileSync(ij)), { channel: 1, frame: 1 });
    expect(vol.voxelSize).toEqual({ x: 0.05, y: 0.05, z: 0.3, unit: 'µm' });
    expect(vol.metadata.frameInterval).toBe(2);
    expect(vol.data[2 * 30 + 4 * 5 + 3]).toBe(value(1, 2, 1, 4, 3));

    const o = await readTiff(toArrayBuffer(readFileSync(ome)), { channel: 0 });
    expect(o.metadata.source).toBe('ome');
    expect(o.shape).toEqual([3, 6, 5]);
    expect(o.voxelSize).toEqual({ x: 0.1, y: 0.1, z: 0.5, unit: 'µm' });
    expect(o.data[1 * 30 + 2 * 5 + 4]).toBe(value(0, 1, 0, 2, 4) / 4);
  });
});
