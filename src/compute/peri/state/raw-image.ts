/**
 * PERI's RawImage: the image a state fits. The raw stack is scaled by the exposure,
 * out = (raw − l)/(u − l) with (l, u) = exposure, default (0, 255) (not min/max: 8-bit data lands
 * in [0, 1], 16-bit data needs an exposure); `invert` maps out → max + min − out over the whole
 * stack; then the crop `tile` (image coordinates) is taken.
 */
import type { VoxelSize } from '../../io/volume';
import { Tile, copyTileOut, type Vec3 } from '../tile';
import { PeriImageError } from './errors';

export const DEFAULT_EXPOSURE: readonly [number, number] = [0, 255];

export interface RawImageSource {
  data: Float32Array;
  shape: readonly [number, number, number];
  voxelSize?: VoxelSize | null;
  metadata?: { name?: string };
}

export interface RawImageOptions {
  /** Crop in image coordinates (default: the whole stack). */
  tile?: Tile | null;
  invert?: boolean;
  /** (l, u): raw values mapped to 0 and 1; default (0, 255). */
  exposure?: readonly [number, number] | null;
  /** Where the image came from, recorded in state files. */
  path?: string | null;
}

/** The image of a state: cropped, scaled data plus what is needed to load it again. */
export interface PeriImage {
  data: Float32Array;
  /** Shape of the crop (z, y, x). */
  shape: Vec3;
  /** The crop inside the full stack. */
  tile: Tile;
  fullShape: Vec3;
  exposure: [number, number];
  invert: boolean;
  path: string | null;
  name: string | null;
  voxelSize: VoxelSize | null;
}

function checkExposure(e: readonly number[]): [number, number] {
  if (e.length !== 2 || !e.every(Number.isFinite) || e[0] === e[1]) {
    throw new PeriImageError(`exposure must be two different finite numbers (low, high), got [${e.join(', ')}]`);
  }
  return [e[0], e[1]];
}

/** PERI's normalize(im, invert, scale=exposure) followed by the crop. */
export function rawImage(src: RawImageSource, opts: RawImageOptions = {}): PeriImage {
  const fullShape = [...src.shape] as Vec3;
  if (fullShape.length !== 3 || !fullShape.every((n) => Number.isInteger(n) && n > 0)) {
    throw new PeriImageError(`image shape must be 3 positive integers (z, y, x), got [${fullShape.join(', ')}]`);
  }
  const full = new Tile(fullShape);
  if (src.data.length !== full.volume) throw new PeriImageError(`image has ${src.data.length} values but its shape ${fullShape.join('×')} holds ${full.volume}`);
  const tile = opts.tile ?? full;
  if (tile.isEmpty || !full.includes(tile)) throw new PeriImageError(`crop ${tile} is empty or not inside the image ${full}`);
  const [l, u] = checkExposure(opts.exposure ?? DEFAULT_EXPOSURE);
  const scaled = new Float32Array(src.data.length);
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < scaled.length; i++) {
    const v = (src.data[i] - l) / (u - l);
    scaled[i] = v;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const invert = opts.invert ?? false;
  if (invert) for (let i = 0; i < scaled.length; i++) scaled[i] = hi + lo - scaled[i];
  const data = tile.equals(full) ? scaled : copyTileOut(scaled, full, tile);
  return {
    data,
    shape: tile.shape,
    tile,
    fullShape,
    exposure: [l, u],
    invert,
    path: opts.path ?? null,
    name: src.metadata?.name ?? null,
    voxelSize: src.voxelSize ?? null,
  };
}
