/**
 * The `fit` suite of `npm run bench`: wall (and CPU) time per stage and in total of the whole fit,
 * optimize_from_initial then finish_state, per backend, next to PERI on this machine class
 * (2 cores, numpy FFT; reference §12):
 * - synthetic: PERI's synthetic state from PERI's own perturbed start (peri_fit.json; PERI 100 s);
 * - real: the peri-walkthrough preset on PERI's real 48×64×64 image from its 37 positions, radius 5
 *   (exact line-scan PSF). PERI's own 48×64×64 tutorial with the same model class took ≈ 1,233 s.
 * One run per case (a fit is long); needs ../shared (skipped with a note otherwise). The state's
 * model updates run on the CPU, so the webgpu backend has no fit of its own yet (a note row says so).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BenchRow } from '../bench/bench';
import { readTiff } from '../io/tiff-read';
import type { GpuContext } from '../gpu/context';
import { runSchedule, type WorkflowResult } from './runner/workflows';
import { whiteNoiseDiagnostics } from './runner/diagnostics';
import { createState } from './state/create';
import { rawImage } from './state/raw-image';
import type { PeriState } from './state/state';

export interface FitBenchOptions {
  backends: ('cpu' | 'webgpu')[];
  gpu?: GpuContext | null;
  log?: (line: string) => void;
}

const SHARED = () => path.resolve(process.cwd(), '../shared/data/peri');
const PRESETS = () => path.resolve(process.cwd(), 'public/demo-data/presets');

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

async function readStack(file: string) {
  const b = readFileSync(file);
  return readTiff(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer, { name: path.basename(file) });
}

interface FitCase {
  name: string;
  size: string;
  files: string[];
  make: () => Promise<PeriState>;
  /** PERI's seconds per stage (our stage order; NaN: not known), for finish_state and in total. */
  peri: { stages: number[]; finishState: number; total: number; what: string };
}

interface PeriFitJson {
  init: { init_positions_zyx: number[][]; init_radii: number[]; init_globals: Record<string, number> };
  timings_s: Record<string, number>;
}

async function syntheticStart(): Promise<PeriState> {
  const fit = readJson<PeriFitJson>(path.join(SHARED(), 'synthetic/peri_fit.json'));
  const preset = readJson<Record<string, unknown>>(path.join(PRESETS(), 'peri-synthetic.json'));
  const vol = await readStack(path.join(SHARED(), 'synthetic/synthetic_f64.tif'));
  const image = rawImage(vol, { exposure: [0, 1] });
  return createState({ ...preset, values: fit.init.init_globals }, image, { particles: { pos: fit.init.init_positions_zyx, rad: fit.init.init_radii } });
}

async function walkthroughStart(): Promise<PeriState> {
  const preset = readJson<{ image: { exposure: [number, number] } }>(path.join(PRESETS(), 'peri-walkthrough.json'));
  const guess = readJson<{ positions: number[][] }>(path.join(SHARED(), 'real/particle_positions.json'));
  const vol = await readStack(path.join(SHARED(), 'real/small_confocal_image.tif'));
  return createState(preset, rawImage(vol, { exposure: preset.image.exposure }), { particles: { pos: guess.positions, rad: 5 } });
}

function syntheticPeri(): FitCase['peri'] {
  const file = path.join(SHARED(), 'synthetic/peri_fit.json');
  const t = existsSync(file) ? readJson<PeriFitJson>(file).timings_s : {};
  const keys = ['burn1_norad_s', 'burn2_withrad_s', 'add_subtract_s', 'polish_rz3_s', 'finish_add_subtract_locally_s', 'finish_1_s', 'finish_polish2_s', 'finish_4_s'];
  const stages = keys.map((k) => t[k] ?? Number.NaN);
  return { stages, finishState: stages.slice(4).reduce((a, b) => a + b, 0), total: t.total_fit_s ?? 100, what: 'PERI, this image' };
}

