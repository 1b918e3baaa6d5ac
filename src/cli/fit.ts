/**
 * `fit`: PERI's fit of a confocal image, from given positions (feature_from_pos_rad + the
 * schedules) or from a fitted state (translate_featuring with --keep-positions, else
 * get_particles_featuring). Prints progress, writes the state (and the particles), ends with the
 * error, σ, the particle count, the radii and the white-noise diagnostics. Ctrl-C cancels and still
 * writes the best state so far.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PeriError } from '../compute/peri/errors';
import { parseConfigText, parseJsonText } from '../compute/peri/config/parse-config';
import { parseStateFile } from '../compute/peri/config/state-file';
import { parseParticleParam } from '../compute/peri/params';
import type { FitControl } from '../compute/peri/fit/control';
import { imageLike } from '../compute/peri/runner/carry-over';
import { whiteNoiseDiagnostics } from '../compute/peri/runner/diagnostics';
import { parsePositions, radiiFor } from '../compute/peri/runner/positions';
import { diagnosticsSummary, formatStages, progressLogger, radiiSummary } from '../compute/peri/runner/progress-log';
import { featureFromPosRad, getParticlesFeaturing, SCHEDULES, translateFeaturing, type ScheduleName, type WorkflowResult } from '../compute/peri/runner/workflows';
import { renderModelGpu } from '../compute/peri/state/render.gpu';
import { rawImage } from '../compute/peri/state/raw-image';
import { Tile } from '../compute/peri/tile';
import { parseArgs, type OptionSpec } from './args';
import { readImage, readText } from './files';
import { BACKEND_CHOICES, openBackend, type CliBackendChoice } from './backend';
import type { CliCommand, CliIo } from './command';
import { CliError, UsageError } from './errors';
import { canRunInThread, reportToMain, runFitInThread, threadSignal } from './fit-thread';
import type { FileWriter } from './render';

const OPTIONS: Record<string, OptionSpec> = {
  config: { kind: 'string', help: 'model: a preset name (peri-walkthrough, peri-synthetic) or a lucid.peri.config JSON file' },
  positions: { kind: 'string', help: 'start from these positions: JSON [[z,y,x],…], {"positions": […]}, or CSV (z,y,x[,r] or a header)' },
  radius: { kind: 'string', help: 'with --positions: radius in px (default: the file\'s radii or radius_guess_px, else 5)' },
  'from-state': { kind: 'string', help: 'start from a fitted state (lucid.peri.state): its model and microscope parameters' },
  'keep-positions': { kind: 'flag', help: 'with --from-state: keep its particles (next frame of a movie), else re-feature the image' },
  'feature-rad': { kind: 'string', help: 'with --from-state, re-featuring: feature size in px (default: the state\'s median radius)' },
  schedule: { kind: 'string', choices: SCHEDULES, help: 'with --positions: optimize_from_initial, finish_state or both (default)' },
  seed: { kind: 'int', min: 0, help: 'seed of the fit\'s random choices (default 0): the same seed gives the same fit' },
  out: { kind: 'string', help: 'write the fitted state (lucid.peri.state JSON) here (required)' },
  particles: { kind: 'string', help: 'also write the particles: .csv (TrackMate columns) or .json (lucid.peri.particles)' },
  backend: { kind: 'string', choices: BACKEND_CHOICES, help: 'cpu (default) or webgpu: also renders the final model on the GPU and checks it' },
};

type Opts = Record<string, string | number | boolean>;

const PRESET_DIR = 'public/demo-data/presets';

/** A preset name (no path, no .json) resolves to public/demo-data/presets/<name>.json. */
export function configPath(arg: string): string {
  return /[\\/]/.test(arg) || arg.endsWith('.json') ? arg : path.join(PRESET_DIR, `${arg}.json`);
}

function positiveNumber(o: Opts, name: string): number | null {
  if (o[name] === undefined) return null;
  const v = Number(o[name]);
  if (!(Number.isFinite(v) && v > 0)) throw new UsageError(`--${name} needs a number > 0, got "${o[name]}".`);
  return v;
}

