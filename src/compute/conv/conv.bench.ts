/**
 * `npm run bench -- conv`: median time of a real 3-D convolution with PERI's 35×17×25 exact-PSF
 * support, circular (cached OTF: rfftn, ×OTF, irfftn) and linear "same" with zero padding to a
 * 2·3·5·7-smooth size, per size and backend; scipy on the same sizes in the same run when python3
 * has it. GPU timings are of GPU-resident arrays (no upload/readback). Byte model in README.md.
 */
import type { GpuContext } from '../gpu/context';
import { makeRow, timeMedian, type BenchRow } from '../bench/bench';
import { r2cBytes } from '../fft/fft.bench';
import { STORAGE_RW } from '../elementwise/gpu-array';
import { Prng } from '../util/prng';
import { convolveCircularCpu, convolveSameCpu, nextCpuFftSize, samePaddedShape } from './convolve.cpu';
import { convolveCircularGpu, convolveSameGpu } from './convolve.gpu';
import type { PsfKernel } from './kernel';
import { OtfCache } from './otf-cache';
import { count3, type Shape3 } from './shape';

export type PythonRunner = <T>(snippet: string, input: unknown) => { ok: true; value: T } | { ok: false; note: string };

export interface ConvBenchOptions {
  backends: ('cpu' | 'webgpu')[];
  sizes?: Shape3[];
  repeats?: number;
  gpu?: GpuContext | null;
  kernel?: Shape3;
  /** Runs the scipy snippet (src/cli/bench/scipy.ts); without it no scipy column. */
  python?: PythonRunner;
}

export const DEFAULT_CONV_BENCH_SIZES: Shape3[] = [[64, 64, 64], [128, 128, 128], [64, 256, 256], [96, 112, 112]];
export const PERI_KERNEL: Shape3 = [35, 17, 25];

/** Circular: rfftn + irfftn (E1's model) and the complex product (read spectrum and OTF, write: 24 B per bin). */
export function circularBytes(shape: Shape3): number {
  return 2 * r2cBytes(shape) + 24 * shape[0] * shape[1] * ((shape[2] >> 1) + 1);
}

/** Same: pad (read 4N, write 4P), circular over P, crop (read and write 4N). */
export function sameBytes(shape: Shape3, kernel: Shape3, fastSize?: (n: number) => number): number {
  const padded = samePaddedShape(shape, kernel, fastSize);
  return 12 * count3(shape) + 4 * count3(padded) + circularBytes(padded);
}

const SCIPY_CONV = `
from scipy import fft as sf, signal
inp = json.load(sys.stdin)
reps, k = inp["repeats"], inp["kernel"]
out = []
for s in inp["sizes"]:
    rng = np.random.default_rng(0)
    img = rng.random(s, dtype=np.float32)
    psf = rng.random(k, dtype=np.float32)
    psf /= psf.sum()
    wrapped = np.zeros(s, np.float32)
    wrapped[:k[0], :k[1], :k[2]] = psf
    H = sf.rfftn(np.roll(wrapped, [-(n // 2) for n in k], axis=(0, 1, 2)))
    out.append({"circular": med(lambda: sf.irfftn(sf.rfftn(img) * H, s=s), reps),
                "same": med(lambda: signal.fftconvolve(img, psf, mode="same"), reps)})
print(json.dumps(out))
`;

interface ScipyConv { circular: number; same: number }