const CASES: FitCase[] = [
  {
    name: 'synthetic', size: '32×64×64, 24 spheres, Gaussian PSF', files: ['synthetic/peri_fit.json', 'synthetic/synthetic_f64.tif'],
    make: syntheticStart, get peri() { return syntheticPeri(); },
  },
  {
    name: 'real walkthrough', size: '48×64×64, 37 start positions, exact PSF', files: ['real/small_confocal_image.tif', 'real/particle_positions.json'],
    make: walkthroughStart,
    // PERI's tutorial (48×64×64, 47 spheres, same model class): its stage times, finish_state as one.
    peri: { stages: [139, 103, 100, 410], finishState: 480, total: 1233, what: 'PERI, its 48×64×64 tutorial' },
  },
];

function versus(ms: number, periS: number, what: string): string {
  if (!Number.isFinite(periS)) return '';
  const r = (periS * 1000) / ms;
  return `${what} ${periS.toFixed(1)} s: ${r >= 1 ? `${r.toFixed(1)}× faster` : `${(1 / r).toFixed(1)}× slower`}`;
}

function cpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

function rowsOf(c: FitCase, res: WorkflowResult, cpuS: number): BenchRow[] {
  const stages = res.stages.slice(1);
  const rows: BenchRow[] = stages.map((s, i) => ({
    name: `${c.name}: ${s.stage}`, size: c.size, backend: 'cpu', medianMs: s.ms,
    note: [`error ${s.error.toFixed(3)}`, versus(s.ms, c.peri.stages[i] ?? Number.NaN, 'PERI')].filter(Boolean).join('; '),
  }));
  const finishMs = stages.filter((s) => s.stage.startsWith('finish_state:')).reduce((t, s) => t + s.ms, 0);
  if (finishMs > 0) rows.push({ name: `${c.name}: finish_state (all)`, size: c.size, backend: 'cpu', medianMs: finishMs, note: versus(finishMs, c.peri.finishState, 'PERI') });
  const d = whiteNoiseDiagnostics(res.state);
  rows.push({
    name: `${c.name}: total`, size: c.size, backend: 'cpu', medianMs: res.ms,
    note: `${versus(res.ms, c.peri.total, c.peri.what)}; CPU ${cpuS.toFixed(0)} s; N ${res.state.spheres?.N ?? 0}, σ ${d.sigma.toFixed(4)}, kurtosis ${d.excessKurtosis.toFixed(3)}, RMS shell score ${d.rmsShellScore.toFixed(2)}`,
  });
  return rows;
}

export async function runFitBench(opts: FitBenchOptions): Promise<BenchRow[]> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const rows: BenchRow[] = [];
  for (const c of CASES) {
    if (!c.files.every((f) => existsSync(path.join(SHARED(), f)))) {
      rows.push({ name: `${c.name}: total`, size: c.size, backend: 'cpu', medianMs: Number.NaN, note: `skipped: ${c.files.join(', ')} not found in ${SHARED()}` });
      continue;
    }
    if (opts.backends.includes('cpu')) {
      const st = await c.make();
      const cpu0 = cpuSeconds();
      let last = 0;
      const res = runSchedule(st, 'both', {}, {
        seed: 1,
        onProgress: (e) => {
          if (e.stage.includes(':') || performance.now() - last < 10_000) return;
          last = performance.now();
          log(`  ${c.name}: ${e.stage} loop ${e.loop}, error ${e.error.toFixed(3)}`);
        },
      });
      rows.push(...rowsOf(c, res, cpuSeconds() - cpu0));
    }
    if (opts.backends.includes('webgpu')) {
      rows.push({ name: `${c.name}: total`, size: c.size, backend: 'webgpu', medianMs: Number.NaN, note: 'not run: the fit\'s model updates run on the CPU state (no GPU-resident state yet)' });
    }
  }
  return rows;
}
