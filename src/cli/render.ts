/**
 * `render`: the model image of a PERI state (or of a configuration with an image or shape and
 * particle positions) as a float32 TIFF, with the fit statistics as JSON on stdout. Can also write
 * the residuals and save the state it built.
 */
import { writeFileSync } from 'node:fs';
import { writeTiff } from '../compute/io/tiff-writer';
import type { VoxelSize } from '../compute/io/volume';
import { PeriError } from '../compute/peri/errors';
import { renderModelGpu } from '../compute/peri/state/render.gpu';
import { createState, fromStateFile } from '../compute/peri/state/create';
import { rawImage } from '../compute/peri/state/raw-image';
import type { PeriState } from '../compute/peri/state/state';
import { parseConfigText, parseJsonText } from '../compute/peri/config/parse-config';
import { parseStateFile } from '../compute/peri/config/state-file';
import { Tile } from '../compute/peri/tile';
import { parseArgs, type OptionSpec } from './args';
import { BACKEND_CHOICES, openBackend, type CliBackendChoice } from './backend';
import type { CliCommand, CliIo } from './command';
import { CliError, UsageError } from './errors';
import { readImage, readText } from './files';
import { parsePositions, radiiFor } from '../compute/peri/runner/positions';

const OPTIONS: Record<string, OptionSpec> = {
  state: { kind: 'string', help: 'a Lucid PERI state file (lucid.peri.state JSON)' },
  config: { kind: 'string', help: 'a model configuration or preset (lucid.peri.config JSON), instead of --state' },
  image: { kind: 'string', help: 'the image TIFF (default: the state\'s or configuration\'s image.path; a state renders without it)' },
  positions: { kind: 'string', help: 'with --config: particle positions JSON ({"positions": [[z,y,x],…]} or a list)' },
  radius: { kind: 'string', help: 'with --positions: radius in pixels (default: the file\'s radius_guess_px, else 5)' },
  shape: { kind: 'string', help: 'with --config and no image: image shape ZxYxX (the model is rendered alone)' },
  out: { kind: 'string', help: 'output TIFF of the model (required)' },
  residuals: { kind: 'string', help: 'also write data − model to this TIFF' },
  'save-state': { kind: 'string', help: 'write the state (lucid.peri.state JSON) to this file' },
  padded: { kind: 'flag', help: 'write the model on the padded grid instead of the image' },
  backend: { kind: 'string', choices: BACKEND_CHOICES, help: 'where the model is evaluated: cpu (default) or webgpu' },
};

export type FileWriter = (file: string, bytes: Uint8Array | string) => void;

function parseShape(text: string): [number, number, number] {
  const parts = text.split(/[x×,]/).map(Number);
  if (parts.length !== 3 || !parts.every((n) => Number.isInteger(n) && n > 0)) throw new UsageError(`--shape needs ZxYxX (three positive integers), got "${text}".`);
  return parts as [number, number, number];
}

function positionsFromFile(io: CliIo, file: string, radius: number | null): { pos: number[][]; rad: number | number[] } {
  const list = parsePositions(readText(io, file), file);
  return { pos: list.positions.map((p) => [...p]), rad: radiiFor(list, radius) };
}

async function stateFromArgs(o: Record<string, string | number | boolean>, io: CliIo): Promise<PeriState> {
  if (o.state && o.config) throw new UsageError('give --state or --config, not both.');
  if (o.state) {
    const file = parseStateFile(parseJsonText(readText(io, o.state as string), 'state file'));
    const recorded = file.image?.path;
    const source = o.image ? await readImage(io, o.image as string) : recorded ? await readImage(io, recorded).catch(() => null) : null;
    return fromStateFile(file, source);
  }
  if (!o.config) throw new UsageError('render needs --state <state.json> or --config <config.json>.');
  const config = parseConfigText(readText(io, o.config as string));
  const radius = o.radius === undefined ? null : Number(o.radius);
  if (radius !== null && !(Number.isFinite(radius) && radius >= 0)) throw new UsageError(`--radius needs a number ≥ 0, got "${o.radius}".`);
  const particles = o.positions ? positionsFromFile(io, o.positions as string, radius) : undefined;
  if (o.shape) return createState(config, null, { shape: parseShape(o.shape as string), particles });
  const imagePath = (o.image as string | undefined) ?? config.image?.path;
  if (!imagePath) throw new UsageError('with --config give --image <file.tif> (or --shape ZxYxX for a model without data).');
  const source = await readImage(io, imagePath);
  const im = config.image ?? {};
  const tile = im.tile ? new Tile(im.tile.l, im.tile.r) : null;
  const image = rawImage(source, { tile, exposure: im.exposure, invert: im.invert, path: imagePath });
  return createState(config, image, { particles });
}

function volumeTiff(data: Float32Array, shape: readonly number[], voxelSize: VoxelSize | null): Uint8Array {
  const vs = voxelSize ?? { z: null, y: null, x: null, unit: null };
  return writeTiff({ data, shape: [shape[0], shape[1], shape[2]], axis: 'z', voxelSize: vs });
}

async function run(argv: readonly string[], io: CliIo, write: FileWriter): Promise<void> {
  const { positionals, options: o } = parseArgs(argv, OPTIONS);
  if (positionals.length) throw new UsageError(`render takes no positional arguments, got "${positionals[0]}".`);
  if (!o.out) throw new UsageError('render needs --out <model.tif>.');
  const t0 = performance.now();
  let state: PeriState;
  try {
    state = await stateFromArgs(o, io);
  } catch (e) {
    if (e instanceof PeriError) throw new CliError(e.message);
    throw e;
  }
  const stateMs = performance.now() - t0;
  const backend = await openBackend((o.backend as CliBackendChoice | undefined) ?? 'cpu');
  try {
    const padded = o.padded === true;
    const t1 = performance.now();
    const model = backend.ctx ? await renderModelGpu(backend.ctx, state, { padded }) : padded ? state.paddedModel : state.model;
    const renderMs = performance.now() - t1;
    const voxel = state.image?.voxelSize ?? null;
    write(o.out as string, volumeTiff(model, padded ? state.oshape.shape : state.ishape.shape, voxel));
    if (o.residuals) write(o.residuals as string, volumeTiff(state.residuals, state.ishape.shape, voxel));
    if (o['save-state']) write(o['save-state'] as string, JSON.stringify(state.toStateFile(), null, 1) + '\n');
    const summary = {
      out: o.out, backend: backend.name, model: state.imageModel.name, shape: state.ishape.shape, padded_shape: state.oshape.shape,
      particles: state.spheres?.N ?? 0, has_data: state.image !== null, error: state.error, npix: state.npix, sigma: state.sigma,
      loglikelihood: state.loglikelihood, state_ms: Math.round(stateMs), ...(backend.ctx ? { gpu_render_ms: Math.round(renderMs) } : {}),
    };
    io.stdout(JSON.stringify(summary, null, 2) + '\n');
  } finally {
    backend.close();
  }
}

export function makeRenderCommand(write: FileWriter = (f, b) => writeFileSync(f, b)): CliCommand {
  return {
    name: 'render',
    summary: 'render the model image of a PERI state (or configuration) to a TIFF',
    usage: '--state <state.json> --out <model.tif>',
    options: OPTIONS,
    run: (argv, io) => run(argv, io, write),
  };
}

export const renderCommand = makeRenderCommand();