function checkCombination(o: Opts, positionals: readonly string[]): void {
  if (positionals.length > 1) throw new UsageError(`fit takes one image, got ${positionals.length}: ${positionals.join(' ')}.`);
  if (!o.out) throw new UsageError('fit needs --out <state.json>.');
  if (!o.positions === !o['from-state']) throw new UsageError('give --positions <file> (with --config) or --from-state <state.json>, one of them.');
  if (o.positions && !o.config) throw new UsageError('--positions needs --config <preset or model.json>.');
  if (o.positions && (o['keep-positions'] || o['feature-rad'])) throw new UsageError('--keep-positions and --feature-rad go with --from-state.');
  if (o['from-state'] && o.schedule) throw new UsageError('--schedule goes with --positions; --from-state runs PERI\'s translate sequence.');
  if (o['from-state'] && o.radius) throw new UsageError('--radius goes with --positions; with --from-state the radii come from the state.');
  if (o['keep-positions'] && o['feature-rad']) throw new UsageError('--feature-rad is for re-featuring; --keep-positions keeps the particles.');
  positiveNumber(o, 'radius');
  positiveNumber(o, 'feature-rad');
}

async function fromPositions(o: Opts, imagePath: string | undefined, io: CliIo, ctl: FitControl): Promise<WorkflowResult> {
  const cfgFile = configPath(o.config as string);
  const config = parseConfigText(readText(io, cfgFile));
  const list = parsePositions(readText(io, o.positions as string), o.positions as string);
  const file = imagePath ?? config.image?.path;
  if (!file) throw new UsageError('fit needs the image: fit <image.tif> …');
  const im = config.image ?? {};
  const tile = im.tile ? new Tile(im.tile.l, im.tile.r) : null;
  const image = rawImage(await readImage(io, file), { tile, exposure: im.exposure, invert: im.invert, path: file });
  io.stdout(`fit: ${file} (${image.shape.join('×')}), model ${cfgFile}, ${list.positions.length} particles from ${o.positions}\n`);
  const schedule = (o.schedule as ScheduleName | undefined) ?? 'both';
  return featureFromPosRad(config, image, list.positions, radiiFor(list, positiveNumber(o, 'radius')), { schedule }, ctl);
}

async function fromState(o: Opts, imagePath: string | undefined, io: CliIo, ctl: FitControl): Promise<WorkflowResult> {
  if (o.config) io.stdout(`note: --config is not used; the model and its parameters come from ${o['from-state']}\n`);
  const file = parseStateFile(parseJsonText(readText(io, o['from-state'] as string), 'state file'));
  const imageFile = imagePath ?? file.image?.path;
  if (!imageFile) throw new UsageError('fit needs the image: fit <image.tif> --from-state …');
  const image = imageLike(file, await readImage(io, imageFile), imageFile);
  const keep = o['keep-positions'] === true;
  io.stdout(`fit: ${imageFile} (${image.shape.join('×')}) from ${o['from-state']}: ${keep ? 'keeping its particles (translate_featuring)' : 're-featuring the particles (get_particles_featuring)'}\n`);
  if (keep) return translateFeaturing(file, image, {}, ctl);
  return getParticlesFeaturing(file, image, { featureRad: positiveNumber(o, 'feature-rad') ?? medianRadius(file.values) }, ctl);
}

function medianRadius(values: Record<string, number>): number {
  const r = Object.entries(values).filter(([n]) => parseParticleParam(n)?.coord === 'a').map(([, v]) => v).sort((a, b) => a - b);
  if (!r.length) throw new UsageError('the state has no particles to take a feature size from; give --feature-rad R.');
  return r[r.length >> 1];
}

