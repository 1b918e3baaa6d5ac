/**
 * `npm run bench -- reduce`: median time of sum, sum of squares, dot and mean/variance over 10⁷
 * float32 values per backend, with numpy on the same data in the same run when python3 has it.
 * Byte model: each pass reads its inputs once (sum, sum of squares 4N; dot 8N; mean/variance two
 * passes, 8N); partials are negligible. GPU timings are of GPU-resident arrays.
 */
import type { GpuContext } from '../gpu/context';
import { makeRow, timeMedian, type BenchRow } from '../bench/bench';
import { gpuBackend, gpuNote, type PythonRunner } from '../conv/conv.bench';
import type { GpuArray } from '../elementwise/gpu-array';
import { dotCpu } from './dot.cpu';
import { dotGpu } from './dot.gpu';
import { meanVarianceCpu, sumCpu, sumSquaresCpu } from './moments.cpu';
import { meanVarianceGpu, sumGpu, sumSquaresGpu } from './moments.gpu';
import { residualLike } from './reduce.fixtures';

export interface ReduceBenchOptions {
  backends: ('cpu' | 'webgpu')[];
  /** Value counts (default [10⁷]). */
  counts?: number[];
  repeats?: number;
  gpu?: GpuContext | null;
  python?: PythonRunner;
}

const NUMPY_REDUCE = `
inp = json.load(sys.stdin)
reps = inp["repeats"]
out = []
for n in inp["counts"]:
    rng = np.random.default_rng(0)
    x = (0.05 * rng.standard_normal(n)).astype(np.float32)
    y = (0.05 * rng.standard_normal(n)).astype(np.float32)
    out.append({"sum": med(lambda: np.sum(x, dtype=np.float64), reps),
                "sumSquares": med(lambda: np.dot(x, x), reps),
                "dot": med(lambda: np.dot(x, y), reps),
                "meanVariance": med(lambda: (x.mean(dtype=np.float64), x.var(dtype=np.float64)), reps)})
print(json.dumps(out))
`;

const NUMPY_WHAT: Record<string, string> = {
  sum: 'numpy sum(dtype=float64)', sumSquares: 'numpy dot(x, x), float32 BLAS',
  dot: 'numpy dot, float32 BLAS', meanVariance: 'numpy mean+var(dtype=float64)',
};

type Op = 'sum' | 'sumSquares' | 'dot' | 'meanVariance';
const OPS: { op: Op; bytesPerValue: number }[] = [
  { op: 'sum', bytesPerValue: 4 }, { op: 'sumSquares', bytesPerValue: 4 },
  { op: 'dot', bytesPerValue: 8 }, { op: 'meanVariance', bytesPerValue: 8 },
];

export async function runReduceBench(opts: ReduceBenchOptions): Promise<BenchRow[]> {
  const counts = opts.counts ?? [10_000_000];
  const repeats = Math.max(1, opts.repeats ?? 5);
  const numpy = opts.python?.<Record<Op, number>[]>(NUMPY_REDUCE, { counts, repeats });
  const rows: BenchRow[] = [];
  for (const [i, n] of counts.entries()) {
    const x = residualLike(n, 1);
    const y = residualLike(n, 2);
    const ref = numpy?.ok ? numpy.value[i] : undefined;
    const noteFor = (op: Op) => (numpy && !numpy.ok ? numpy.note : !opts.python ? 'no python runner' : NUMPY_WHAT[op]);
    if (opts.backends.includes('cpu')) {
      const cpu: Record<Op, () => unknown> = {
        sum: () => sumCpu(x), sumSquares: () => sumSquaresCpu(x), dot: () => dotCpu(x, y), meanVariance: () => meanVarianceCpu(x),
      };
      for (const { op, bytesPerValue } of OPS) {
        const ms = await timeMedian(cpu[op], repeats);
        rows.push(makeRow({ name: op, size: n.toLocaleString('en-US'), backend: 'cpu (float64)', medianMs: ms, scipyMs: ref?.[op], note: noteFor(op) }, bytesPerValue * n));
      }
    }
    if (opts.backends.includes('webgpu')) rows.push(...(await gpuRows(opts.gpu ?? null, x, y, repeats, ref)));
  }
  return rows;
}

async function gpuRows(ctx: GpuContext | null, x: Float32Array, y: Float32Array, repeats: number,
  ref: Record<Op, number> | undefined): Promise<BenchRow[]> {
  const size = x.length.toLocaleString('en-US');
  if (!ctx) return OPS.map(({ op }) => ({ name: op, size, backend: 'webgpu', medianMs: Number.NaN, note: 'no WebGPU adapter' }));
  const gx: GpuArray = { buffer: ctx.upload(x), length: x.length };
  const gy: GpuArray = { buffer: ctx.upload(y), length: y.length };
  try {
    const gpu: Record<Op, () => Promise<unknown>> = {
      sum: () => sumGpu(ctx, gx), sumSquares: () => sumSquaresGpu(ctx, gx), dot: () => dotGpu(ctx, gx, gy), meanVariance: () => meanVarianceGpu(ctx, gx),
    };
    const rows: BenchRow[] = [];
    for (const { op, bytesPerValue } of OPS) {
      const ms = await timeMedian(gpu[op], repeats);
      rows.push(makeRow({ name: op, size, backend: gpuBackend(ctx), medianMs: ms, scipyMs: ref?.[op], note: gpuNote(ctx) }, bytesPerValue * x.length));
    }
    return rows;
  } finally {
    gx.buffer.destroy();
    gy.buffer.destroy();
  }
}
