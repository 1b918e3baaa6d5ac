/**
 * writeTiff: a little-endian classic TIFF with one uncompressed strip per plane, planes contiguous, and an
 * ImageJ hyperstack description in page 0, so ImageJ/Fiji and tifffile open it with spacing and unit.
 */
import type { Volume, VolumeMetadata } from './volume';
import { formatImageJDescription } from './imagej';
import { formatBytes } from './limits';
import { encodeTiff, TAG_TYPE, type EncodedPage, type TiffTag } from './tiff-encode';
import { TiffError } from './tiff-errors';

export type WriteDtype = 'float32' | 'uint8' | 'uint16';

export interface WriteTiffOptions {
  /** Sample type in the file; uint8/uint16 round and clamp the values. Default float32. */
  dtype?: WriteDtype;
  compression?: 'none';
}

export type WritableVolume = Pick<Volume, 'data' | 'shape' | 'axis' | 'voxelSize'> & { metadata?: VolumeMetadata };

const HOST_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const MAX_DENOMINATOR = 2 ** 32 - 1;

/** Best rational approximation p/q of x > 0 with p, q < 2^32 (continued fractions). */
export function toRational(x: number): [number, number] {
  let [p0, p1, q0, q1] = [0, 1, 1, 0];
  let v = x;
  for (let i = 0; i < 64; i++) {
    const a = Math.floor(v);
    const p2 = a * p1 + p0;
    const q2 = a * q1 + q0;
    if (p2 > MAX_DENOMINATOR || q2 > MAX_DENOMINATOR) break;
    [p0, p1, q0, q1] = [p1, p2, q1, q2];
    const frac = v - a;
    if (frac < 1e-12 || Math.abs(p1 / q1 - x) <= x * 1e-15) break;
    v = 1 / frac;
  }
  if (q1 === 0) return [MAX_DENOMINATOR, 1];
  if (p1 === 0) return [1, MAX_DENOMINATOR];
  return [p1, q1];
}

function checkVolume(vol: WritableVolume, opts: WriteTiffOptions): void {
  const { shape, data } = vol;
  if (shape.length !== 3 || !shape.every((n) => Number.isInteger(n) && n > 0)) {
    throw new TiffError('invalid-volume', `Cannot write a volume of shape [${shape.join(', ')}]: every dimension must be a positive integer.`);
  }
  if (data.length !== shape[0] * shape[1] * shape[2]) {
    throw new TiffError('invalid-volume', `Cannot write the volume: its shape ${shape.join('×')} needs ${shape[0] * shape[1] * shape[2]} values but the data has ${data.length}.`);
  }
  if (opts.dtype !== undefined && !['float32', 'uint8', 'uint16'].includes(opts.dtype)) {
    throw new TiffError('invalid-volume', `Cannot write samples of type '${String(opts.dtype)}': choose float32, uint8 or uint16.`);
  }
  if (opts.compression !== undefined && opts.compression !== 'none') {
    throw new TiffError('invalid-volume', `Cannot write '${String(opts.compression)}' compression: the writer writes uncompressed files.`);
  }
  const bytes = data.length * bytesPerSample(opts.dtype ?? 'float32');
  if (bytes > 2 ** 32 - 2 ** 20) {
    throw new TiffError('too-large', `The volume is ${formatBytes(bytes)} as ${opts.dtype ?? 'float32'}, more than a classic TIFF can hold (4 GiB). Save a crop, fewer planes or a smaller sample type.`);
  }
}

function bytesPerSample(dtype: WriteDtype): number {
  return dtype === 'float32' ? 4 : dtype === 'uint16' ? 2 : 1;
}

