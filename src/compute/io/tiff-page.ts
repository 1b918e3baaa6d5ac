/** One page's pixel layout, read from its IFD through geotiff, and the checks on what Lucid can decode. */
import type { GeoTIFF } from 'geotiff';
import type { SourceDtype } from './volume';
import { TiffError } from './tiff-errors';

export interface PageLayout {
  index: number;
  width: number;
  height: number;
  samplesPerPixel: number;
  bitsPerSample: number;
  /** TIFF SampleFormat: 1 unsigned, 2 signed, 3 float, 5/6 complex. */
  sampleFormat: number;
  photometric: number;
  /** 1: samples interleaved per pixel; 2: one plane per sample. */
  planar: number;
  compression: number;
  predictor: number;
  tiled: boolean;
  /** Width and height of one strip or tile. */
  blockWidth: number;
  blockHeight: number;
  offsets: number[];
  byteCounts: number[];
}

type FileDirectory = Awaited<ReturnType<GeoTIFF['getImage']>>['fileDirectory'];

export const COMPRESSION_NAMES: Record<number, string> = {
  1: 'none', 5: 'lzw', 7: 'jpeg', 8: 'deflate', 32946: 'deflate', 32773: 'packbits',
  34887: 'lerc', 50000: 'zstd', 50001: 'webp',
};

export const PHOTOMETRIC_NAMES: Record<number, string> = {
  0: 'miniswhite', 1: 'minisblack', 2: 'rgb', 3: 'palette', 4: 'mask', 5: 'separated', 6: 'ycbcr', 8: 'cielab',
};

export function compressionName(code: number): string {
  return COMPRESSION_NAMES[code] ?? `compression ${code}`;
}

async function numberOf(fd: FileDirectory, tag: string, fallback: number): Promise<number> {
  const v: unknown = await fd.loadValue(tag as never);
  if (v === undefined || v === null) return fallback;
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (ArrayLike(v)) return Number(v[0]);
  return fallback;
}

function ArrayLike(v: unknown): v is ArrayLike<number | bigint> {
  return Array.isArray(v) || ArrayBuffer.isView(v);
}

async function numbersOf(fd: FileDirectory, tag: string): Promise<number[]> {
  const v: unknown = await fd.loadValue(tag as never);
  if (v === undefined || v === null) return [];
  if (typeof v === 'number' || typeof v === 'bigint') return [Number(v)];
  return ArrayLike(v) ? Array.from(v, Number) : [];
}

export async function loadFileDirectory(tiff: GeoTIFF, index: number): Promise<FileDirectory> {
  try {
    return (await tiff.getImage(index)).fileDirectory;
  } catch (e) {
    throw new TiffError('corrupt', `Page ${index} of the TIFF file could not be parsed: ${(e as Error).message}`);
  }
}

export async function readPageLayout(tiff: GeoTIFF, index: number): Promise<PageLayout> {
  const fd = await loadFileDirectory(tiff, index);
  const width = await numberOf(fd, 'ImageWidth', 0);
  const height = await numberOf(fd, 'ImageLength', 0);
  const bits = await numbersOf(fd, 'BitsPerSample');
  const formats = await numbersOf(fd, 'SampleFormat');
  const tiled = fd.hasTag('TileOffsets' as never);
  const layout: PageLayout = {
    index, width, height,
    samplesPerPixel: await numberOf(fd, 'SamplesPerPixel', 1),
    bitsPerSample: bits[0] ?? 1,
    sampleFormat: formats[0] ?? 1,
    photometric: await numberOf(fd, 'PhotometricInterpretation', 1),
    planar: await numberOf(fd, 'PlanarConfiguration', 1),
    compression: await numberOf(fd, 'Compression', 1),
    predictor: await numberOf(fd, 'Predictor', 1),
    tiled,
    blockWidth: tiled ? await numberOf(fd, 'TileWidth', width) : width,
    blockHeight: tiled ? await numberOf(fd, 'TileLength', height) : Math.min(await numberOf(fd, 'RowsPerStrip', height), height),
    offsets: await numbersOf(fd, tiled ? 'TileOffsets' : 'StripOffsets'),
    byteCounts: await numbersOf(fd, tiled ? 'TileByteCounts' : 'StripByteCounts'),
  };
  if (bits.some((b) => b !== layout.bitsPerSample) || formats.some((f) => f !== layout.sampleFormat)) {
    throw new TiffError('unsupported-sample-format', `Page ${index} mixes samples of different types; Lucid reads pages whose samples all share one type.`);
  }
  checkBlocks(layout);
  return layout;
}