export async function runConvBench(opts: ConvBenchOptions): Promise<BenchRow[]> {
  const sizes = opts.sizes ?? DEFAULT_CONV_BENCH_SIZES;
  const kshape = opts.kernel ?? PERI_KERNEL;
  const repeats = Math.max(1, opts.repeats ?? 5);
  const scipy = opts.python?.<ScipyConv[]>(SCIPY_CONV, { sizes, kernel: kshape, repeats });
  const scipyNote = !opts.python ? 'no python runner' : scipy && !scipy.ok ? scipy.note : undefined;
  const rng = new Prng(1);
  const psf: PsfKernel = { psf: Float32Array.from({ length: count3(kshape) }, () => rng.uniform()), shape: kshape };
  const rows: BenchRow[] = [];
  for (const [i, shape] of sizes.entries()) {
    const ref = scipy?.ok ? scipy.value[i] : undefined;
    const image = Float32Array.from({ length: count3(shape) }, () => rng.uniform());
    const label = `${shape.join('×')} * ${kshape.join('×')}`;
    // The CPU pads to PFFFT lengths, the GPU to 7-smooth ones: the byte models differ.
    const cases = (fastSize?: (n: number) => number) => [
      { name: 'conv circular', bytes: circularBytes(shape), scipyMs: ref?.circular, scipyWhat: 'rfftn·H·irfftn' },
      { name: 'conv same (zero pad)', bytes: sameBytes(shape, kshape, fastSize), scipyMs: ref?.same, scipyWhat: 'fftconvolve, kernel FFT per call' },
    ];
    if (opts.backends.includes('cpu')) {
      const cache = new OtfCache();
      const runs = [
        () => convolveCircularCpu(image, shape, psf, { cache }),
        () => convolveSameCpu(image, shape, psf, { cache, padding: 'zero' }),
      ];
      for (const [k, c] of cases(nextCpuFftSize).entries()) {
        const ms = await timeMedian(runs[k], repeats);
        rows.push(makeRow({ name: c.name, size: label, backend: 'cpu', medianMs: ms, scipyMs: c.scipyMs,
          note: scipyNote ?? `scipy: ${c.scipyWhat}` }, c.bytes));
      }
    }
    if (opts.backends.includes('webgpu')) rows.push(...(await gpuRows(opts.gpu ?? null, image, shape, psf, label, cases(), repeats)));
  }
  return rows;
}

async function gpuRows(ctx: GpuContext | null, image: Float32Array, shape: Shape3, psf: PsfKernel, label: string,
  cases: { name: string; bytes: number; scipyMs?: number }[], repeats: number): Promise<BenchRow[]> {
  if (!ctx) return cases.map((c) => ({ name: c.name, size: label, backend: 'webgpu', medianMs: Number.NaN, note: 'no WebGPU adapter' }));
  const cache = new OtfCache();
  const src = { buffer: ctx.upload(image, STORAGE_RW, 'bench image'), length: image.length };
  const out = { buffer: ctx.createBuffer(image.byteLength, STORAGE_RW, 'bench out'), length: image.length };
  const note = gpuNote(ctx);
  try {
    const runs = [
      () => convolveCircularGpu(ctx, src, shape, psf, out, { cache }),
      () => convolveSameGpu(ctx, src, shape, psf, out, { cache, padding: 'zero' }),
    ];
    const rows: BenchRow[] = [];
    for (const [k, c] of cases.entries()) {
      const ms = await timeMedian(runs[k], repeats);
      rows.push(makeRow({ name: c.name, size: label, backend: gpuBackend(ctx), medianMs: ms, scipyMs: c.scipyMs, note }, c.bytes));
    }
    return rows;
  } finally {
    src.buffer.destroy();
    out.buffer.destroy();
    cache.clear();
  }
}

/** Short backend label: "webgpu (SwiftShader)" or the adapter's first words. */
export function gpuBackend(ctx: GpuContext): string {
  if (/swiftshader/i.test(ctx.adapterName)) return 'webgpu (SwiftShader)';
  return `webgpu (${ctx.adapterName.split(/\s+/).slice(0, 3).join(' ')})`;
}

/** The table's caveat for the adapter: SwiftShader is a CPU emulation. */
export function gpuNote(ctx: GpuContext): string {
  return /swiftshader/i.test(ctx.adapterName)
    ? 'SwiftShader (CPU): correctness backend, not a speed figure'
    : 'GPU-resident data, no transfers';
}
