/**
 * Featuring on PERI's real walkthrough image (../shared/data/peri/real/small_confocal_image.tif,
 * never copied into the project) against its 37 initial positions (particle_positions.json).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTiff } from '../../io';
import { locateSpheres } from './locate';

const DIR = path.resolve(process.cwd(), '../shared/data/peri/real');
const FILES = ['small_confocal_image.tif', 'particle_positions.json'];
const available = FILES.every((f) => existsSync(path.join(DIR, f)));

async function load() {
  const bytes = readFileSync(path.join(DIR, FILES[0]));
  const vol = await readTiff(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer, { name: FILES[0] });
  const ref = (JSON.parse(readFileSync(path.join(DIR, FILES[1]), 'utf8')) as { positions: number[][] }).positions;
  // PERI's RawImage: exposure (0, 255).
  return { data: Float64Array.from(vol.data, (v) => v / 255), shape: vol.shape as number[], ref };
}

function matches(found: number[][], ref: number[][], tol: number): number {
  return ref.filter((p) => found.some((q) => Math.hypot(q[0] - p[0], q[1] - p[1], q[2] - p[2]) <= tol)).length;
}

describe.skipIf(!available)('featuring PERI’s real confocal image', () => {
  it('finds most of PERI’s 37 initial positions within 2 px', async () => {
    const { data, shape, ref } = await load();
    expect(ref).toHaveLength(37);
    const plain = locateSpheres(data, shape, 5, { invert: true });
    const filtered = locateSpheres(data, shape, 5, { invert: true, dofilter: true });
    const a = matches(plain, ref, 2);
    const b = matches(filtered, ref, 2);
    console.info(`real image: ${plain.length} features, ${a}/37 within 2 px (mean-subtracted); ${filtered.length} features, ${b}/37 within 2 px (fitted Legendre field, dofilter)`);
    expect(a).toBeGreaterThanOrEqual(28);
    expect(b).toBeGreaterThanOrEqual(30);
  });
});

if (!available) {
  describe('featuring PERI’s real confocal image', () => {
    it.skip(`skipped: PERI's real data not found in ${DIR} (the shared folder ../shared next to the repository root is absent)`, () => {});
  });
}
