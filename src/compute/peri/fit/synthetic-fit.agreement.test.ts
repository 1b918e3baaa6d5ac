/**
 * End to end against PERI (opt-in, about a minute: LUCID_LONG_TESTS=1): PERI's synthetic state
 * from PERI's own perturbed start (peri_fit.json `init`: jittered positions, 2 particles dropped,
 * 1 spurious, flat fields, PSF +15 %), optimizeFromInitial then finishState, against PERI's
 * final error, particle count and accuracy.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createState } from '../state/create';
import { rawImage } from '../state/raw-image';
import { SKIP_NO_PERI_DATA, hasPeriData, readPeriJson, readPeriTiff } from '../testing/shared-data';
import { finishState, optimizeFromInitial } from './runner';

const FILES = ['synthetic/peri_fit.json', 'synthetic/synthetic_truth.json', 'synthetic/synthetic_f64.tif'];
const available = hasPeriData(...FILES);
const long = process.env.LUCID_LONG_TESTS === '1';
const PRESET = path.resolve(process.cwd(), 'public/demo-data/presets/peri-synthetic.json');

interface PeriFit {
  init: { init_positions_zyx: number[][]; init_radii: number[]; init_globals: Record<string, number>; init_error: number };
  final_error: number;
  expected_error_at_truth_noise_only: number;
  rms_pos_err_px_per_axis_zyx: number[];
}

describe.skipIf(!available || !long)('fitting PERI’s synthetic state from PERI’s start', () => {
  it('reaches PERI’s final error with all 24 particles at PERI’s accuracy', async () => {
    const fit = readPeriJson<PeriFit>('synthetic/peri_fit.json');
    const truth = readPeriJson<{ positions_zyx: number[][]; radii: number[] }>('synthetic/synthetic_truth.json');
    const preset = JSON.parse(readFileSync(PRESET, 'utf8')) as Record<string, unknown>;
    const data = await readPeriTiff('synthetic/synthetic_f64.tif');
    const image = rawImage({ data: data.data, shape: data.shape }, { exposure: [0, 1] });
    const st = createState({ ...preset, values: fit.init.init_globals }, image, { particles: { pos: fit.init.init_positions_zyx, rad: fit.init.init_radii } });
    expect(Math.abs(st.error - fit.init.init_error) / fit.init.init_error).toBeLessThan(1e-5);
    const a = optimizeFromInitial(st, {}, { seed: 1 });
    const b = finishState(st, {}, { seed: 2 });
    console.info([...a.stages, ...b.stages.slice(1)].map((s) => `${s.stage}: ${s.error.toFixed(3)} (${(s.ms / 1000).toFixed(1)} s)`).join('; '));
    expect(st.error).toBeLessThan(fit.expected_error_at_truth_noise_only);
    expect(Math.abs(st.error - fit.final_error)).toBeLessThan(0.05);
    const pos = st.spheres!.positions();
    expect(pos).toHaveLength(24);
    const sq = [0, 0, 0];
    truth.positions_zyx.forEach((p) => {
      const q = pos.reduce((b2, c) => (Math.hypot(c[0] - p[0], c[1] - p[1], c[2] - p[2]) < Math.hypot(b2[0] - p[0], b2[1] - p[1], b2[2] - p[2]) ? c : b2));
      for (let k = 0; k < 3; k++) sq[k] += (q[k] - p[k]) ** 2;
    });
    sq.forEach((s, k) => expect(Math.sqrt(s / 24)).toBeLessThan(1.2 * fit.rms_pos_err_px_per_axis_zyx[k]));
  }, 600_000);
});

if (!available || !long) {
  describe('end-to-end fit of PERI’s synthetic state', () => {
    it.skip(`skipped: ${!available ? SKIP_NO_PERI_DATA : 'a one-minute run; set LUCID_LONG_TESTS=1 to include it'}`, () => {});
  });
}
