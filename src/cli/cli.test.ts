import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli';
import type { CliIo } from './command';
import { parseArgs } from './args';
import { buildTiff } from '../compute/io/testing/tiff-builder';
import { hyperstackPages, imageJDescription } from '../compute/io/testing/fixtures';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

const FILES = new Map<string, Uint8Array>([
  ['/data/stack.tif', buildTiff(hyperstackPages({ z: 3 }), { description: imageJDescription({ z: 3 }, ['unit=um', 'spacing=0.5']), resolution: { x: [10, 1], y: [10, 1], unit: 1 } })],
  ['/data/channels.tif', buildTiff(hyperstackPages({ c: 2, z: 2 }), { description: imageJDescription({ c: 2, z: 2 }) })],
  ['/data/notes.txt', new TextEncoder().encode('not an image')],
]);

async function cli(...argv: string[]): Promise<Run> {
  const out = { stdout: '', stderr: '' };
  const io: CliIo = {
    stdout: (t) => void (out.stdout += t),
    stderr: (t) => void (out.stderr += t),
    readFile: (p) => {
      const bytes = FILES.get(p);
      if (!bytes) throw Object.assign(new Error(`ENOENT: ${p}`), { code: 'ENOENT' });
      return bytes;
    },
  };
  const code = await runCli(argv, io);
  return { code, ...out };
}

describe('cli info', () => {
  it('prints the volume metadata and statistics as JSON', async () => {
    const r = await cli('info', '/data/stack.tif');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const info = JSON.parse(r.stdout);
    expect(info).toMatchObject({
      file: 'stack.tif', backend: 'cpu', shape: [3, 6, 5], axis: 'z', dtype: 'uint16',
      voxelSize: { x: 0.1, y: 0.1, z: 0.5, unit: 'µm' },
      fileDims: { c: 1, t: 1, z: 3, y: 6, x: 5 },
      tiff: { pages: 3, compression: 'none', byteOrder: 'little-endian' },
      metadata: { source: 'imagej' },
    });
    // planeValue(0, z, 0, y, x) = z·100 + (7y + x) mod 100 over 3 planes of 6×5.
    expect(info.rawRange).toEqual([0, 239]);
    expect(info.stats.min).toBe(0);
    expect(info.stats.max).toBe(239);
    expect(info.stats.count).toBe(90);
    expect(Object.keys(info.stats.percentiles)).toEqual(['p0.1', 'p1', 'p50', 'p99', 'p99.9']);
    expect(info.stats.percentiles.p50).toBeGreaterThan(100);
    expect(info.stats.percentiles.p50).toBeLessThan(140);
  });

  it('reads the chosen channel', async () => {
    const info = JSON.parse((await cli('info', '/data/channels.tif', '--channel', '1')).stdout);
    expect(info.channel).toBe(1);
    expect(info.rawRange[0]).toBe(10000);
  });

  it('asks for the missing choice with the flag to pass (exit 2)', async () => {
    const r = await cli('info', '/data/channels.tif');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('lucid info: This file has 2 channels: choose a channel (0–1). Pass --channel N.\n');
  });

  it('reports bad files on one line with exit code 1', async () => {
    const notTiff = await cli('info', '/data/notes.txt');
    expect(notTiff.code).toBe(1);
    expect(notTiff.stderr).toMatch(/^lucid info: This is not a TIFF file: .*\n$/);
    expect(notTiff.stderr.split('\n')).toHaveLength(2);
    const missing = await cli('info', '/data/nothing.tif');
    expect(missing).toMatchObject({ code: 1, stderr: 'lucid info: Cannot read /data/nothing.tif: no such file.\n' });
  });

  it('rejects usage mistakes with exit code 2', async () => {
    expect((await cli('info')).code).toBe(2);
    expect((await cli('info', '/data/stack.tif', '--backend', 'cuda')).stderr).toMatch(/--backend must be one of cpu, webgpu; got "cuda"/);
    expect((await cli('info', '/data/stack.tif', '--frame', '-1')).stderr).toMatch(/--frame needs an integer ≥ 0/);
    expect((await cli('info', '/data/stack.tif', '--nope')).stderr).toMatch(/Unknown option --nope/);
    expect(await cli('paint')).toMatchObject({ code: 2, stderr: expect.stringMatching(/unknown command "paint"; commands: info/) });
  });

  it('has help for the tool and for each command', async () => {
    const top = await cli('--help');
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/commands:\n {2}info {6}print/);
    const info = await cli('info', '--help');
    expect(info.stdout).toMatch(/--backend <value> +where statistics run/);
    expect((await cli()).code).toBe(2);
  });
});

describe('parseArgs', () => {
  it('takes --name value and --name=value', () => {
    const specs = { channel: { kind: 'int' as const, help: '' }, rgb: { kind: 'string' as const, help: '' }, quiet: { kind: 'flag' as const, help: '' } };
    expect(parseArgs(['a.tif', '--channel', '2', '--rgb=luminance', '--quiet'], specs)).toEqual({
      positionals: ['a.tif'], options: { channel: 2, rgb: 'luminance', quiet: true },
    });
    expect(() => parseArgs(['--channel'], specs)).toThrow(/--channel needs a value/);
  });
});

describe('npm run cli (bundled entry point)', () => {
  it('runs info on a file and exits 0; exits 1 with one line for a broken file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lucid-cli-'));
    try {
      const good = path.join(dir, 'stack.tif');
      const bad = path.join(dir, 'cut.tif');
      writeFileSync(good, FILES.get('/data/stack.tif')!);
      writeFileSync(bad, FILES.get('/data/stack.tif')!.subarray(0, 100));
      const run = (file: string) => spawnSync(process.execPath, ['scripts/run-ts.mjs', 'src/cli/main.ts', 'info', file], { encoding: 'utf8' });
      const ok = run(good);
      expect(ok.status).toBe(0);
      expect(JSON.parse(ok.stdout).shape).toEqual([3, 6, 5]);
      const cut = run(bad);
      expect(cut.status).toBe(1);
      expect(cut.stderr).toMatch(/^lucid info: The file is cut off: .* only 100 bytes\.\n$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
