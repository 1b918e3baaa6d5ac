import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FixedSSChebLinePSF } from '../psfs/exact-cheb';
import { createState, fromStateFile } from '../state/create';
import { maxAbs, smallConfig, smallState, SMALL_SHAPE } from '../state/testing';
import { buildComponents } from './build';
import { PeriConfigError } from './errors';
import { parseConfig, parseConfigText } from './parse-config';
import { parseStateFile } from './state-file';

const PRESETS = path.resolve(process.cwd(), 'public/demo-data/presets');
const readPreset = (name: string) => JSON.parse(readFileSync(path.join(PRESETS, name), 'utf8')) as unknown;

function configError(f: () => unknown): PeriConfigError {
  try {
    f();
  } catch (e) {
    if (e instanceof PeriConfigError) return e;
    throw e;
  }
  throw new Error('expected a PeriConfigError');
}

describe('model configuration', () => {
  it('every preset in the index parses, and the index names them all', () => {
    const index = readPreset('index.json') as { presets: { file: string; name: string; model: string; psf: string }[] };
    const files = readdirSync(PRESETS).filter((f) => f.endsWith('.json') && f !== 'index.json').sort();
    expect(index.presets.map((p) => p.file).sort()).toEqual(files);
    for (const p of index.presets) {
      const cfg = parseConfig(readPreset(p.file));
      expect(cfg.name).toBe(p.name);
      expect(cfg.model).toBe(p.model);
      expect(cfg.components.map((c) => c.class)).toContain(p.psf);
    }
  });

  it('the walkthrough preset builds PERI’s walkthrough state, zscale linked', () => {
    const cfg = parseConfig(readPreset('peri-walkthrough.json'));
    const { model, comps } = buildComponents(cfg, { particles: { pos: [[10, 20, 30], [20, 30, 40]], rad: 5 } });
    expect(model.name).toBe('ConfocalImageModel');
    expect(comps.map((c) => c.category)).toEqual(['obj', 'ilm', 'bkg', 'offset', 'psf']);
    const psf = comps[4] as FixedSSChebLinePSF;
    expect(psf).toBeInstanceOf(FixedSSChebLinePSF);
    expect(psf.params).toContain('zscale');
    expect(psf.params).not.toContain('psf-zscale');
    expect(comps[0].params).toEqual(expect.arrayContaining(['sph-0-a', 'sph-1-x', 'zscale', 'slab-zpos']));
    expect(comps[0].getValues(['slab-zpos', 'sph-1-a'])).toEqual([6, 5]);
    expect(comps[1].params.filter((p) => p.startsWith('ilm-b'))).toHaveLength(16 + 10 + 8 + 4);
    expect(comps[1].params.filter((p) => p.startsWith('ilm-z-'))).toHaveLength(8);
    expect(comps[2].params).toHaveLength(2 * 2 + 7);
  });

  it('the synthetic preset names the synthetic component set', () => {
    const cfg = parseConfig(readPreset('peri-synthetic.json'));
    const st = createState(cfg, null, { shape: [8, 10, 12], particles: { pos: [[4, 5, 6]], rad: 3 } });
    expect(st.get(['zscale', 'slab-zpos', 'slab-theta', 'offset', 'psf-sigz', 'ilm-xy-0-0', 'bkg-xy-0-0'])).toEqual([0.9, 4, 0.02, 0.08, 4, 1, 0.05]);
    expect(st.pad).toBe(24);
    expect(st.sigma).toBe(0.05);
  });

  it('accepts PERI registry short names and applies values by PERI name', () => {
    const cfg = smallConfig();
    cfg.components[4] = { class: 'gauss3d', args: { sigmas: [2, 1, 1] } };
    const st = createState({ ...cfg, values: { 'psf-sigx': 1.3, 'sph-2-a': 2.2 } }, null, { shape: SMALL_SHAPE });
    expect(st.get(['psf-sigx', 'psf-sigy', 'sph-2-a'])).toEqual([1.3, 1, 2.2]);
  });

  it('rejects malformed configurations with the bad field named', () => {
    const base = smallConfig() as unknown as Record<string, unknown>;
    const cases: [unknown, string, RegExp][] = [
      [{ ...base, format: 'peri' }, 'format', /expected "lucid.peri.config"/],
      [{ ...base, version: 3 }, 'version', /version 3/],
      [{ ...base, model: 'Widefield' }, 'model', /unknown image model/],
      [{ ...base, pad: -1 }, 'pad', /≥ 0/],
      [{ ...base, sigma: 0 }, 'sigma', /> 0/],
      [{ ...base, sigmaa: 1 }, 'sigmaa', /unknown field/],
      [{ ...base, components: [] }, 'components', /non-empty list/],
      [{ ...base, values: { 'ilm-xy-9-9': 1 } }, 'values.ilm-xy-9-9', /not a parameter/],
      [{ ...base, values: { offset: 'high' } }, 'values.offset', /finite number/],
      [{ ...base, link_zscale: true }, 'link_zscale', /exact PSF/],
    ];
    const comp = (i: number, spec: unknown) => ({ ...base, components: (base.components as unknown[]).map((c, k) => (k === i ? spec : c)) });
    cases.push(
      [comp(1, { class: 'LegendrePoly2P1D', args: { ordr: [1, 1, 1] } }), 'components[1].args.ordr', /unknown field of LegendrePoly2P1D; expected one of order/],
      [comp(1, { class: 'BarnesStreakLegPoly2P1D', args: { npts: [16, 'x'] } }), 'components[1].args.npts[1]', /integer ≥ 2/],
      [comp(4, { class: 'AnisotropicGaussianXYZ', args: { sigmas: [1, 2] } }), 'components[4].args.sigmas', /3 numbers/],
      [comp(4, { class: 'Airy' }), 'components[4].class', /unknown component class 'Airy'/],
      [comp(2, { class: 'LegendrePoly2P1D', args: { order: [1, 1, 1] } }), 'components[2]', /category 'ilm' is already used by components\[1\]/],
      [comp(4, { class: 'GlobalScalar', args: { name: 'gain' } }), 'components', /needs a 'psf' component \(H\)/],
    );
    for (const [json, field, message] of cases) {
      const e = configError(() => createState(json, null, { shape: SMALL_SHAPE }));
      expect(e.field, String(message)).toBe(field);
      expect(e.message).toMatch(message);
      expect(e.message.startsWith(`${field}: `)).toBe(true);
    }
    expect(configError(() => parseConfigText('{ "format": ')).message).toMatch(/not valid JSON/);
  });
});

