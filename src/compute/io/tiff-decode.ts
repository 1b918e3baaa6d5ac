/**
 * Decoding one page into a float32 plane: geotiff's decoders decompress strips or tiles; the samples are
 * then viewed as typed arrays (byte-swapped when the file's byte order differs) and copied with
 * TypedArray.set, so uncompressed little-endian data costs one native copy per strip.
 */
import { getDecoder } from 'geotiff';
import type { SourceDtype } from './volume';
import { TiffError } from './tiff-errors';
import type { PageLayout } from './tiff-page';

export type SampleChoice = number | 'luminance';

export interface RawRange {
  min: number;
  max: number;
}

type Samples = Uint8Array | Int8Array | Uint16Array | Int16Array | Uint32Array | Int32Array | Float32Array | Float64Array;

const ARRAYS = {
  uint8: Uint8Array, int8: Int8Array, uint16: Uint16Array, int16: Int16Array,
  uint32: Uint32Array, int32: Int32Array, float32: Float32Array, float64: Float64Array,
} as const;

/** ITU-R BT.601 luma weights. */
const LUMA = [0.299, 0.587, 0.114];

const HOST_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

function swapBytes(b: Uint8Array, size: number): void {
  const n = b.length - (b.length % size);
  if (size === 2) {
    for (let i = 0; i < n; i += 2) {
      const t = b[i];
      b[i] = b[i + 1];
      b[i + 1] = t;
    }
    return;
  }
  for (let i = 0; i < n; i += size) {
    for (let a = i, z = i + size - 1; a < z; a++, z--) {
      const t = b[a];
      b[a] = b[z];
      b[z] = t;
    }
  }
}

/** `count` samples of `dtype` from `bytes` in host byte order: a view when possible, else a copy. */
export function viewSamples(bytes: Uint8Array, count: number, dtype: SourceDtype, littleEndian: boolean): Samples {
  const Ctor = ARRAYS[dtype];
  const size = Ctor.BYTES_PER_ELEMENT;
  const swap = size > 1 && littleEndian !== HOST_LITTLE_ENDIAN;
  if (!swap && bytes.byteOffset % size === 0) return new Ctor(bytes.buffer as ArrayBuffer, bytes.byteOffset, count);
  const copy = bytes.slice(0, count * size);
  if (swap) swapBytes(copy, size);
  return new Ctor(copy.buffer, 0, count);
}

export function accumulateRange(a: ArrayLike<number>, range: RawRange): void {
  let lo = range.min;
  let hi = range.max;
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  range.min = lo;
  range.max = hi;
}

function undoHorizontalPredictor(s: Samples, rowLength: number, rows: number, stride: number): void {
  for (let r = 0; r < rows; r++) {
    const start = r * rowLength;
    for (let i = start + stride; i < start + rowLength; i++) s[i] += s[i - stride];
  }
}

interface Block {
  index: number;
  x0: number;
  y0: number;
  /** Rows stored in the block (tiles are padded; the last strip may be short). */
  storedRows: number;
  validRows: number;
  validCols: number;
}

function blockAt(p: PageLayout, b: number): Block {
  const across = Math.ceil(p.width / p.blockWidth);
  const perPlane = across * Math.ceil(p.height / p.blockHeight);
  const local = b % perPlane;
  const x0 = (local % across) * p.blockWidth;
  const y0 = Math.floor(local / across) * p.blockHeight;
  const validRows = Math.min(p.blockHeight, p.height - y0);
  return { index: b, x0, y0, storedRows: p.tiled ? p.blockHeight : validRows, validRows, validCols: Math.min(p.blockWidth, p.width - x0) };
}

export class PlaneDecoder {
  private readonly perBlockPixel: number;

  constructor(
    private readonly buffer: ArrayBuffer,
    private readonly page: PageLayout,
    private readonly dtype: SourceDtype,
    private readonly littleEndian: boolean,
  ) {
    this.perBlockPixel = page.planar === 2 ? 1 : page.samplesPerPixel;
    if (page.predictor === 2 && dtype.startsWith('float')) {
      throw new TiffError('unsupported-compression', `Page ${page.index} applies the integer horizontal predictor to floating-point samples, which Lucid cannot decode.`);
    }
  }

