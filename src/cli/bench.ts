/**
 * `npm run bench -- <fft|conv|reduce|model|fit|all> [--backend cpu|webgpu|all] [--repeats N] [--sizes 64x64x64,…]`
 * Prints one aligned table per suite: size, backend, median time, effective GB/s, and scipy/numpy
 * on the same sizes in the same run (with the ratio) when python3 has them. WebGPU runs through
 * Dawn in Node; on a machine without a GPU that is SwiftShader, a correctness backend.
 */
import { runFftBench } from '../compute/fft/fft.bench';
import { runConvBench } from '../compute/conv/conv.bench';
import { runReduceBench } from '../compute/reduce/reduce.bench';
import { runModelBench } from '../compute/peri/model.bench';
import { runFitBench } from '../compute/peri/fit.bench';
import { GpuContext } from '../compute/gpu/context';
import { createNodeGpu, lastNodeGpuError } from '../compute/gpu/node-gpu';
import type { BenchRow } from '../compute/bench/bench';
import { formatTable } from './bench/bench-table';
import { parseArgs, USAGE, type Args, type Backend, type Suite } from './bench/args';
import { runPython, scipyVersion } from './bench/scipy';

async function openGpu(backends: Backend[]): Promise<{ ctx: GpuContext | null; note?: string }> {
  if (!backends.includes('webgpu')) return { ctx: null };
  const gpu = await createNodeGpu();
  if (!gpu) return { ctx: null, note: lastNodeGpuError() ?? 'no WebGPU adapter' };
  try {
    return { ctx: await GpuContext.create(gpu, { label: 'lucid-bench' }) };
  } catch (error) {
    return { ctx: null, note: error instanceof Error ? error.message : String(error) };
  }
}

async function runSuite(suite: Suite, args: Args, gpu: GpuContext | null): Promise<BenchRow[]> {
  const common = { backends: args.backends, repeats: args.repeats, gpu };
  switch (suite) {
    case 'fft': return runFftBench({ ...common, sizes: args.sizes });
    case 'conv': return runConvBench({ ...common, sizes: args.sizes, python: runPython });
    case 'reduce': return runReduceBench({ ...common, counts: args.sizes?.map((s) => s[0] * s[1] * s[2]), python: runPython });
    case 'model': return runModelBench(common);
    case 'fit': return runFitBench({ backends: args.backends, gpu });
  }
}

async function main(): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : error}\n${USAGE}`);
    return 2;
  }
  const { ctx, note } = await openGpu(args.backends);
  const scipy = scipyVersion();
  const fitNote = args.suites.includes('fit') ? ' (fit: one run per case, wall ms per stage)' : '';
  console.log(`Lucid benchmarks: ${args.suites.join(', ')}; ${args.repeats} timed runs per row (median)${fitNote}.`);
  console.log(`WebGPU: ${ctx ? ctx.adapterName : `none (${note ?? 'not requested'})`}; scipy: ${scipy ?? 'not available'}.`);
  if (ctx && /swiftshader/i.test(ctx.adapterName)) {
    console.log('SwiftShader is a CPU emulation of a GPU: its rows check correctness and plumbing, not GPU speed.');
  }
  try {
    for (const suite of args.suites) {
      const t0 = performance.now();
      const rows = await runSuite(suite, args, ctx);
      console.log(`\n== ${suite} (${((performance.now() - t0) / 1e3).toFixed(1)} s) ==\n${formatTable(rows)}`);
    }
  } finally {
    ctx?.destroy();
  }
  return 0;
}

process.exitCode = await main();