/** Rounds half up and clamps to [0, max]; NaN becomes 0. */
function convert(data: Float32Array, dtype: WriteDtype): Float32Array | Uint16Array | Uint8Array {
  if (dtype === 'float32') return data;
  const max = dtype === 'uint8' ? 255 : 65535;
  const out = dtype === 'uint8' ? new Uint8Array(data.length) : new Uint16Array(data.length);
  for (let i = 0; i < data.length; i++) {
    const v = Math.round(data[i]);
    out[i] = v > max ? max : v > 0 ? v : 0;
  }
  return out;
}

function finiteRange(a: ArrayLike<number>): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < a.length; i++) {
    const v = a[i];
    if (v < lo && v !== -Infinity) lo = v;
    if (v > hi && v !== Infinity) hi = v;
  }
  return lo <= hi ? [lo, hi] : null;
}

function planeBytes(samples: Float32Array | Uint16Array | Uint8Array, k: number, planeSize: number): Uint8Array {
  const plane = samples.subarray(k * planeSize, (k + 1) * planeSize);
  const bytes = new Uint8Array(plane.buffer, plane.byteOffset, plane.byteLength);
  if (HOST_LITTLE_ENDIAN || plane.BYTES_PER_ELEMENT === 1) return bytes;
  const copy = bytes.slice();
  const n = plane.BYTES_PER_ELEMENT;
  for (let i = 0; i < copy.length; i += n) copy.subarray(i, i + n).reverse();
  return copy;
}

function describe(vol: WritableVolume, range: [number, number] | null): string {
  const n = vol.shape[0];
  const isTime = vol.axis === 't';
  return formatImageJDescription({
    slices: isTime ? 1 : n,
    frames: isTime ? n : 1,
    spacing: isTime ? null : vol.voxelSize.z,
    unit: vol.voxelSize.unit,
    frameInterval: isTime ? vol.metadata?.frameInterval ?? null : null,
    min: range?.[0],
    max: range?.[1],
  });
}

function pageTags(vol: WritableVolume, dtype: WriteDtype, description: string | null): TiffTag[] {
  const [, ny, nx] = vol.shape;
  const { SHORT, LONG, RATIONAL, ASCII } = TAG_TYPE;
  const tags: TiffTag[] = [
    { tag: 254, type: LONG, values: [0] },
    { tag: 256, type: LONG, values: [nx] },
    { tag: 257, type: LONG, values: [ny] },
    { tag: 258, type: SHORT, values: [bytesPerSample(dtype) * 8] },
    { tag: 259, type: SHORT, values: [1] },
    { tag: 262, type: SHORT, values: [1] },
    { tag: 277, type: SHORT, values: [1] },
    { tag: 278, type: LONG, values: [ny] },
    { tag: 296, type: SHORT, values: [1] },
    { tag: 305, type: ASCII, values: 'Lucid' },
    { tag: 339, type: SHORT, values: [dtype === 'float32' ? 3 : 1] },
  ];
  if (description !== null) tags.push({ tag: 270, type: ASCII, values: description });
  const { x, y, unit } = vol.voxelSize;
  if (unit && x != null && x > 0) tags.push({ tag: 282, type: RATIONAL, values: toRational(1 / x) });
  if (unit && y != null && y > 0) tags.push({ tag: 283, type: RATIONAL, values: toRational(1 / y) });
  return tags;
}

/** Encodes the volume as an ImageJ hyperstack TIFF (page order: z or t, one page per plane). */
export function writeTiff(vol: WritableVolume, opts: WriteTiffOptions = {}): Uint8Array {
  checkVolume(vol, opts);
  const dtype = opts.dtype ?? 'float32';
  const samples = convert(vol.data, dtype);
  const description = describe(vol, finiteRange(samples));
  const planeSize = vol.shape[1] * vol.shape[2];
  const pages: EncodedPage[] = Array.from({ length: vol.shape[0] }, (_, k) => ({
    tags: pageTags(vol, dtype, k === 0 ? description : null),
    blocks: [planeBytes(samples, k, planeSize)],
  }));
  return encodeTiff(pages, { littleEndian: true, bigTiff: false });
}