function checkBlocks(p: PageLayout): void {
  const across = Math.ceil(p.width / p.blockWidth);
  const down = Math.ceil(p.height / p.blockHeight);
  const expected = across * down * (p.planar === 2 ? p.samplesPerPixel : 1);
  if (!(p.blockWidth > 0 && p.blockHeight > 0) || p.offsets.length < expected || p.byteCounts.length < p.offsets.length) {
    const kind = p.tiled ? 'tile' : 'strip';
    throw new TiffError(
      'corrupt',
      `Page ${p.index} of the TIFF file is corrupt: it needs ${expected} ${kind} offsets and byte counts but lists ${p.offsets.length} and ${p.byteCounts.length}.`,
    );
  }
}

export function dtypeOf(sampleFormat: number, bits: number): SourceDtype | null {
  const prefix = sampleFormat === 1 ? 'uint' : sampleFormat === 2 ? 'int' : sampleFormat === 3 ? 'float' : null;
  if (prefix === null) return null;
  const ok = prefix === 'float' ? bits === 32 || bits === 64 : bits === 8 || bits === 16 || bits === 32;
  return ok ? (`${prefix}${bits}` as SourceDtype) : null;
}

function describeSamples(p: PageLayout): string {
  const kind = { 1: 'unsigned integer', 2: 'signed integer', 3: 'floating-point', 4: 'untyped' }[p.sampleFormat] ?? `SampleFormat ${p.sampleFormat}`;
  return `${p.bitsPerSample}-bit ${kind}`;
}

/** A colour table that maps index i to gray level i (up to scale): the indices are intensities. */
export function isGrayColorMap(map: ArrayLike<number>): boolean {
  const n = map.length / 3;
  if (!Number.isInteger(n) || n < 2) return false;
  for (let i = 0; i < n; i++) {
    if (map[i] !== map[n + i] || map[i] !== map[2 * n + i]) return false;
    if (i > 0 && map[i] < map[i - 1]) return false;
  }
  return map[n - 1] > map[0];
}

export async function hasGrayColorMap(tiff: GeoTIFF, index: number): Promise<boolean> {
  const map: unknown = await (await loadFileDirectory(tiff, index)).loadValue('ColorMap' as never);
  return (Array.isArray(map) || ArrayBuffer.isView(map)) && isGrayColorMap(map as ArrayLike<number>);
}

/**
 * Throws a specific TiffError for pages Lucid cannot turn into intensities. `allowPalette`: the palette
 * is a display LUT over intensities (ImageJ files, gray colour tables), so the indices are read as values.
 */
export function checkPageFormat(p: PageLayout, allowPalette = false): SourceDtype {
  const where = `Page ${p.index}`;
  if (p.photometric === 3 && !allowPalette) {
    throw new TiffError('palette', `${where} is a palette (indexed-colour) image: its values index a colour table rather than measure intensity. Convert it to grayscale or RGB first (Fiji: Image › Type › 8-bit or RGB Color).`);
  }
  if (p.bitsPerSample === 1) {
    throw new TiffError('bilevel', `${where} is a 1-bit (black and white) image; Lucid reads 8-, 16-, 32- and 64-bit samples. Convert it to 8-bit first (Fiji: Image › Type › 8-bit).`);
  }
  if (p.sampleFormat === 5 || p.sampleFormat === 6) {
    throw new TiffError('complex', `${where} holds complex numbers (${p.bitsPerSample}-bit complex ${p.sampleFormat === 5 ? 'integer' : 'float'} samples); Lucid reads real-valued intensity images. Save the magnitude or the real part instead.`);
  }
  const dtype = dtypeOf(p.sampleFormat, p.bitsPerSample);
  if (dtype === null) {
    throw new TiffError('unsupported-sample-format', `${where} has ${describeSamples(p)} samples; Lucid reads uint8/16/32, int8/16/32, float32 and float64.`);
  }
  if (![0, 1, 2, 3].includes(p.photometric)) {
    const name = PHOTOMETRIC_NAMES[p.photometric] ?? `PhotometricInterpretation ${p.photometric}`;
    throw new TiffError('unsupported-photometric', `${where} stores colour as ${name}; Lucid reads grayscale and RGB images.`);
  }
  if (p.planar !== 1 && p.planar !== 2) {
    throw new TiffError('corrupt', `${where} has an invalid PlanarConfiguration (${p.planar}).`);
  }
  return dtype;
}
