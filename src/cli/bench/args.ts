/** Command-line arguments of `npm run bench`. */
import { BenchUsageError, parseSizes } from './bench-table';

export const SUITES = ['fft', 'conv', 'reduce', 'model', 'fit'] as const;
export type Suite = (typeof SUITES)[number];
/** 'all': every suite but the fit, which takes many minutes and runs only when named. */
export const ALL_SUITES: readonly Suite[] = SUITES.filter((s) => s !== 'fit');
export type Backend = 'cpu' | 'webgpu';

export interface Args {
  suites: Suite[];
  backends: Backend[];
  repeats: number;
  sizes?: [number, number, number][];
}

export const USAGE = 'usage: npm run bench -- <fft|conv|reduce|model|fit|all> (all: every suite but fit) [--backend cpu|webgpu|all] [--repeats N] [--sizes 64x64x64,128x128x128]';

export function parseArgs(argv: string[]): Args {
  const args: Args = { suites: [], backends: ['cpu', 'webgpu'], repeats: 5 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new BenchUsageError(`${a} needs a value`);
      return v;
    };
    if (a === '--backend') args.backends = parseBackend(value());
    else if (a === '--repeats') args.repeats = parseRepeats(value());
    else if (a === '--sizes') args.sizes = parseSizes(value());
    else if (a === 'all') args.suites.push(...ALL_SUITES);
    else if ((SUITES as readonly string[]).includes(a)) args.suites.push(a as Suite);
    else throw new BenchUsageError(`unknown argument "${a}"`);
  }
  if (args.suites.length === 0) throw new BenchUsageError('name a suite');
  return args;
}

function parseBackend(v: string): Backend[] {
  if (v === 'all') return ['cpu', 'webgpu'];
  if (v === 'cpu' || v === 'webgpu') return [v];
  throw new BenchUsageError(`--backend must be cpu, webgpu or all, got "${v}"`);
}

function parseRepeats(v: string): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new BenchUsageError(`--repeats must be a positive integer, got "${v}"`);
  return n;
}
