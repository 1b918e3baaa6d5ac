/**
 * The peri-walkthrough preset on PERI's real image (../shared/data/peri/real, read in place, never
 * copied): PERI's walkthrough state with the exact line-scan PSF and linked zscale on the 96×112×112
 * padded grid; a particle update there is local (Chebyshev PSF on the tile) and equals a full redraw.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTiff } from '../../io/tiff-read';
import { PERI_DATA_DIR, SKIP_NO_PERI_DATA, hasPeriData, maxAbsDiff } from '../testing/shared-data';
import { createState } from './create';
import { rawImage } from './raw-image';

const available = hasPeriData('real/small_confocal_image.tif', 'real/particle_positions.json');
const PRESET = path.resolve(process.cwd(), 'public/demo-data/presets/peri-walkthrough.json');

describe.skipIf(!available)('walkthrough preset on PERI’s real image', () => {
  it('builds PERI’s walkthrough state; a particle update equals a full redraw (exact PSF)', async () => {
    const bytes = readFileSync(path.join(PERI_DATA_DIR, 'real/small_confocal_image.tif'));
    const vol = await readTiff(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const guess = JSON.parse(readFileSync(path.join(PERI_DATA_DIR, 'real/particle_positions.json'), 'utf8')) as { positions: number[][]; radius_guess_px: number };
    const preset = JSON.parse(readFileSync(PRESET, 'utf8')) as { image: { exposure: [number, number] } };
    const st = createState(preset, rawImage(vol, { exposure: preset.image.exposure }), { particles: { pos: guess.positions, rad: guess.radius_guess_px } });
    expect(st.oshape.shape).toEqual([96, 112, 112]);
    expect(st.spheres!.N).toBe(37);
    expect(st.params.filter((p) => p === 'zscale')).toHaveLength(1);
    expect(st.component('psf')!.params).toContain('zscale');
    expect(st.data.every((v) => v >= 77 / 255 - 1e-6 && v <= 217 / 255 + 1e-6)).toBe(true);
    expect(st.update(st.paramParticle(4), [13.3, 9.4, 16.2, 4.8]).kind).toBe('local');
    const local = st.model;
    const error = st.error;
    st.reset();
    expect(maxAbsDiff(local, st.model)).toBeLessThan(1e-6);
    expect(Math.abs(error - st.error) / st.error).toBeLessThan(1e-6);
  });
});

if (!available) {
  describe('walkthrough preset', () => {
    it.skip(`skipped: ${SKIP_NO_PERI_DATA}`, () => {});
  });
}