  private async blockSamples(block: Block): Promise<Samples> {
    const p = this.page;
    const what = `${p.tiled ? 'tile' : 'strip'} ${block.index} of page ${p.index}`;
    const offset = p.offsets[block.index];
    const count = p.byteCounts[block.index];
    if (offset + count > this.buffer.byteLength) {
      throw new TiffError('truncated', `The file is cut off: ${what} ends at byte ${offset + count}, but the file has only ${this.buffer.byteLength} bytes.`);
    }
    let bytes: Uint8Array = new Uint8Array(this.buffer, offset, count);
    const compressed = p.compression !== 1;
    if (compressed) bytes = await this.decompress(bytes, what);
    const values = block.storedRows * p.blockWidth * this.perBlockPixel;
    const size = ARRAYS[this.dtype].BYTES_PER_ELEMENT;
    if (bytes.length < values * size) {
      throw new TiffError(compressed ? 'corrupt' : 'truncated', `The ${what} holds ${bytes.length} bytes of pixels; ${values * size} were expected.`);
    }
    // geotiff undoes the floating-point predictor into host byte order.
    const le = compressed && p.predictor === 3 ? HOST_LITTLE_ENDIAN : this.littleEndian;
    const samples = viewSamples(bytes, values, this.dtype, le);
    if (compressed && p.predictor === 2) undoHorizontalPredictor(samples, p.blockWidth * this.perBlockPixel, block.storedRows, this.perBlockPixel);
    return samples;
  }

  private async decompress(bytes: Uint8Array, what: string): Promise<Uint8Array> {
    const p = this.page;
    try {
      const decoder = await getDecoder(p.compression, {
        tileWidth: p.blockWidth, tileHeight: p.blockHeight, planarConfiguration: p.planar,
        bitsPerSample: new Array(this.perBlockPixel).fill(p.bitsPerSample),
        predictor: p.predictor === 3 ? 3 : 1,
      });
      return new Uint8Array(await decoder.decode(bytes.slice().buffer));
    } catch (e) {
      throw new TiffError('corrupt', `The ${what} could not be decompressed (${(e as Error).message}).`);
    }
  }

  /** Decodes the page into `out` (width·height floats, zero-filled for luminance) and widens `range`. */
  async decode(sample: SampleChoice, out: Float32Array, range: RawRange): Promise<void> {
    const p = this.page;
    const perPlane = Math.ceil(p.width / p.blockWidth) * Math.ceil(p.height / p.blockHeight);
    const samples = sample === 'luminance' ? [0, 1, 2] : [sample];
    const planes = p.planar === 2 ? samples : [0];
    for (const plane of planes) {
      for (let b = 0; b < perPlane; b++) {
        const block = blockAt(p, plane * perPlane + b);
        const data = await this.blockSamples(block);
        if (p.samplesPerPixel === 1) this.place(block, data, out, range);
        else if (p.planar === 2) this.placeWeighted(block, data, out, sample === 'luminance' ? LUMA[plane] : 1);
        else this.placeInterleaved(block, data, out, sample);
      }
    }
    if (p.samplesPerPixel > 1) accumulateRange(out, range);
  }

  private place(block: Block, data: Samples, out: Float32Array, range: RawRange): void {
    const { width, blockWidth } = this.page;
    if (blockWidth === width) {
      const rows = data.subarray(0, block.validRows * width);
      out.set(rows, block.y0 * width);
      accumulateRange(rows, range);
      return;
    }
    for (let r = 0; r < block.validRows; r++) {
      const row = data.subarray(r * blockWidth, r * blockWidth + block.validCols);
      out.set(row, (block.y0 + r) * width + block.x0);
      accumulateRange(row, range);
    }
  }

  private placeWeighted(block: Block, data: Samples, out: Float32Array, weight: number): void {
    const { width, blockWidth } = this.page;
    for (let r = 0; r < block.validRows; r++) {
      const o = (block.y0 + r) * width + block.x0;
      for (let x = 0; x < block.validCols; x++) out[o + x] += weight * data[r * blockWidth + x];
    }
  }

  private placeInterleaved(block: Block, data: Samples, out: Float32Array, sample: SampleChoice): void {
    const { width, blockWidth, samplesPerPixel: spp } = this.page;
    for (let r = 0; r < block.validRows; r++) {
      const o = (block.y0 + r) * width + block.x0;
      for (let x = 0; x < block.validCols; x++) {
        const i = (r * blockWidth + x) * spp;
        out[o + x] = sample === 'luminance' ? LUMA[0] * data[i] + LUMA[1] * data[i + 1] + LUMA[2] * data[i + 2] : data[i + sample];
      }
    }
  }
}
