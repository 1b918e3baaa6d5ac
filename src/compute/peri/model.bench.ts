/**
 * The `model` suite of `npm run bench`: per backend, the full-model time and the single-particle
 * update time of
 * - the synthetic state (32×64×64, padded 80×112×112, Gaussian PSF; PERI: 0.25 s and 5 ms),
 * - a 48×64×64 image with the exact line-scan PSF (padded 96×112×112; PERI: 3.6 s full model),
 * next to PERI's times on this machine class (2 cores, numpy FFT; reference §12). Uses ../shared's
 * particles when present, else deterministic random ones. Node only; the CLI imports it.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BenchRow } from '../bench/bench';
import type { GpuContext } from '../gpu/context';
import { createState } from './state/create';
import { renderModelGpu } from './state/render.gpu';
import type { PeriState } from './state/state';
import { lcg } from './state/testing';

export interface ModelBenchOptions {
  backends: ('cpu' | 'webgpu')[];
  repeats?: number;
  gpu?: GpuContext | null;
}

const SHARED = () => path.resolve(process.cwd(), '../shared/data/peri');
const PRESETS = () => path.resolve(process.cwd(), 'public/demo-data/presets');

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

function randomParticles(n: number, shape: readonly number[], seed: number): number[][] {
  const r = lcg(seed);
  return Array.from({ length: n }, () => shape.map((s) => 3 + (s - 6) * r()));
}

function syntheticState(): PeriState {
  const preset = readJson<Record<string, unknown>>(path.join(PRESETS(), 'peri-synthetic.json'));
  const truthFile = path.join(SHARED(), 'synthetic/synthetic_truth.json');
  if (existsSync(truthFile)) {
    const t = readJson<{ positions_zyx: number[][]; radii: number[]; global_params: Record<string, number> }>(truthFile);
    return createState({ ...preset, values: t.global_params }, null, { shape: [32, 64, 64], particles: { pos: t.positions_zyx, rad: t.radii } });
  }
  return createState(preset, null, { shape: [32, 64, 64], particles: { pos: randomParticles(24, [32, 64, 64], 1), rad: 5 } });
}

function exactState(): PeriState {
  const preset = readJson<Record<string, unknown>>(path.join(PRESETS(), 'peri-walkthrough.json'));
  const posFile = path.join(SHARED(), 'real/particle_positions.json');
  const pos = existsSync(posFile) ? readJson<{ positions: number[][] }>(posFile).positions : randomParticles(37, [48, 64, 64], 2);
  return createState(preset, null, { shape: [48, 64, 64], particles: { pos, rad: 5 } });
}

async function medianMs(repeats: number, f: (k: number) => unknown): Promise<number> {
  await f(-1);
  const ts: number[] = [];
  for (let k = 0; k < repeats; k++) {
    const t = performance.now();
    await f(k);
    ts.push(performance.now() - t);
  }
  ts.sort((a, b) => a - b);
  return ts[ts.length >> 1];
}

function versus(ms: number, peri: number | null): string {
  if (peri === null) return 'PERI: not measured';
  const r = peri / ms;
  return `PERI ${peri} ms: ${r >= 1 ? `${r.toFixed(1)}× faster` : `${(1 / r).toFixed(1)}× slower`}`;
}

interface BenchCase {
  size: string;
  make: () => PeriState;
  periFull: number;
  periParticle: number | null;
  fullRepeats: number;
}

const CASES: BenchCase[] = [
  { size: '32×64×64 (pad 80×112×112), Gaussian PSF', make: syntheticState, periFull: 250, periParticle: 5, fullRepeats: 7 },
  { size: '48×64×64 (pad 96×112×112), exact line-scan PSF', make: exactState, periFull: 3600, periParticle: null, fullRepeats: 3 },
];

/** Full model: a global change (the offset) re-evaluates the padded grid with the fields cached, as PERI's. */
async function cpuRows(c: BenchCase, st: PeriState, repeats: number): Promise<BenchRow[]> {
  const c0 = st.getValue('offset');
  const full = await medianMs(Math.min(repeats, c.fullRepeats), (k) => st.update('offset', c0 + 1e-4 * (k & 1)));
  const name = st.paramParticle(3)[2];
  const x0 = st.getValue(name);
  const particle = await medianMs(Math.max(20, repeats), (k) => st.update(name, x0 + 0.05 * (k & 1)));
  return [
    { name: 'full model', size: c.size, backend: 'cpu', medianMs: full, note: versus(full, c.periFull) },
    { name: 'particle update', size: c.size, backend: 'cpu', medianMs: particle, note: versus(particle, c.periParticle) },
  ];
}

/** The full model on the GPU, including the upload of the fields and the read-back. */
async function gpuRows(c: BenchCase, st: PeriState, repeats: number, gpu: GpuContext | null): Promise<BenchRow[]> {
  if (!gpu) return [{ name: 'full model', size: c.size, backend: 'webgpu', medianMs: Number.NaN, note: 'no WebGPU adapter' }];
  const full = await medianMs(Math.min(repeats, c.fullRepeats), () => renderModelGpu(gpu, st));
  return [
    { name: 'full model', size: c.size, backend: `webgpu (${gpu.adapterName})`, medianMs: full, note: `${versus(full, c.periFull)}; incl. upload + read-back` },
    { name: 'particle update', size: c.size, backend: 'webgpu', medianMs: Number.NaN, note: 'local updates run on the CPU state (no GPU-resident state yet)' },
  ];
}

export async function runModelBench(opts: ModelBenchOptions): Promise<BenchRow[]> {
  const repeats = Math.max(1, opts.repeats ?? 5);
  const rows: BenchRow[] = [];
  for (const c of CASES) {
    const st = c.make();
    if (opts.backends.includes('cpu')) rows.push(...(await cpuRows(c, st, repeats)));
    if (opts.backends.includes('webgpu')) rows.push(...(await gpuRows(c, st, repeats, opts.gpu ?? null)));
  }
  return rows;
}
