/**
 * A cheap walk over the IFD chain: byte order, BigTIFF, each page's IFD offset and size. It validates
 * every offset against the file length (truncated files) and stops on loops, before geotiff parses tags.
 */
import { TiffError } from './tiff-errors';

export interface IfdInfo {
  offset: number;
  width: number;
  height: number;
}

export interface TiffStructure {
  littleEndian: boolean;
  bigTiff: boolean;
  byteLength: number;
  ifds: IfdInfo[];
}

const SIGNATURES: [string, number[]][] = [
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a ZIP archive', [0x50, 0x4b, 0x03, 0x04]],
  ['an HDF5 file', [0x89, 0x48, 0x44, 0x46]],
  ['a Zeiss CZI file', [0x5a, 0x49, 0x53, 0x52]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
];

function notTiffMessage(bytes: Uint8Array): string {
  const known = SIGNATURES.find(([, sig]) => sig.every((b, i) => bytes[i] === b));
  const hex = [...bytes.subarray(0, 4)].map((b) => b.toString(16).padStart(2, '0')).join(' ');
  const what = known ? `It looks like ${known[0]}.` : `It starts with the bytes ${hex}.`;
  return `This is not a TIFF file: a TIFF starts with "II*" or "MM*" (bytes 49 49 2a 00 or 4d 4d 00 2a). ${what}`;
}

class Reader {
  constructor(
    private readonly view: DataView,
    private readonly le: boolean,
  ) {}
  u16(at: number): number {
    return this.view.getUint16(at, this.le);
  }
  u32(at: number): number {
    return this.view.getUint32(at, this.le);
  }
  u64(at: number): number {
    return Number(this.view.getBigUint64(at, this.le));
  }
}

function readHeader(buffer: ArrayBuffer): { littleEndian: boolean; bigTiff: boolean; first: number; r: Reader } {
  const n = buffer.byteLength;
  if (n === 0) throw new TiffError('empty', 'The file is empty (0 bytes).');
  const bytes = new Uint8Array(buffer, 0, Math.min(n, 16));
  const order = n >= 2 ? String.fromCharCode(bytes[0], bytes[1]) : '';
  if (order !== 'II' && order !== 'MM') throw new TiffError('not-tiff', notTiffMessage(bytes));
  const littleEndian = order === 'II';
  if (n < 8) throw new TiffError('truncated', `The file is cut off: only ${n} bytes, shorter than a TIFF header.`);
  const r = new Reader(new DataView(buffer), littleEndian);
  const magic = r.u16(2);
  if (magic !== 42 && magic !== 43) throw new TiffError('not-tiff', notTiffMessage(bytes));
  const bigTiff = magic === 43;
  if (bigTiff && n < 16) throw new TiffError('truncated', `The file is cut off: only ${n} bytes, shorter than a BigTIFF header.`);
  if (bigTiff && r.u16(4) !== 8) throw new TiffError('corrupt', 'This BigTIFF file declares an offset size other than 8 bytes.');
  return { littleEndian, bigTiff, first: bigTiff ? r.u64(8) : r.u32(4), r };
}

function dimension(r: Reader, entry: number, bigTiff: boolean): number {
  const type = r.u16(entry + 2);
  const value = entry + (bigTiff ? 12 : 8);
  if (type === 3) return r.u16(value);
  if (type === 4) return r.u32(value);
  if (type === 16 && bigTiff) return r.u64(value);
  return -1;
}

function readIfd(r: Reader, offset: number, page: number, bigTiff: boolean, byteLength: number): IfdInfo & { next: number } {
  const cut = (what: string, end: number): TiffError =>
    new TiffError('truncated', `The file is cut off: ${what} of page ${page} ends at byte ${end}, but the file has only ${byteLength} bytes.`);
  const countSize = bigTiff ? 8 : 2;
  if (offset + countSize > byteLength) throw cut('the image directory', offset + countSize);
  const count = bigTiff ? r.u64(offset) : r.u16(offset);
  const entrySize = bigTiff ? 20 : 12;
  const end = offset + countSize + count * entrySize + (bigTiff ? 8 : 4);
  if (end > byteLength) throw cut('the image directory', end);
  let width = -1;
  let height = -1;
  for (let i = 0; i < count; i++) {
    const entry = offset + countSize + i * entrySize;
    const tag = r.u16(entry);
    if (tag === 256) width = dimension(r, entry, bigTiff);
    else if (tag === 257) height = dimension(r, entry, bigTiff);
  }
  if (width <= 0 || height <= 0) {
    throw new TiffError('corrupt', `Page ${page} of the TIFF file has no valid ImageWidth/ImageLength tags.`);
  }
  const nextAt = end - (bigTiff ? 8 : 4);
  return { offset, width, height, next: bigTiff ? r.u64(nextAt) : r.u32(nextAt) };
}

/** Walks the IFD chain; throws TiffError 'empty' | 'not-tiff' | 'truncated' | 'corrupt'. */
export function scanTiffStructure(buffer: ArrayBuffer, maxPages = 10_000_000): TiffStructure {
  const { littleEndian, bigTiff, first, r } = readHeader(buffer);
  const byteLength = buffer.byteLength;
  if (first === 0) throw new TiffError('corrupt', 'The TIFF header points to no image directory: the file holds no image.');
  const ifds: IfdInfo[] = [];
  const seen = new Map<number, number>();
  let offset = first;
  while (offset !== 0) {
    const earlier = seen.get(offset);
    if (earlier !== undefined) {
      throw new TiffError('corrupt', `The TIFF file is corrupt: the directory after page ${ifds.length - 1} loops back to page ${earlier}.`);
    }
    if (ifds.length >= maxPages) throw new TiffError('corrupt', `The TIFF file has more than ${maxPages} pages.`);
    seen.set(offset, ifds.length);
    const { next, ...ifd } = readIfd(r, offset, ifds.length, bigTiff, byteLength);
    ifds.push(ifd);
    offset = next;
  }
  return { littleEndian, bigTiff, byteLength, ifds };
}
