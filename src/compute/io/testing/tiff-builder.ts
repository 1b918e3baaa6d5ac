/**
 * Test-only TIFF builder: any sample type, either byte order, BigTIFF, strips or tiles, LZW/deflate/PackBits
 * with predictors, RGB, and the odd files the reader must refuse (palette, 1-bit, complex, mixed sizes).
 */
import { deflateSync } from 'node:zlib';
import type { SourceDtype } from '../volume';
import { encodeTiff, TAG_TYPE, type EncodedPage, type TiffTag } from '../tiff-encode';
import { lzwEncode } from './lzw-encode';
import { packBitsEncode } from './packbits-encode';

export interface BuildPage {
  width: number;
  height: number;
  /** width·height·samplesPerPixel values, pixel-interleaved (row-major). */
  values?: ArrayLike<number>;
  /** Pixel bytes written as they are (one strip), instead of `values`. */
  raw?: Uint8Array;
}

export interface BuildOptions {
  dtype?: SourceDtype;
  littleEndian?: boolean;
  bigTiff?: boolean;
  compression?: 'none' | 'lzw' | 'deflate' | 'packbits';
  predictor?: 1 | 2 | 3;
  samplesPerPixel?: number;
  planar?: 1 | 2;
  photometric?: number;
  rowsPerStrip?: number;
  tile?: [number, number];
  /** ImageDescription of page 0. */
  description?: string;
  resolution?: { x: [number, number]; y: [number, number]; unit: 1 | 2 | 3 };
  bitsPerSample?: number;
  sampleFormat?: number;
  /** Adds a ColorMap (use with photometric 3). */
  colorMap?: boolean;
  /** The ImageJ >4 GB layout: one IFD for page 0, every page's pixels back to back after it. */
  singleIfd?: boolean;
}

const ARRAYS = {
  uint8: Uint8Array, int8: Int8Array, uint16: Uint16Array, int16: Int16Array,
  uint32: Uint32Array, int32: Int32Array, float32: Float32Array, float64: Float64Array,
} as const;
const COMPRESSION = { none: 1, lzw: 5, deflate: 8, packbits: 32773 } as const;

function fileBytes(values: ArrayLike<number>, dtype: SourceDtype, littleEndian: boolean): Uint8Array {
  const typed = ARRAYS[dtype].from(values as ArrayLike<number>);
  const bytes = new Uint8Array(typed.buffer.slice(0));
  const size = typed.BYTES_PER_ELEMENT;
  if (!littleEndian) for (let i = 0; i < bytes.length; i += size) bytes.subarray(i, i + size).reverse();
  return bytes;
}

/** Horizontal differencing of integer samples per row (stride = samples per pixel). */
function predict2(values: ArrayLike<number>, dtype: SourceDtype, rowLength: number, stride: number): ArrayLike<number> {
  const src = ARRAYS[dtype].from(values as ArrayLike<number>);
  const out = ARRAYS[dtype].from(src);
  for (let i = 0; i < src.length; i++) if (i % rowLength >= stride) out[i] = src[i] - src[i - stride];
  return out;
}

/** Floating-point predictor: bytes of each row split into planes, most significant first, then differenced. */
function predict3(rowBytesLE: Uint8Array, size: number, stride: number): Uint8Array {
  const count = rowBytesLE.length / size;
  const out = new Uint8Array(rowBytesLE.length);
  for (let i = 0; i < count; i++) for (let b = 0; b < size; b++) out[b * count + i] = rowBytesLE[i * size + (size - 1 - b)];
  for (let i = out.length - 1; i >= stride; i--) out[i] = (out[i] - out[i - stride]) & 0xff;
  return out;
}

function compress(bytes: Uint8Array, how: BuildOptions['compression']): Uint8Array {
  if (how === 'lzw') return lzwEncode(bytes);
  if (how === 'deflate') return new Uint8Array(deflateSync(bytes));
  if (how === 'packbits') return packBitsEncode(bytes);
  return bytes;
}

interface Grid { bw: number; bh: number; across: number; down: number; tiled: boolean }

function gridOf(page: BuildPage, o: BuildOptions): Grid {
  const [bw, bh] = o.tile ?? [page.width, Math.min(o.rowsPerStrip ?? page.height, page.height)];
  return { bw, bh, across: Math.ceil(page.width / bw), down: Math.ceil(page.height / bh), tiled: !!o.tile };
}

/** Values of one block of one sample plane (spp values per pixel when interleaved), tiles zero-padded. */
function blockValues(page: BuildPage, g: Grid, bx: number, by: number, spp: number, sample: number | null): number[] {
  const values = page.values!;
  const per = sample === null ? spp : 1;
  const rows = g.tiled ? g.bh : Math.min(g.bh, page.height - by * g.bh);
  const out: number[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < g.bw; c++) {
      const y = by * g.bh + r;
      const x = bx * g.bw + c;
      for (let s = 0; s < per; s++) {
        const inside = x < page.width && y < page.height;
        out.push(inside ? values[(y * page.width + x) * spp + (sample ?? s)] : 0);
      }
    }
  }
  return out;
}

