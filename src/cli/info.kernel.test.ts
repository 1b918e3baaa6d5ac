/** `info --backend webgpu` on Dawn: the same JSON as the CPU backend, statistics within f32 tolerance. */
import { describe, expect, it } from 'vitest';
import { createNodeGpu, lastNodeGpuError } from '../compute/gpu/node-gpu';
import { runCli } from './cli';
import type { CliIo } from './command';
import { buildTiff, makeValues } from '../compute/io/testing/tiff-builder';

const FILE = buildTiff(
  Array.from({ length: 4 }, (_, z) => ({ width: 33, height: 17, values: makeValues(33 * 17, (i) => Math.sin(i * 0.37 + z) * 1000 + 2000) })),
  { dtype: 'float32' },
);

async function info(backend: string): Promise<{ code: number; json: Record<string, any>; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), readFile: () => FILE };
  const code = await runCli(['info', 'sines.tif', '--backend', backend], io);
  return { code, json: code === 0 ? JSON.parse(stdout) : {}, stderr };
}

const gpu = await createNodeGpu();
const reason = gpu ? '' : ` (skipped: no WebGPU adapter. ${lastNodeGpuError()})`;

describe.skipIf(!gpu)(`cli info --backend webgpu${reason}`, () => {
  it('matches the CPU backend', async () => {
    const [cpu, webgpu] = [await info('cpu'), await info('webgpu')];
    expect(webgpu.stderr).toBe('');
    expect(webgpu.code).toBe(0);
    expect(webgpu.json.backend).not.toBe('cpu');
    const { stats: s, backend: _b, ...rest } = webgpu.json;
    const { stats: c, backend: _c, ...restCpu } = cpu.json;
    expect(rest).toEqual(restCpu);
    expect(s.min).toBe(c.min);
    expect(s.max).toBe(c.max);
    expect(s.count).toBe(c.count);
    expect(s.mean).toBeCloseTo(c.mean, 3);
    for (const key of Object.keys(c.percentiles)) expect(s.percentiles[key]).toBeCloseTo(c.percentiles[key], 1);
  });
});
