/** Opening a TIFF: structure walk, page 0 through geotiff, metadata resolution, page size checks. */
import { fromArrayBuffer, getDecoder, type GeoTIFF } from 'geotiff';
import { TiffError } from './tiff-errors';
import { resolveFileLayout, type FileTags } from './tiff-metadata';
import { isImageJDescription } from './imagej';
import { checkPageFormat, compressionName, hasGrayColorMap, loadFileDirectory, readPageLayout, type PageLayout } from './tiff-page';
import { scanTiffStructure, type TiffStructure } from './tiff-structure';
import { buildSummary, type TiffSummary } from './tiff-summary';

export interface OpenedTiff {
  buffer: ArrayBuffer;
  structure: TiffStructure;
  geotiff: GeoTIFF;
  page0: PageLayout;
  summary: TiffSummary;
  /** Page 0 is a palette image whose indices are read as intensities. */
  allowPalette: boolean;
}

function asRational(v: unknown): [number, number] | undefined {
  if (v && (Array.isArray(v) || ArrayBuffer.isView(v)) && (v as ArrayLike<number>).length >= 2) {
    const a = v as ArrayLike<number>;
    return [Number(a[0]), Number(a[1])];
  }
  return undefined;
}

function asText(v: unknown): string | undefined {
  return typeof v === 'string' ? v.replace(/\0+$/, '') : undefined;
}

async function readFileTags(tiff: GeoTIFF): Promise<FileTags> {
  const fd = await loadFileDirectory(tiff, 0);
  const load = (tag: string): Promise<unknown> => fd.loadValue(tag as never);
  const unit = await load('ResolutionUnit');
  return {
    description: asText(await load('ImageDescription')),
    xResolution: asRational(await load('XResolution')),
    yResolution: asRational(await load('YResolution')),
    resolutionUnit: typeof unit === 'number' ? unit : undefined,
    software: asText(await load('Software')),
  };
}

async function checkDecoder(page: PageLayout): Promise<void> {
  try {
    await getDecoder(page.compression, {
      tileWidth: page.blockWidth, tileHeight: page.blockHeight, predictor: 1,
      bitsPerSample: page.bitsPerSample, planarConfiguration: page.planar,
    });
  } catch {
    throw new TiffError('unsupported-compression', `Page ${page.index} uses ${compressionName(page.compression)}, which Lucid cannot decode; save the file uncompressed or with LZW or deflate.`);
  }
}

function checkPageSizes(structure: TiffStructure, planes: number): void {
  const [first] = structure.ifds;
  for (let i = 1; i < Math.min(planes, structure.ifds.length); i++) {
    const p = structure.ifds[i];
    if (p.width !== first.width || p.height !== first.height) {
      throw new TiffError(
        'page-size-mismatch',
        `The pages differ in size: page ${i} is ${p.width}×${p.height} but page 0 is ${first.width}×${first.height}. Lucid reads stacks whose pages all have one size.`,
      );
    }
  }
}

export async function openTiff(buffer: ArrayBuffer): Promise<OpenedTiff> {
  const structure = scanTiffStructure(buffer);
  let geotiff: GeoTIFF;
  try {
    geotiff = await fromArrayBuffer(buffer);
  } catch (e) {
    throw new TiffError('corrupt', `The TIFF file could not be opened: ${(e as Error).message}`);
  }
  const page0 = await readPageLayout(geotiff, 0);
  const tags = await readFileTags(geotiff);
  const allowPalette = page0.photometric === 3 && (isImageJDescription(tags.description) || (await hasGrayColorMap(geotiff, 0)));
  const dtype = checkPageFormat(page0, allowPalette);
  await checkDecoder(page0);
  const file = resolveFileLayout({
    tags,
    pageCount: structure.ifds.length,
    width: page0.width,
    height: page0.height,
    samplesPerPixel: page0.samplesPerPixel,
    uncompressed: page0.compression === 1,
  });
  if (allowPalette) file.warnings.push('The file stores its pixels as indices into a colour table (a display LUT); Lucid reads the indices as intensities.');
  const summary = buildSummary(structure, page0, dtype, file);
  if (file.layout === 'pages') checkPageSizes(structure, summary.planeCount);
  return { buffer, structure, geotiff, page0, summary, allowPalette };
}

/** A cheap scan: dimensions, sample type, metadata and which choices `readTiff` will need. */
export async function inspectTiff(buffer: ArrayBuffer): Promise<TiffSummary> {
  return (await openTiff(buffer)).summary;
}
