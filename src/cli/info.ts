/** `info <file.tif>`: the volume's metadata and statistics as JSON, on the chosen backend. */
import path from 'node:path';
import { readTiff } from '../compute/io/tiff-read';
import { inspectTiff } from '../compute/io/tiff-inspect';
import type { Volume } from '../compute/io/volume';
import type { TiffSummary } from '../compute/io/tiff-summary';
import { computeVolumeStats, type VolumeStats } from '../compute/reduce/volume-stats';
import { parseArgs, type OptionSpec } from './args';
import { BACKEND_CHOICES, openBackend, type CliBackendChoice } from './backend';
import type { CliCommand, CliIo } from './command';
import { UsageError } from './errors';
import { arrayBufferOf, readBytes } from './files';

export const INFO_PERCENTILES = [0.1, 1, 50, 99, 99.9];

const OPTIONS: Record<string, OptionSpec> = {
  backend: { kind: 'string', choices: BACKEND_CHOICES, help: 'where statistics run: cpu (default) or webgpu' },
  channel: { kind: 'int', min: 0, help: 'channel of a multi-channel file' },
  frame: { kind: 'int', min: 0, help: 'time point of a file with both z and t' },
  rgb: { kind: 'string', choices: ['luminance', '0', '1', '2'], help: 'RGB files: luminance or one sample' },
  bins: { kind: 'int', min: 1, help: 'histogram bins for the percentiles (default 4096)' },
};

function readInput(file: string, io: CliIo): ArrayBuffer {
  return arrayBufferOf(readBytes(io, file));
}

function statsJson(stats: VolumeStats): Record<string, unknown> {
  const percentiles: Record<string, number> = {};
  for (const p of INFO_PERCENTILES) percentiles[`p${p}`] = stats.percentile(p);
  const { count, min, max, mean, std, nanCount, infCount } = stats;
  return { count, min, max, mean, std, nanCount, infCount, percentiles };
}

export function infoJson(file: string, vol: Volume, summary: TiffSummary, stats: VolumeStats, backend: string): Record<string, unknown> {
  const m = vol.metadata;
  return {
    file: path.basename(file),
    backend,
    shape: vol.shape,
    axis: vol.axis,
    voxelSize: vol.voxelSize,
    dtype: vol.dtype,
    rawRange: vol.rawRange,
    fileDims: m.fileDims,
    channel: m.channel ?? null,
    frame: m.frame ?? null,
    frameInterval: m.frameInterval ?? null,
    tiff: {
      pages: summary.pageCount, planeOrder: summary.planeOrder, layout: summary.layout, compression: summary.compression,
      byteOrder: summary.littleEndian ? 'little-endian' : 'big-endian', bigTiff: summary.bigTiff,
      samplesPerPixel: summary.samplesPerPixel, photometric: summary.photometric,
    },
    metadata: { source: m.source, extra: m.extra ?? {}, warnings: m.warnings ?? [] },
    stats: statsJson(stats),
  };
}

async function run(argv: readonly string[], io: CliIo): Promise<void> {
  const { positionals, options } = parseArgs(argv, OPTIONS);
  if (positionals.length !== 1) throw new UsageError(`info needs exactly one file, got ${positionals.length}.`);
  const [file] = positionals;
  const buffer = readInput(file, io);
  const rgb = options.rgb === undefined ? undefined : options.rgb === 'luminance' ? 'luminance' : (Number(options.rgb) as 0 | 1 | 2);
  const summary = await inspectTiff(buffer);
  const vol = await readTiff(buffer, { name: path.basename(file), channel: options.channel as number | undefined, frame: options.frame as number | undefined, rgb });
  const backend = await openBackend((options.backend as CliBackendChoice | undefined) ?? 'cpu');
  try {
    const stats = await computeVolumeStats(backend.ctx, vol.data, { bins: options.bins as number | undefined });
    io.stdout(JSON.stringify(infoJson(file, vol, summary, stats, backend.name), null, 2) + '\n');
  } finally {
    backend.close();
  }
}

export const infoCommand: CliCommand = {
  name: 'info',
  summary: "print a TIFF volume's metadata and statistics as JSON",
  usage: '<file.tif>',
  options: OPTIONS,
  run,
};
