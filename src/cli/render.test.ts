import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTiff } from '../compute/io/tiff-read';
import { smallConfig } from '../compute/peri/state/testing';
import { runCli } from './cli';
import type { CliIo } from './command';
import { makeRenderCommand } from './render';
import { COMMANDS } from './cli';

const PRESET = path.resolve(process.cwd(), 'public/demo-data/presets/peri-synthetic.json');

function harness(files: Record<string, string | Uint8Array>) {
  const written = new Map<string, Uint8Array | string>();
  const out = { stdout: '', stderr: '' };
  const io: CliIo = {
    stdout: (t) => void (out.stdout += t),
    stderr: (t) => void (out.stderr += t),
    readFile: (p) => {
      const f = files[p];
      if (f === undefined) throw Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' });
      return typeof f === 'string' ? new TextEncoder().encode(f) : f;
    },
  };
  const command = makeRenderCommand((f, b) => void written.set(f, b));
  const run = async (...argv: string[]) => {
    out.stdout = '';
    out.stderr = '';
    try {
      await command.run(argv, io);
      return { code: 0, error: null as Error | null, ...out };
    } catch (e) {
      return { code: 1, error: e as Error | null, ...out };
    }
  };
  return { run, written, io };
}

async function tiffOf(bytes: Uint8Array | string | undefined) {
  const b = bytes as Uint8Array;
  return readTiff(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer);
}

describe('cli render', () => {
  it('is registered in the command table', () => {
    expect(COMMANDS.map((c) => c.name)).toContain('render');
  });

  it('renders a configuration with positions, saves the state, and renders that state again', async () => {
    const h = harness({
      'cfg.json': JSON.stringify(smallConfig()),
      'pos.json': JSON.stringify({ positions: [[7, 10, 11], [3, 5, 18]], radius_guess_px: 3 }),
    });
    const r = await h.run('--config', 'cfg.json', '--positions', 'pos.json', '--shape', '14x22x24', '--out', 'm.tif', '--save-state', 's.json');
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.stdout);
    expect(summary).toMatchObject({ model: 'ConfocalImageModel', shape: [14, 22, 24], padded_shape: [26, 34, 36], particles: 2, has_data: false, error: 0 });
    const model = await tiffOf(h.written.get('m.tif'));
    expect(model.shape).toEqual([14, 22, 24]);
    const state = h.written.get('s.json') as string;
    expect(JSON.parse(state).values['sph-1-a']).toBe(3);
    const h2 = harness({ 's.json': state });
    expect((await h2.run('--state', 's.json', '--out', 'm2.tif', '--padded')).code).toBe(0);
    const padded = await tiffOf(h2.written.get('m2.tif'));
    expect(padded.shape).toEqual([26, 34, 36]);
    // the image region of the padded render is the first render
    const inner = padded.data[((6 + 3) * 34 + 6 + 4) * 36 + 6 + 5];
    expect(inner).toBeCloseTo(model.data[(3 * 22 + 4) * 24 + 5], 6);
  });

  it('renders the synthetic preset over its image and writes residuals', async () => {
    const data = new Float32Array(8 * 10 * 12).fill(0.7);
    const { writeTiff } = await import('../compute/io/tiff-writer');
    const tif = writeTiff({ data, shape: [8, 10, 12], axis: 'z', voxelSize: { z: null, y: null, x: null, unit: null } });
    const h = harness({ 'p.json': readFileSync(PRESET, 'utf8'), 'img.tif': tif, 'pos.json': '[[4, 5, 6]]' });
    const r = await h.run('--config', 'p.json', '--image', 'img.tif', '--positions', 'pos.json', '--out', 'm.tif', '--residuals', 'r.tif');
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.has_data).toBe(true);
    const res = await tiffOf(h.written.get('r.tif'));
    const model = await tiffOf(h.written.get('m.tif'));
    let e = 0;
    res.data.forEach((v, i) => {
      expect(v).toBeCloseTo(0.7 - model.data[i], 5);
      e += v * v;
    });
    expect(s.error).toBeCloseTo(e, 3);
  });

  it('reports bad input with clear one-line errors', async () => {
    const bad = JSON.stringify({ ...smallConfig(), sigma: -1 });
    const io = { stdout: () => {}, stderr: (t: string) => void (err += t), readFile: (p: string) => new TextEncoder().encode(p === 'bad.json' ? bad : '{}') };
    let err = '';
    expect(await runCli(['render', '--config', 'bad.json', '--shape', '4x4x4', '--out', 'x.tif'], io)).toBe(1);
    expect(err).toMatch(/^lucid render: sigma: expected a number > 0, got -1/);
    err = '';
    expect(await runCli(['render', '--config', 'bad.json'], io)).toBe(2);
    expect(err).toMatch(/render needs --out/);
    err = '';
    expect(await runCli(['render', '--out', 'x.tif'], io)).toBe(2);
    expect(err).toMatch(/needs --state <state.json> or --config/);
    const h = harness({ 'cfg.json': JSON.stringify(smallConfig()), 'pos.json': '{"positions": [[1, 2]]}' });
    const r = await h.run('--config', 'cfg.json', '--positions', 'pos.json', '--shape', '4x4x4', '--out', 'm.tif');
    expect(r.error?.message).toMatch(/pos.json: positions\[0\] must be \[z, y, x\]/);
    expect((await h.run('--state', 'missing.json', '--out', 'm.tif')).error?.message).toMatch(/Cannot read missing.json: no such file/);
  });
});
