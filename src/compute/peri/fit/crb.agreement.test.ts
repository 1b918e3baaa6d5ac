/**
 * The CRB at PERI's own final fit of its synthetic state (../shared/data/peri/synthetic/
 * peri_fit.json): all 96 particle parameters jointly, σ = 0.05, against PERI's `state.crb`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createState } from '../state/create';
import { rawImage } from '../state/raw-image';
import { SKIP_NO_PERI_DATA, hasPeriData, readPeriJson, readPeriTiff } from '../testing/shared-data';
import { stateCrb } from './crb';

const FILES = ['synthetic/peri_fit.json', 'synthetic/synthetic_f64.tif'];
const available = hasPeriData(...FILES);
const PRESET = path.resolve(process.cwd(), 'public/demo-data/presets/peri-synthetic.json');

interface PeriFit {
  fit_positions_zyx: number[][];
  fit_radii: number[];
  globals_fit: Record<string, number>;
  crb: { crb_particles_only: { per_particle_zyxa: number[][]; rms_crb_z: number; rms_crb_y: number; rms_crb_x: number; rms_crb_a: number } };
}

describe.skipIf(!available)('CRB at PERI’s synthetic fit', () => {
  it('particle CRBs (joint, σ = 0.05) match PERI’s state.crb within 0.5 %', async () => {
    const fit = readPeriJson<PeriFit>('synthetic/peri_fit.json');
    const preset = JSON.parse(readFileSync(PRESET, 'utf8')) as Record<string, unknown>;
    const data = await readPeriTiff('synthetic/synthetic_f64.tif');
    const image = rawImage({ data: data.data, shape: data.shape }, { exposure: [0, 1] });
    const st = createState({ ...preset, values: fit.globals_fit }, image, { particles: { pos: fit.fit_positions_zyx, rad: fit.fit_radii } });
    const n = fit.fit_radii.length;
    const res = stateCrb(st, st.paramParticle(Array.from({ length: n }, (_, i) => i)), { sigma: 0.05 });
    const ref = fit.crb.crb_particles_only;
    let worst = 0;
    const sq = [0, 0, 0, 0];
    for (let i = 0; i < n; i++) {
      for (let c = 0; c < 4; c++) {
        const ours = res.crb[4 * i + c];
        worst = Math.max(worst, Math.abs(ours / ref.per_particle_zyxa[i][c] - 1));
        sq[c] += ours * ours;
      }
    }
    const rms = sq.map((s) => Math.sqrt(s / n));
    console.info(`CRB rms (z, y, x, a): ours ${rms.map((v) => v.toFixed(5)).join(', ')}; PERI ${[ref.rms_crb_z, ref.rms_crb_y, ref.rms_crb_x, ref.rms_crb_a].map((v) => v.toFixed(5)).join(', ')}; worst relative difference ${worst.toExponential(2)}`);
    expect(worst).toBeLessThan(5e-3);
  });
});

if (!available) {
  describe('CRB agreement with PERI', () => {
    it.skip(`skipped: ${SKIP_NO_PERI_DATA}`, () => {});
  });
}
