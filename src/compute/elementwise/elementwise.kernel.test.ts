import { expect, it } from 'vitest';
import { describeGpu } from '../gpu/test-gpu';
import type { GpuContext } from '../gpu/context';
import { Prng } from '../util/prng';
import * as cpu from './elementwise.cpu';
import * as gpu from './elementwise.gpu';
import { ElementwiseGpu } from './elementwise.gpu';
import type { GpuArray } from './gpu-array';

const N = 1037; // not a multiple of the workgroup size

function randomArray(n: number, seed: number, lo = -2, hi = 2): Float32Array {
  const rng = new Prng(seed);
  return Float32Array.from({ length: n }, () => rng.range(lo, hi));
}

function toGpu(ctx: GpuContext, a: Float32Array): GpuArray {
  return { buffer: ctx.upload(a), length: a.length };
}

async function fromGpu(ctx: GpuContext, a: GpuArray): Promise<Float32Array> {
  const out = new Float32Array(await ctx.read(a.buffer, a.length * 4));
  a.buffer.destroy();
  return out;
}

/** Inputs are O(1): errors are measured relative to max(1, |want|), so cancellation does not inflate them. */
function expectClose(got: Float32Array, want: Float32Array, rel = 1e-6): void {
  expect(got.length).toBe(want.length);
  let worst = 0;
  for (let i = 0; i < want.length; i++) {
    worst = Math.max(worst, Math.abs(got[i] - want[i]) / Math.max(1, Math.abs(want[i])));
  }
  expect(worst).toBeLessThanOrEqual(rel);
}

type Case = {
  name: string;
  twin: (x: Float32Array, y: Float32Array) => void;
  run: (ctx: GpuContext, x: GpuArray, y: GpuArray, opts?: gpu.ElementwiseGpuOptions) => Promise<void>;
  rel?: number;
  complex?: boolean;
};

const cases: Case[] = [
  { name: 'axpy', twin: (x, y) => cpu.axpyCpu(-0.3, x, y), run: (c, x, y, o) => gpu.axpyGpu(c, -0.3, x, y, o) },
  { name: 'mul', twin: cpu.mulCpu, run: (c, x, y, o) => gpu.mulGpu(c, x, y, o) },
  { name: 'add', twin: cpu.addCpu, run: (c, x, y, o) => gpu.addGpu(c, x, y, o) },
  { name: 'safeDiv', twin: (x, y) => cpu.safeDivCpu(x, y, 0.05), run: (c, x, y, o) => gpu.safeDivGpu(c, x, y, 0.05, o), rel: 3e-7 },
  { name: 'scale', twin: (_x, y) => cpu.scaleCpu(2.5, y), run: (c, _x, y, o) => gpu.scaleGpu(c, 2.5, y, o) },
  { name: 'clamp', twin: (_x, y) => cpu.clampCpu(y, -1, 0.5), run: (c, _x, y, o) => gpu.clampGpu(c, y, -1, 0.5, o), rel: 0 },
  { name: 'pow', twin: (_x, y) => cpu.powCpu(y, 1.7), run: (c, _x, y, o) => gpu.powGpu(c, y, 1.7, o), rel: 2e-5 },
  { name: 'complexMul', twin: (x, y) => cpu.complexMulCpu(x, y), run: (c, x, y, o) => gpu.complexMulGpu(c, x, y, false, o), complex: true, rel: 2e-6 },
  { name: 'complexMul conj', twin: (x, y) => cpu.complexMulCpu(x, y, true), run: (c, x, y, o) => gpu.complexMulGpu(c, x, y, true, o), complex: true, rel: 2e-6 },
];

await describeGpu('element-wise kernels vs twins', (ctx) => {
  for (const c of cases) {
    it(`${c.name}: kernel equals twin (${N} values, and split into pieces by a 1 KiB binding limit)`, async () => {
      const n = c.complex ? 2 * N : N;
      const x = randomArray(n, 1);
      const y = randomArray(n, 2);
      const want = y.slice();
      c.twin(x, want);
      for (const opts of [undefined, { maxBindingBytes: 1024 }]) {
        const gx = toGpu(ctx, x);
        const gy = toGpu(ctx, y);
        await c.run(ctx, gx, gy, opts);
        expectClose(await fromGpu(ctx, gy), want, c.rel ?? 1e-6);
        gx.buffer.destroy();
      }
    });
  }

  it('records several operations into one submission (y ← 2·(x·y) + x)', async () => {
    const x = randomArray(N, 3);
    const y = randomArray(N, 4);
    const want = y.slice();
    cpu.mulCpu(x, want);
    cpu.scaleCpu(2, want);
    cpu.addCpu(x, want);
    const gx = toGpu(ctx, x);
    const gy = toGpu(ctx, y);
    const ew = new ElementwiseGpu(ctx);
    await ctx.run('elementwise test batch', (enc) => {
      ew.mul(enc, gx, gy);
      ew.scale(enc, 2, gy);
      ew.add(enc, gx, gy);
    });
    ew.release();
    expectClose(await fromGpu(ctx, gy), want);
    gx.buffer.destroy();
  });

  it('covers more than 65,535 workgroups (2-D grid): scale of 65,535·256 + 300 values', async () => {
    const n = 65_535 * 256 + 300;
    const y = new Float32Array(n);
    for (let i = 0; i < n; i++) y[i] = i % 1021;
    const gy = toGpu(ctx, y);
    await gpu.scaleGpu(ctx, 0.5, gy);
    const got = await fromGpu(ctx, gy);
    let bad = 0;
    for (let i = 0; i < n; i++) if (got[i] !== 0.5 * (i % 1021)) bad++;
    expect(bad).toBe(0);
  });

  it('refuses an array that does not fit its buffer, and mismatched lengths', async () => {
    const small = { buffer: ctx.upload(new Float32Array(8)), length: 100 };
    const other = { buffer: ctx.upload(new Float32Array(100)), length: 100 };
    await expect(gpu.scaleGpu(ctx, 2, small)).rejects.toThrow(/do not fit its GPU buffer/);
    await expect(gpu.addGpu(ctx, { ...other, length: 99 }, other)).rejects.toThrow(/99 values but y has 100/);
    small.buffer.destroy();
    other.buffer.destroy();
  });
});