function report(res: WorkflowResult, io: CliIo): void {
  const st = res.state;
  const d = whiteNoiseDiagnostics(st);
  io.stdout(`\n${formatStages(res.stages)}\n`);
  io.stdout(`${res.cancelled ? 'cancelled' : res.converged ? 'converged' : 'not converged'} after ${(res.ms / 1000).toFixed(1)} s; added ${res.added.length}, removed ${res.removed.length} particles\n`);
  io.stdout(`radii: ${radiiSummary(st.spheres?.radii() ?? [])}\n${diagnosticsSummary(d)}\n`);
  io.stdout(`error ${st.error.toFixed(4)} over ${st.npix} pixels, σ ${d.sigma.toFixed(5)} (RMS of the residuals), ${st.spheres?.N ?? 0} particles\n`);
}

async function checkOnGpu(res: WorkflowResult, backend: CliBackendChoice, io: CliIo): Promise<void> {
  if (backend !== 'webgpu') return;
  const b = await openBackend('webgpu');
  try {
    const gpu = await renderModelGpu(b.ctx!, res.state);
    const cpu = res.state.model;
    let m = 0;
    for (let i = 0; i < cpu.length; i++) m = Math.max(m, Math.abs(gpu[i] - cpu[i]));
    io.stdout(`webgpu (${b.name}): final model rendered on the GPU, max |GPU − CPU| = ${m.toExponential(2)}; the fit's model updates run on the CPU\n`);
  } finally {
    b.close();
  }
}

async function fit(argv: readonly string[], io: CliIo, write: FileWriter, signal: AbortSignal | undefined): Promise<void> {
  const { positionals, options: o } = parseArgs(argv, OPTIONS);
  checkCombination(o, positionals);
  const log = progressLogger((line) => io.stdout(`${line}\n`));
  const ctl: FitControl = { seed: (o.seed as number | undefined) ?? 0, signal, ...log };
  let res: WorkflowResult;
  try {
    res = o.positions ? await fromPositions(o, positionals[0], io, ctl) : await fromState(o, positionals[0], io, ctl);
  } catch (e) {
    if (e instanceof PeriError) throw new CliError(e.message);
    throw e;
  }
  write(o.out as string, JSON.stringify(res.state.toStateFile(), null, 1) + '\n');
  if (o.particles) {
    const csv = (o.particles as string).toLowerCase().endsWith('.csv');
    write(o.particles as string, csv ? res.state.exportParticles('csv') : JSON.stringify(res.state.exportParticles('json'), null, 1) + '\n');
  }
  report(res, io);
  io.stdout(`wrote ${o.out}${o.particles ? ` and ${o.particles}` : ''}\n`);
  if (res.cancelled) throw new CliError(`cancelled; the best state so far (error ${res.state.error.toFixed(4)}) was written to ${o.out}.`);
  await checkOnGpu(res, (o.backend as CliBackendChoice | undefined) ?? 'cpu', io);
}

async function run(argv: readonly string[], io: CliIo, write: FileWriter): Promise<void> {
  const inWorker = threadSignal();
  if (inWorker) {
    try {
      await fit(argv, io, write, inWorker);
      reportToMain({ kind: 'done' });
    } catch (e) {
      const err = e as Error;
      reportToMain({ kind: 'error', name: err?.name ?? 'Error', message: err?.message ?? String(e), usage: e instanceof UsageError });
    }
    return;
  }
  if (!canRunInThread()) return fit(argv, io, write, undefined);
  const { positionals, options } = parseArgs(argv, OPTIONS);
  checkCombination(options, positionals);
  return runFitInThread(argv, io);
}

export function makeFitCommand(write: FileWriter = (f, b) => writeFileSync(f, b)): CliCommand {
  return {
    name: 'fit',
    summary: 'fit a PERI model to an image (from positions or from a fitted state); Ctrl-C keeps the best state',
    usage: '<image.tif> --config <preset|model.json> (--positions <pos.json> [--radius R] | --from-state <state.json> [--keep-positions]) --out <state.json>',
    options: OPTIONS,
    run: (argv, io) => run(argv, io, write),
  };
}

export const fitCommand = makeFitCommand();
