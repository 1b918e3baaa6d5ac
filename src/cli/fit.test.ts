/**
 * `npm run cli -- fit` on a small confocal image (3 spheres, 16×28×28, Gaussian PSF): from
 * positions, the next frame from the written state, argument errors; and Ctrl-C on the bundled CLI
 * (the fit runs in a worker thread; SIGINT still writes the best state so far).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { writeTiff } from '../compute/io/tiff-writer';
import { FIT_NOISE, FIT_SHAPE, fitConfig, fitState, TRUE_POS, TRUE_RAD, truthData } from '../compute/peri/fit/testing';
import type { Vec3 } from '../compute/peri/tile';
import { COMMANDS } from './cli';
import type { CliIo } from './command';
import { configPath, makeFitCommand } from './fit';

const NO_VOXEL = { z: null, y: null, x: null, unit: null };

function tiff(data: Float32Array): Uint8Array {
  return writeTiff({ data, shape: FIT_SHAPE, axis: 'z', voxelSize: NO_VOXEL });
}

function config(pos: readonly Vec3[] = TRUE_POS): string {
  return JSON.stringify({ ...fitConfig(pos, TRUE_RAD), image: { exposure: [0, 1] } });
}

const START = TRUE_POS.map((p, i) => p.map((v, k) => v + 0.4 * Math.sin(2 * i + 3 * k + 1)) as Vec3);

function harness(files: Record<string, string | Uint8Array>) {
  const written = new Map<string, string | Uint8Array>();
  let stdout = '';
  const io: CliIo = {
    stdout: (t) => void (stdout += t),
    stderr: () => {},
    readFile: (p) => {
      const f = written.get(p) ?? files[p];
      if (f === undefined) throw Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' });
      return typeof f === 'string' ? new TextEncoder().encode(f) : f;
    },
  };
  const command = makeFitCommand((f, b) => void written.set(f, b));
  const run = async (...argv: string[]) => {
    stdout = '';
    try {
      await command.run(argv, io);
      return { error: null as Error | null, stdout };
    } catch (e) {
      return { error: e as Error, stdout };
    }
  };
  return { run, written };
}

describe('cli fit', () => {
  it('is registered; preset names resolve to the presets folder', () => {
    expect(COMMANDS.map((c) => c.name)).toContain('fit');
    expect(configPath('peri-walkthrough')).toBe(path.join('public/demo-data/presets', 'peri-walkthrough.json'));
    expect(configPath('my/model.json')).toBe('my/model.json');
  });

  it('fits from CSV positions, writes state and particles, then follows the next frame from that state', async () => {
    const moved = TRUE_POS.map((p) => [p[0] + 0.3, p[1] - 0.4, p[2] + 0.3] as Vec3);
    const h = harness({
      'f0.tif': tiff(truthData(FIT_NOISE, 1, fitConfig())),
      'f1.tif': tiff(truthData(FIT_NOISE, 2, fitConfig(moved, TRUE_RAD))),
      'cfg.json': config(),
      'pos.csv': 'z,y,x\n' + START.map((p) => p.join(',')).join('\n'),
    });
    const r = await h.run('f0.tif', '--config', 'cfg.json', '--positions', 'pos.csv', '--radius', '3.3', '--schedule', 'optimize_from_initial', '--out', 's0.json', '--particles', 'p0.csv', '--seed', '3');
    expect(r.error).toBeNull();
    expect(r.stdout).toMatch(/burn:globals/);
    expect(r.stdout).toMatch(/optimize_from_initial: polish \(rz_order 3\)/);
    expect(r.stdout).toMatch(/error \d+\.\d{4} over 12544 pixels, σ 0\.0\d+ \(RMS of the residuals\), 3 particles/);
    expect(r.stdout).toMatch(/excess kurtosis -?\d\.\d{3}/);
    const s0 = JSON.parse(h.written.get('s0.json') as string);
    expect(s0.fit.error).toBeLessThan(1.02 * fitState().error);
    expect((h.written.get('p0.csv') as string).split('\n')[0]).toMatch(/^ID,POSITION_X,POSITION_Y,POSITION_Z,RADIUS/);
    const t = await h.run('f1.tif', '--from-state', 's0.json', '--keep-positions', '--out', 's1.json');
    expect(t.error).toBeNull();
    expect(t.stdout).toMatch(/keeping its particles \(translate_featuring\)/);
    const v = JSON.parse(h.written.get('s1.json') as string).values as Record<string, number>;
    const found = [0, 1, 2].map((i) => [v[`sph-${i}-z`], v[`sph-${i}-y`], v[`sph-${i}-x`]]);
    moved.forEach((p) => expect(Math.min(...found.map((q) => Math.hypot(q[0] - p[0], q[1] - p[1], q[2] - p[2])))).toBeLessThan(0.1));
  }, 240_000);

  it('gives specific errors for wrong arguments and files', async () => {
    const h = harness({ 'cfg.json': config(), 'bad.json': '{"pos": 1}', 'f.tif': tiff(truthData()) });
    const msg = async (...a: string[]) => (await h.run(...a)).error?.message ?? '';
    expect(await msg('f.tif', '--config', 'cfg.json', '--out', 's.json')).toMatch(/give --positions <file> \(with --config\) or --from-state/);
    expect(await msg('f.tif', '--positions', 'p.json', '--out', 's.json')).toMatch(/--positions needs --config/);
    expect(await msg('f.tif', '--config', 'cfg.json', '--positions', 'p.json')).toMatch(/needs --out/);
    expect(await msg('f.tif', '--config', 'cfg.json', '--positions', 'bad.json', '--out', 's.json')).toMatch(/bad\.json: the object has no "positions" list/);
    expect(await msg('f.tif', '--config', 'cfg.json', '--positions', 'bad.json', '--radius', '-2', '--out', 's.json')).toMatch(/--radius needs a number > 0/);
    expect(await msg('f.tif', '--config', 'nope', '--positions', 'bad.json', '--out', 's.json')).toMatch(/Cannot read public\/demo-data\/presets\/nope\.json: no such file/);
    expect(await msg('f.tif', '--from-state', 's.json', '--schedule', 'both', '--out', 's.json')).toMatch(/--schedule goes with --positions/);
    expect(await msg('f.tif', '--config', 'cfg.json', '--positions', 'p.json', '--schedule', 'fast', '--out', 's.json')).toMatch(/--schedule must be one of optimize_from_initial, finish_state, both/);
  });
});

describe('cli fit, Ctrl-C on the bundled CLI', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'lucid-fit-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('cancels on SIGINT and writes the best state so far', async () => {
    const bundle = path.resolve('node_modules/.cache/lucid-test/fit-sigint-main.mjs');
    await build({ entryPoints: ['src/cli/main.ts'], outfile: bundle, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', loader: { '.wgsl': 'text' }, logLevel: 'error' });
    writeFileSync(path.join(dir, 'f.tif'), tiff(truthData()));
    writeFileSync(path.join(dir, 'cfg.json'), config());
    writeFileSync(path.join(dir, 'pos.json'), JSON.stringify(START));
    const out = path.join(dir, 's.json');
    const child = spawn(process.execPath, [bundle, 'fit', path.join(dir, 'f.tif'), '--config', path.join(dir, 'cfg.json'), '--positions', path.join(dir, 'pos.json'), '--radius', '3.3', '--out', out]);
    let stdout = '';
    let stderr = '';
    let sent = false;
    child.stdout.on('data', (b) => {
      stdout += b;
      // as soon as the worker speaks: the small fit would otherwise end before the signal lands
      if (!sent && /^fit: /m.test(stdout)) {
        sent = true;
        child.kill('SIGINT');
      }
    });
    child.stderr.on('data', (b) => void (stderr += b));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(sent).toBe(true);
    expect(stderr).toMatch(/Ctrl-C: cancelling/);
    expect(stderr).toMatch(/lucid fit: cancelled; the best state so far \(error \d+\.\d+\) was written to/);
    expect(code).toBe(1);
    expect(stdout).toMatch(/\n {2}cancelled /);
    const saved = JSON.parse(readFileSync(out, 'utf8'));
    const initial = stdout.match(/ {2}initial\s+(\d+\.\d+)/);
    expect(saved.fit.error).toBeLessThanOrEqual(Number(initial![1]));
    expect(Object.keys(saved.values)).toContain('sph-2-a');
  }, 120_000);
});
