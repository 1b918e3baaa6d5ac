/**
 * Serialises pages into a TIFF file: header, all strip/tile data back to back in page order (ImageJ reads
 * hyperstack planes as one contiguous block), then the IFDs with their out-of-line values.
 */
import { formatBytes } from './limits';
import { TiffError } from './tiff-errors';

export const TAG_TYPE = {
  BYTE: 1, ASCII: 2, SHORT: 3, LONG: 4, RATIONAL: 5, SBYTE: 6, UNDEFINED: 7,
  SSHORT: 8, SLONG: 9, SRATIONAL: 10, FLOAT: 11, DOUBLE: 12, LONG8: 16,
} as const;
export type TagType = (typeof TAG_TYPE)[keyof typeof TAG_TYPE];

const TYPE_SIZE: Record<number, number> = { 1: 1, 2: 1, 3: 2, 4: 4, 5: 8, 6: 1, 7: 1, 8: 2, 9: 4, 10: 8, 11: 4, 12: 8, 16: 8 };

/** A tag's values; rationals are flat [numerator, denominator, …]; ASCII is a string (NUL added). */
export interface TiffTag {
  tag: number;
  type: TagType;
  values: number[] | string;
}

export interface EncodedPage {
  tags: TiffTag[];
  /** Strip or tile data, in order; their offsets and byte counts are added as tags. */
  blocks: Uint8Array[];
  tiled?: boolean;
  /** Bytes written right after this page's blocks and referenced by no tag (ImageJ's >4 GB layout). */
  trailing?: Uint8Array;
}

export interface EncodeOptions {
  littleEndian: boolean;
  bigTiff: boolean;
}

const CLASSIC_LIMIT = 2 ** 32 - 1;

interface Entry {
  tag: number;
  type: number;
  count: number;
  bytes: Uint8Array;
}

function encodeValues(t: TiffTag, le: boolean): Entry {
  if (typeof t.values === 'string') {
    const bytes = new TextEncoder().encode(`${t.values}\0`);
    return { tag: t.tag, type: t.type, count: bytes.length, bytes };
  }
  const size = TYPE_SIZE[t.type];
  const rational = t.type === TAG_TYPE.RATIONAL || t.type === TAG_TYPE.SRATIONAL;
  const itemSize = rational ? 4 : size;
  const bytes = new Uint8Array(t.values.length * itemSize);
  const v = new DataView(bytes.buffer);
  t.values.forEach((x, i) => {
    const at = i * itemSize;
    switch (t.type) {
      case 1: case 7: v.setUint8(at, x); break;
      case 6: v.setInt8(at, x); break;
      case 3: v.setUint16(at, x, le); break;
      case 8: v.setInt16(at, x, le); break;
      case 4: case 5: v.setUint32(at, x, le); break;
      case 9: case 10: v.setInt32(at, x, le); break;
      case 11: v.setFloat32(at, x, le); break;
      case 12: v.setFloat64(at, x, le); break;
      case 16: v.setBigUint64(at, BigInt(x), le); break;
    }
  });
  return { tag: t.tag, type: t.type, count: rational ? t.values.length / 2 : t.values.length, bytes };
}

const align2 = (n: number): number => n + (n & 1);

function pageEntries(page: EncodedPage, offsets: number[], opts: EncodeOptions): Entry[] {
  const offsetType = opts.bigTiff ? TAG_TYPE.LONG8 : TAG_TYPE.LONG;
  const [offTag, countTag] = page.tiled ? [324, 325] : [273, 279];
  const tags: TiffTag[] = [
    ...page.tags.filter((t) => t.tag !== offTag && t.tag !== countTag),
    { tag: offTag, type: offsetType, values: offsets },
    { tag: countTag, type: offsetType, values: page.blocks.map((b) => b.length) },
  ];
  return tags.sort((a, b) => a.tag - b.tag).map((t) => encodeValues(t, opts.littleEndian));
}

export function encodeTiff(pages: EncodedPage[], opts: EncodeOptions): Uint8Array {
  const { bigTiff, littleEndian: le } = opts;
  let pos = bigTiff ? 16 : 8;
  const blockOffsets = pages.map((p) => {
    const offsets = p.blocks.map((b) => ((pos += b.length), pos - b.length));
    pos += p.trailing?.length ?? 0;
    return offsets;
  });
  const inline = bigTiff ? 8 : 4;
  const entrySize = bigTiff ? 20 : 12;
  const layout = pages.map((p, i) => {
    const entries = pageEntries(p, blockOffsets[i], opts);
    pos = align2(pos);
    const ifd = pos;
    pos += (bigTiff ? 16 : 6) + entries.length * entrySize;
    const valueAt = entries.map((e) => (e.bytes.length > inline ? ((pos = align2(pos)), (pos += e.bytes.length), pos - e.bytes.length) : -1));
    return { entries, ifd, valueAt };
  });
  if (!bigTiff && pos > CLASSIC_LIMIT) {
    throw new TiffError('too-large', `The file would be ${formatBytes(pos)}, more than the 4 GiB a classic TIFF can address.`);
  }
  const out = new Uint8Array(pos);
  const v = new DataView(out.buffer);
  const setOffset = (at: number, x: number): void => (bigTiff ? v.setBigUint64(at, BigInt(x), le) : v.setUint32(at, x, le));
  v.setUint16(0, le ? 0x4949 : 0x4d4d, false);
  v.setUint16(2, bigTiff ? 43 : 42, le);
  if (bigTiff) v.setUint16(4, 8, le);
  setOffset(bigTiff ? 8 : 4, layout[0]?.ifd ?? 0);
  pages.forEach((p, i) => {
    p.blocks.forEach((b, j) => out.set(b, blockOffsets[i][j]));
    if (p.trailing) out.set(p.trailing, blockOffsets[i].at(-1)! + p.blocks.at(-1)!.length);
    const { entries, ifd, valueAt } = layout[i];
    if (bigTiff) v.setBigUint64(ifd, BigInt(entries.length), le);
    else v.setUint16(ifd, entries.length, le);
    entries.forEach((e, k) => {
      const at = ifd + (bigTiff ? 8 : 2) + k * entrySize;
      v.setUint16(at, e.tag, le);
      v.setUint16(at + 2, e.type, le);
      if (bigTiff) v.setBigUint64(at + 4, BigInt(e.count), le);
      else v.setUint32(at + 4, e.count, le);
      const valuePos = at + (bigTiff ? 12 : 8);
      if (valueAt[k] < 0) out.set(e.bytes, valuePos);
      else {
        out.set(e.bytes, valueAt[k]);
        setOffset(valuePos, valueAt[k]);
      }
    });
    setOffset(ifd + (bigTiff ? 8 : 2) + entries.length * entrySize, layout[i + 1]?.ifd ?? 0);
  });
  return out;
}