describe('state file', () => {
  it('round-trips every value, the image reference, σ, error and pixel count', () => {
    const st = smallState();
    st.update(['sph-1-x', 'offset'], [18.5, 0.12]);
    st.addParticles([9, 9, 9], 2.4);
    st.setSigma(0.06);
    st.setErrorBars({ 'sph-0-x': 0.01 });
    const file = JSON.parse(JSON.stringify(st.toStateFile())) as Record<string, unknown>;
    expect(file.format).toBe('lucid.peri.state');
    expect(file.fit).toEqual({ error: st.error, sigma: 0.06, npix: SMALL_SHAPE[0] * SMALL_SHAPE[1] * SMALL_SHAPE[2], loglikelihood: st.loglikelihood });
    const back = fromStateFile(file, { data: rawOf(st), shape: SMALL_SHAPE });
    expect(back.params).toEqual(st.params);
    expect(back.values).toEqual(st.values);
    expect(back.sigma).toBe(0.06);
    expect(maxAbs(back.model, st.model)).toBeLessThan(1e-6);
    expect(back.error).toBeCloseTo(st.error, 6);
    expect(back.image!.path).toBe('small.tif');
    expect(Object.fromEntries(back.errorBars)).toEqual({ 'sph-0-x': 0.01 });
    const noImage = fromStateFile(file, null);
    expect(maxAbs(noImage.model, st.model)).toBeLessThan(1e-6);
  });

  it('rejects malformed state files with the bad field named', () => {
    const file = JSON.parse(JSON.stringify(smallState().toStateFile())) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    const bad = (patch: (f: Record<string, any>) => void) => { // eslint-disable-line @typescript-eslint/no-explicit-any
      const f = structuredClone(file);
      patch(f);
      return configError(() => fromStateFile(f, null));
    };
    expect(bad((f) => (f.format = 'lucid.peri.config')).field).toBe('format');
    expect(bad((f) => delete f.values['sph-0-a']).field).toBe('values.sph-0-a');
    expect(bad((f) => (f.values['sph-9-q'] = 1)).field).toBe('values.sph-9-q');
    expect(bad((f) => (f.fit.sigma = -1)).field).toBe('fit.sigma');
    expect(bad((f) => (f.image.tile.r = [99, 1, 1])).field).toBe('image.tile');
    expect(bad((f) => (f.config.components[1].args.order = [1])).field).toBe('config.components[1].args.order');
    expect(bad((f) => (f.shape = [1, 2, 3])).field).toBe('shape');
    expect(configError(() => fromStateFile(file, { data: new Float32Array(8), shape: [2, 2, 2] })).field).toBe('image.full_shape');
    expect(() => parseStateFile(file)).not.toThrow();
  });
});

/** The raw stack the small state was made from (exposure [0, 1]: data as stored). */
function rawOf(st: ReturnType<typeof smallState>): Float32Array {
  return st.data.slice();
}