function encodeBlock(values: number[], rowLength: number, o: BuildOptions, dtype: SourceDtype, stride: number): Uint8Array {
  const le = o.littleEndian ?? true;
  if (o.predictor === 2) return compress(fileBytes(predict2(values, dtype, rowLength, stride), dtype, le), o.compression);
  if (o.predictor === 3) {
    const size = ARRAYS[dtype].BYTES_PER_ELEMENT;
    const bytesLE = fileBytes(values, dtype, true);
    const rows = values.length / rowLength;
    const out = new Uint8Array(bytesLE.length);
    for (let r = 0; r < rows; r++) {
      const row = bytesLE.subarray(r * rowLength * size, (r + 1) * rowLength * size);
      out.set(predict3(row, size, stride), r * rowLength * size);
    }
    return compress(out, o.compression);
  }
  return compress(fileBytes(values, dtype, le), o.compression);
}

function pageBlocks(page: BuildPage, o: BuildOptions, dtype: SourceDtype): Uint8Array[] {
  if (page.raw) return [page.raw];
  const spp = o.samplesPerPixel ?? 1;
  const g = gridOf(page, o);
  const samples = o.planar === 2 ? Array.from({ length: spp }, (_, s) => s) : [null];
  const blocks: Uint8Array[] = [];
  for (const s of samples) {
    for (let by = 0; by < g.down; by++) {
      for (let bx = 0; bx < g.across; bx++) {
        const stride = s === null ? spp : 1;
        blocks.push(encodeBlock(blockValues(page, g, bx, by, spp, s), g.bw * stride, o, dtype, stride));
      }
    }
  }
  return blocks;
}

function pageTags(page: BuildPage, o: BuildOptions, dtype: SourceDtype, first: boolean): TiffTag[] {
  const { SHORT, LONG, RATIONAL, ASCII } = TAG_TYPE;
  const spp = o.samplesPerPixel ?? 1;
  const bits = o.bitsPerSample ?? ARRAYS[dtype].BYTES_PER_ELEMENT * 8;
  const format = o.sampleFormat ?? (dtype.startsWith('float') ? 3 : dtype.startsWith('int') ? 2 : 1);
  const g = gridOf(page, o);
  const tags: TiffTag[] = [
    { tag: 256, type: LONG, values: [page.width] },
    { tag: 257, type: LONG, values: [page.height] },
    { tag: 258, type: SHORT, values: new Array(spp).fill(bits) },
    { tag: 259, type: SHORT, values: [COMPRESSION[o.compression ?? 'none']] },
    { tag: 262, type: SHORT, values: [o.photometric ?? (spp >= 3 ? 2 : 1)] },
    { tag: 277, type: SHORT, values: [spp] },
    { tag: 284, type: SHORT, values: [o.planar ?? 1] },
    { tag: 339, type: SHORT, values: new Array(spp).fill(format) },
  ];
  if (g.tiled) tags.push({ tag: 322, type: LONG, values: [g.bw] }, { tag: 323, type: LONG, values: [g.bh] });
  else tags.push({ tag: 278, type: LONG, values: [page.raw ? page.height : g.bh] });
  if (o.predictor && o.predictor !== 1) tags.push({ tag: 317, type: SHORT, values: [o.predictor] });
  if (first && o.description !== undefined) tags.push({ tag: 270, type: ASCII, values: o.description });
  if (o.resolution) {
    tags.push({ tag: 282, type: RATIONAL, values: o.resolution.x }, { tag: 283, type: RATIONAL, values: o.resolution.y });
    tags.push({ tag: 296, type: SHORT, values: [o.resolution.unit] });
  }
  if (o.colorMap) tags.push({ tag: 320, type: SHORT, values: Array.from({ length: 3 * 2 ** bits }, (_, i) => (i * 257) & 0xffff) });
  return tags;
}

export function buildTiff(pages: BuildPage[], o: BuildOptions = {}): Uint8Array {
  const dtype = o.dtype ?? 'uint16';
  const encoded: EncodedPage[] = pages.map((p, i) => ({ tags: pageTags(p, o, dtype, i === 0), blocks: pageBlocks(p, o, dtype), tiled: !!o.tile }));
  const options = { littleEndian: o.littleEndian ?? true, bigTiff: o.bigTiff ?? false };
  if (!o.singleIfd) return encodeTiff(encoded, options);
  const rest = encoded.slice(1).flatMap((p) => p.blocks);
  const trailing = new Uint8Array(rest.reduce((n, b) => n + b.length, 0));
  rest.reduce((at, b) => (trailing.set(b, at), at + b.length), 0);
  return encodeTiff([{ ...encoded[0], trailing }], options);
}

/** A fresh ArrayBuffer holding exactly these bytes (what readTiff takes). */
export function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** Deterministic test values: v(i) for i = 0…n-1. */
export function makeValues(n: number, f: (i: number) => number): number[] {
  return Array.from({ length: n }, (_, i) => f(i));
}
