/** readTiff: one float32 volume from a TIFF file (one channel, one time point or a movie), with progress and cancellation. */
import type { Volume } from './volume';
import { checkVolumeFits, DEFAULT_MAX_VOXELS, formatBytes } from './limits';
import { PlaneDecoder, type RawRange } from './tiff-decode';
import { throwIfAborted, TiffError } from './tiff-errors';
import { openTiff, type OpenedTiff } from './tiff-inspect';
import { checkPageFormat, readPageLayout, type PageLayout } from './tiff-page';
import { selectPlanes, type PlaneSelection, type VolumeChoices } from './tiff-select';

export interface ReadTiffOptions extends VolumeChoices {
  /** File name kept in the metadata. */
  name?: string;
  signal?: AbortSignal;
  onProgress?: (fraction: number, stage: string) => void;
  /** Refuse volumes with more voxels than this (default 2^29: 2 GiB of float32). */
  maxVoxels?: number;
}

const YIELD_EVERY_MS = 30;

/** Lets an abort message reach a worker's event loop between pages. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function bytesPerPlane(p: PageLayout): number {
  return p.width * p.height * p.samplesPerPixel * (p.bitsPerSample / 8);
}

/** Plane k of the ImageJ >4 GB layout: page 0's layout moved k planes further into the file. */
function contiguousPlane(t: OpenedTiff, k: number): PageLayout {
  const p = t.page0;
  const planeBytes = bytesPerPlane(p);
  const end = p.offsets[0] + planeBytes * t.summary.planeCount;
  if (end > t.buffer.byteLength) {
    throw new TiffError('truncated', `The file is cut off: its ${t.summary.planeCount} planes of ${formatBytes(planeBytes)} end at byte ${end}, but the file has only ${t.buffer.byteLength} bytes.`);
  }
  const samples = p.planar === 2 ? p.samplesPerPixel : 1;
  const sampleBytes = planeBytes / samples;
  const base = p.offsets[0] + k * planeBytes;
  return {
    ...p, index: k, tiled: false, blockWidth: p.width, blockHeight: p.height,
    offsets: Array.from({ length: samples }, (_, s) => base + s * sampleBytes),
    byteCounts: new Array<number>(samples).fill(sampleBytes),
  };
}

async function pageLayout(t: OpenedTiff, plane: number): Promise<PageLayout> {
  if (t.summary.layout === 'imagej-contiguous') return contiguousPlane(t, plane);
  if (plane === 0) return t.page0;
  const page = await readPageLayout(t.geotiff, plane);
  const dtype = checkPageFormat(page, t.allowPalette);
  const p0 = t.page0;
  if (dtype !== t.summary.dtype || page.samplesPerPixel !== p0.samplesPerPixel || page.photometric !== p0.photometric) {
    throw new TiffError(
      'page-format-mismatch',
      `The pages differ in type: page ${plane} holds ${page.samplesPerPixel}×${dtype} samples but page 0 holds ${p0.samplesPerPixel}×${t.summary.dtype}. Lucid reads stacks whose pages all share one type.`,
    );
  }
  return page;
}

function allocate(voxels: number): Float32Array {
  try {
    return new Float32Array(voxels);
  } catch {
    throw new TiffError('too-large', `There is not enough memory for ${voxels.toLocaleString('en-US')} voxels (${formatBytes(voxels * 4)} as float32).`);
  }
}

async function readPlanes(t: OpenedTiff, sel: PlaneSelection, data: Float32Array, opts: ReadTiffOptions): Promise<RawRange> {
  const range: RawRange = { min: Infinity, max: -Infinity };
  const planeSize = t.summary.dims.x * t.summary.dims.y;
  let lastYield = Date.now();
  for (let k = 0; k < sel.planes.length; k++) {
    throwIfAborted(opts.signal);
    const page = await pageLayout(t, sel.planes[k]);
    const decoder = new PlaneDecoder(t.buffer, page, t.summary.dtype, t.structure.littleEndian);
    await decoder.decode(sel.sample, data.subarray(k * planeSize, (k + 1) * planeSize), range);
    opts.onProgress?.((k + 1) / sel.planes.length, `Reading plane ${k + 1} of ${sel.planes.length}`);
    if (Date.now() - lastYield > YIELD_EVERY_MS) {
      await yieldToEventLoop();
      lastYield = Date.now();
    }
  }
  throwIfAborted(opts.signal);
  return range;
}

export async function readTiff(buffer: ArrayBuffer, opts: ReadTiffOptions = {}): Promise<Volume> {
  throwIfAborted(opts.signal);
  opts.onProgress?.(0, 'Scanning the TIFF structure');
  const tiff = await openTiff(buffer);
  const s = tiff.summary;
  const sel = selectPlanes(s, opts);
  const shape: [number, number, number] = [sel.planes.length, s.dims.y, s.dims.x];
  checkVolumeFits(shape, opts.maxVoxels ?? DEFAULT_MAX_VOXELS);
  const data = allocate(shape[0] * shape[1] * shape[2]);
  const range = await readPlanes(tiff, sel, data, opts);
  return {
    data,
    shape,
    axis: sel.axis,
    voxelSize: { ...s.voxelSize, z: sel.axis === 'z' ? s.voxelSize.z : null },
    dtype: s.dtype,
    rawRange: range.min <= range.max ? [range.min, range.max] : [NaN, NaN],
    metadata: {
      name: opts.name,
      fileDims: { ...s.dims },
      channel: s.dims.c > 1 ? sel.channel : undefined,
      frame: sel.frame,
      frameInterval: s.frameInterval,
      source: s.source,
      extra: s.extra,
      warnings: s.warnings.length > 0 ? s.warnings : undefined,
    },
  };
}
