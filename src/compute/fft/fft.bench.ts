/**
 * `npm run bench -- fft`: median time of a 3-D complex FFT (and of the real FFT) per size and
 * backend, effective bandwidth from the bytes-per-pass model (README.md), and scipy.fft on the same
 * sizes in the same run when python3 has scipy. Node only (spawns python3); the CLI imports it.
 */
import { makeRow, timeMedian, type BenchRow } from '../bench/bench';
import type { GpuContext } from '../gpu/context';
import { BufferUsage } from '../gpu/usage';
import { planFftCpu } from './fft.cpu';
import { GpuFftPlan } from './fft.gpu';
import { randomArray } from './fft64.reference';
import { planRfftCpu } from './rfft.cpu';
import { GpuRfftPlan } from './rfft.gpu';
import type { Shape3 } from './shape';

export interface FftBenchOptions {
  backends: ('cpu' | 'webgpu')[];
  sizes?: number[][];
  repeats?: number;
  gpu?: GpuContext | null;
}

export const DEFAULT_FFT_BENCH_SIZES: Shape3[] = [[64, 64, 64], [128, 128, 128], [64, 256, 256], [96, 112, 112]];
/** Memory bandwidth of the GPU used for the floor column (H100 SXM, HBM3). */
const FLOOR_GPU = { name: 'H100', bytesPerS: 3.35e12 };

/** Bytes a complex FFT moves over the transformed axes: each axis pass reads and writes 8 B per value. */
export function c2cBytes(shape: Shape3): number {
  const n = shape[0] * shape[1] * shape[2];
  return shape.filter((s) => s > 1).length * 16 * n;
}

/** Real FFT: x pass reads 4 B and writes ~4 B per value; y and z passes rewrite the half spectrum. */
export function r2cBytes(shape: Shape3): number {
  const half = shape[0] * shape[1] * (Math.floor(shape[2] / 2) + 1);
  const n = shape[0] * shape[1] * shape[2];
  return 4 * n + 8 * half + [shape[0], shape[1]].filter((s) => s > 1).length * 16 * half;
}

export async function runFftBench(opts: FftBenchOptions): Promise<BenchRow[]> {
  const sizes = (opts.sizes ?? DEFAULT_FFT_BENCH_SIZES) as Shape3[];
  const repeats = Math.max(1, opts.repeats ?? 5);
  const rows: BenchRow[] = [];
  for (const shape of sizes) {
    const size = shape.join('×');
    if (opts.backends.includes('cpu')) {
      // scipy right before ours, size by size, so that load from other jobs hits both alike.
      const scipy = await scipyTimes([shape], repeats);
      for (const kind of ['fftn c64', 'rfftn f32'] as const) {
        const ms = await timeMedian(cpuRun(shape, kind), repeats, CPU_WARMUP);
        const bytes = kind === 'fftn c64' ? c2cBytes(shape) : r2cBytes(shape);
        const ref = scipy?.[0]?.[kind === 'fftn c64' ? 'fftn' : 'rfftn'];
        rows.push(makeRow({ name: kind, size, backend: 'cpu (pffft-wasm)', medianMs: ms,
          ...(ref ? { scipyMs: ref } : { note: scipy ? undefined : 'scipy not found' }) }, bytes));
      }
    }
    if (opts.backends.includes('webgpu')) rows.push(...(await gpuRows(opts.gpu ?? null, shape, repeats)));
  }
  return rows;
}

/** Untimed runs first: at least 3 and 200 ms, so that V8 has optimised the hot loops. */
const CPU_WARMUP = { runs: 3, minMs: 200 };

function cpuRun(shape: Shape3, kind: 'fftn c64' | 'rfftn f32'): () => void {
  const n = shape[0] * shape[1] * shape[2];
  if (kind === 'fftn c64') {
    const plan = planFftCpu(shape);
    const data = randomArray(2 * n, 1);
    return () => plan.forward(data);
  }
  const plan = planRfftCpu(shape);
  const real = randomArray(n, 1);
  const half = plan.forward(real);
  return () => plan.forward(real, half);
}

async function gpuRows(ctx: GpuContext | null, shape: Shape3, repeats: number): Promise<BenchRow[]> {
  const size = shape.join('×');
  if (!ctx) return [{ name: 'fftn c64', size, backend: 'webgpu', medianMs: Number.NaN, note: 'no WebGPU adapter' }];
  const n = shape[0] * shape[1] * shape[2];
  const usage = BufferUsage.STORAGE | BufferUsage.COPY_SRC | BufferUsage.COPY_DST;
  const rows: BenchRow[] = [];
  const complex = GpuFftPlan.create(ctx, shape);
  const buf = ctx.upload(randomArray(2 * n, 1), usage, 'bench complex');
  const real = GpuRfftPlan.create(ctx, shape);
  const realBuf = ctx.upload(randomArray(n, 2), usage, 'bench real');
  const half = ctx.createBuffer(real.halfBytes, usage, 'bench half');
  try {
    const cases = [
      { name: 'fftn c64', bytes: c2cBytes(shape), run: (e: GPUCommandEncoder) => complex.forward(e, buf) },
      { name: 'rfftn f32', bytes: r2cBytes(shape), run: (e: GPUCommandEncoder) => real.forward(e, realBuf, half) },
    ];
    for (const c of cases) {
      const ms = await timeMedian(() => ctx.run(`bench ${c.name}`, c.run), repeats);
      const floorMs = (c.bytes / FLOOR_GPU.bytesPerS) * 1e3;
      rows.push(makeRow({ name: c.name, size, backend: `webgpu (${ctx.adapterName})`, medianMs: ms,
        note: `${(c.bytes / 2 ** 20).toFixed(0)} MiB moved; ${FLOOR_GPU.name} floor ${floorMs.toFixed(3)} ms` }, c.bytes));
    }
  } finally {
    for (const b of [buf, realBuf, half]) b.destroy();
    complex.destroy();
    real.destroy();
  }
  return rows;
}

const SCIPY_SCRIPT = `
import json, sys, time
import numpy as np, scipy.fft as f
sizes, reps = json.loads(sys.argv[1]), int(sys.argv[2])
def med(fn):
    fn()
    ts = []
    for _ in range(reps):
        t = time.perf_counter(); fn(); ts.append(time.perf_counter() - t)
    return 1e3 * sorted(ts)[len(ts) // 2]
out = []
for s in sizes:
    rng = np.random.default_rng(0)
    a = (rng.random(s) - 0.5).astype(np.float32)
    c = (a + 1j * (rng.random(s) - 0.5)).astype(np.complex64)
    out.append({"fftn": med(lambda: f.fftn(c)), "rfftn": med(lambda: f.rfftn(a))})
print(json.dumps(out))
`;

/** scipy.fft.fftn (complex64) and rfftn (float32) medians per size, or null without python3 + scipy. */
async function scipyTimes(sizes: Shape3[], repeats: number): Promise<{ fftn: number; rfftn: number }[] | null> {
  const { spawnSync } = await import('node:child_process');
  const res = spawnSync('python3', ['-c', SCIPY_SCRIPT, JSON.stringify(sizes), String(repeats)], { encoding: 'utf8' });
  if (res.status !== 0 || !res.stdout) return null;
  try {
    return JSON.parse(res.stdout.trim().split('\n').pop() ?? '');
  } catch {
    return null;
  }
}
