import { expect, it } from 'vitest';
import type { GpuContext } from '../gpu/context';
import { GpuLimitError } from '../gpu/errors';
import { describeGpu } from '../gpu/test-gpu';
import { BufferUsage } from '../gpu/usage';
import { FftShapeError } from './errors';
import { GpuFftPlan, GpuRfftPlan, planFftCpu, planRfftCpu, type FftAxis, type Shape3 } from './fft';
import { fft64, randomArray, relL2 } from './fft64.reference';
import { lineLayout } from './fft-line.gpu';
import { lineStrategy } from './line-transform.gpu';

const FORWARD_TOL = 1e-5;
const ROUND_TRIP_TOL = 1e-6;

/** Forward on the GPU, then inverse; returns both results read back. */
async function gpuRoundTrip(ctx: GpuContext, plan: GpuFftPlan, x: Float32Array) {
  const buf = ctx.upload(x);
  try {
    await ctx.run('fft forward', (enc) => plan.forward(enc, buf));
    const forward = new Float32Array(await ctx.read(buf));
    await ctx.run('fft inverse', (enc) => plan.inverse(enc, buf));
    const back = new Float32Array(await ctx.read(buf));
    return { forward, back };
  } finally {
    buf.destroy();
  }
}

function cpuForward(shape: Shape3, axes: FftAxis[] | undefined, x: Float32Array): Float32Array {
  const y = x.slice();
  planFftCpu(shape, axes).forward(y);
  return y;
}

async function expectMatchesTwin(ctx: GpuContext, shape: Shape3, axes?: FftAxis[], seed = 1) {
  const n = shape[0] * shape[1] * shape[2];
  const x = randomArray(2 * n, seed);
  const plan = GpuFftPlan.create(ctx, shape, axes);
  try {
    const { forward, back } = await gpuRoundTrip(ctx, plan, x);
    expect(relL2(forward, cpuForward(shape, axes, x)), `forward ${shape} axes ${axes}`).toBeLessThan(FORWARD_TOL);
    expect(relL2(back, x), `round trip ${shape} axes ${axes}`).toBeLessThan(ROUND_TRIP_TOL);
  } finally {
    plan.destroy();
  }
}

await describeGpu('GpuFftPlan (WGSL) against the CPU twin', (ctx) => {
  const sizes = [2, 3, 5, 7, 12, 17, 60, 97, 100, 210, 256, 1000];
  it.each(sizes)('1-D length %i, batched over 3 lines', async (n) => {
    await expectMatchesTwin(ctx, [1, 3, n], [2], n);
  });

  it('covers the three line strategies', () => {
    expect(lineStrategy(ctx.limits, 256)).toBe('workgroup');
    expect(lineStrategy(ctx.limits, 97)).toBe('bluestein');
    const tooLong = 2 * Math.floor(ctx.limits.maxComputeWorkgroupStorageSize / 16);
    expect(lineStrategy(ctx.limits, tooLong)).toBe('multipass');
  });

  it('multi-pass lines (past workgroup memory), even and odd numbers of passes', async () => {
    const cap = Math.floor(ctx.limits.maxComputeWorkgroupStorageSize / 16);
    const pow2 = 2 ** Math.ceil(Math.log2(cap + 1));
    const pow3 = 3 ** Math.ceil(Math.log(cap + 1) / Math.log(3));
    await expectMatchesTwin(ctx, [1, 2, pow2], [2], 3);
    await expectMatchesTwin(ctx, [1, 1, pow3], [2], 4);
    await expectMatchesTwin(ctx, [pow2 / 2, 1, 3], [0], 5);
  });

  it('Bluestein on strided axes and with a multi-pass padded length', async () => {
    await expectMatchesTwin(ctx, [11, 13, 4], undefined, 6);
    // cap − 1 is not smooth for the usual caps (2047 = 23·89, 1023 = 3·11·31); its pad 2·cap is multi-pass.
    const cap = Math.floor(ctx.limits.maxComputeWorkgroupStorageSize / 16);
    expect(lineStrategy(ctx.limits, cap - 1)).toBe('bluestein');
    await expectMatchesTwin(ctx, [1, 1, cap - 1], [2], 7);
  });

  const shapes: Shape3[] = [[5, 6, 7], [17, 12, 9], [4, 33, 20], [32, 24, 20]];
  it.each(shapes)('3-D %i×%i×%i: all axes, each axis alone, two axes', async (...s) => {
    for (const axes of [undefined, [0], [1], [2], [0, 2]] as (FftAxis[] | undefined)[]) {
      await expectMatchesTwin(ctx, s as Shape3, axes, 8);
    }
  });

  it('64³ forward against a float64 FFT', async () => {
    const shape: Shape3 = [64, 64, 64];
    const x = randomArray(2 * 64 ** 3, 64);
    const plan = GpuFftPlan.create(ctx, shape);
    const { forward, back } = await gpuRoundTrip(ctx, plan, x);
    plan.destroy();
    expect(relL2(forward, fft64(Float64Array.from(x), shape))).toBeLessThan(FORWARD_TOL);
    expect(relL2(back, x)).toBeLessThan(ROUND_TRIP_TOL);
  });

  it('batches past 65,535 workgroups (2-D grid): length-2 lines ×1.2 M, and Bluestein', async () => {
    const groups = Math.ceil(1_200_000 / lineLayout(ctx.limits, 2, 1_200_000)!.lines);
    expect(groups).toBeGreaterThan(ctx.limits.maxComputeWorkgroupsPerDimension);
    await expectMatchesTwin(ctx, [1200, 1000, 2], [2], 9);
    await expectMatchesTwin(ctx, [1, 70_000, 5], [2], 10);
  });

  it('splits along a batch axis when a binding would pass the limit', async () => {
    const shape: Shape3 = [30, 6, 10];
    const x = randomArray(2 * 1800, 12);
    const plan = GpuFftPlan.create(ctx, shape, [1, 2], { maxBindingBytes: 4096 });
    const { forward, back } = await gpuRoundTrip(ctx, plan, x);
    plan.destroy();
    expect(relL2(forward, cpuForward(shape, [1, 2], x))).toBeLessThan(FORWARD_TOL);
    expect(relL2(back, x)).toBeLessThan(ROUND_TRIP_TOL);
  });

  it('refuses with GpuLimitError naming the limit when it cannot split', () => {
    const create = (axes: FftAxis[], limit: number) => () => GpuFftPlan.create(ctx, [30, 6, 10], axes, { maxBindingBytes: limit });
    expect(create([0, 1, 2], 4096)).toThrow(GpuLimitError);
    expect(create([0, 1, 2], 4096)).toThrow(/maxStorageBufferBindingSize is 4,096 bytes/);
    expect(create([1, 2], 256)).toThrow(/maxStorageBufferBindingSize/);
    expect(() => GpuRfftPlan.create(ctx, [8, 8, 8], { maxBindingBytes: 1024 })).toThrow(GpuLimitError);
  });

  it('rejects buffers smaller than the array', () => {
    const plan = GpuFftPlan.create(ctx, [2, 4, 4]);
    const small = ctx.createBuffer(64, BufferUsage.STORAGE, 'small');
    const enc = ctx.device.createCommandEncoder();
    expect(() => plan.forward(enc, small)).toThrow(FftShapeError);
    small.destroy();
    plan.destroy();
  });
});

await describeGpu('GpuRfftPlan (WGSL) against the CPU twin', (ctx) => {
  const shapes: Shape3[] = [[1, 1, 1], [2, 3, 1], [1, 1, 64], [3, 5, 8], [5, 6, 7], [4, 3, 97], [16, 16, 16]];
  it.each(shapes)('%i×%i×%i: half spectrum, round trip, input kept', async (...s) => {
    const shape = s as Shape3;
    await expectRfftMatches(ctx, shape);
  });

  it('rows too long for workgroup memory (staged path)', async () => {
    const cap = Math.floor(ctx.limits.maxComputeWorkgroupStorageSize / 16);
    await expectRfftMatches(ctx, [1, 3, 2 ** Math.ceil(Math.log2(cap + 1))]);
  });
});

async function expectRfftMatches(ctx: GpuContext, shape: Shape3): Promise<void> {
  const n = shape[0] * shape[1] * shape[2];
  const real = randomArray(n, n);
  const plan = GpuRfftPlan.create(ctx, shape);
  const usage = BufferUsage.STORAGE | BufferUsage.COPY_SRC | BufferUsage.COPY_DST;
  const realBuf = ctx.upload(real);
  const half = ctx.createBuffer(plan.halfBytes, usage, 'half');
  const out = ctx.createBuffer(plan.realBytes, usage, 'out');
  try {
    await ctx.run('rfft', (enc) => plan.forward(enc, realBuf, half));
    const spectrum = new Float32Array(await ctx.read(half));
    await ctx.run('irfft', (enc) => plan.inverse(enc, half, out));
    const back = new Float32Array(await ctx.read(out));
    const kept = new Float32Array(await ctx.read(half));
    expect(relL2(spectrum, planRfftCpu(shape).forward(real))).toBeLessThan(FORWARD_TOL);
    expect(relL2(back, real)).toBeLessThan(ROUND_TRIP_TOL);
    expect(kept).toEqual(spectrum);
  } finally {
    for (const b of [realBuf, half, out]) b.destroy();
    plan.destroy();
  }
}
