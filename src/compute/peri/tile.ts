/**
 * PERI's `Tile`: a half-open box [l, r) of voxel indices in (z, y, x), plus copies of a tile's
 * region in and out of a row-major 3-D array that holds another tile (usually the padded grid).
 * Bounds are integers; like PERI (numpy `astype(int)`), fractional bounds are truncated toward zero.
 */
import { TileError } from './errors';

export type Vec3 = [number, number, number];
export type Vec3Like = number | readonly number[];
export type FloatArray = Float32Array | Float64Array;

function toVec3(a: Vec3Like, what: string): Vec3 {
  const v = typeof a === 'number' ? [a, a, a] : Array.from(a);
  if (v.length !== 3) throw new TileError(`${what} needs 3 values (z, y, x), got ${v.length}`);
  if (!v.every(Number.isFinite)) throw new TileError(`${what} must be finite, got [${v.join(', ')}]`);
  // + 0 turns −0 (from truncating −0.5) into 0.
  return [Math.trunc(v[0]) + 0, Math.trunc(v[1]) + 0, Math.trunc(v[2]) + 0];
}

export interface TileBounds {
  /** Lower limit applied to `left` (PERI's `mins`). */
  mins?: Vec3Like;
  /** Upper limit applied to `right` (PERI's `maxs`). */
  maxs?: Vec3Like;
}

export class Tile {
  readonly l: Vec3;
  readonly r: Vec3;

  /** `new Tile(right)` is [0, right); `new Tile(left, right)` is [left, right). */
  constructor(left: Vec3Like, right?: Vec3Like, bounds: TileBounds = {}) {
    let l = right === undefined ? toVec3(0, 'tile left') : toVec3(left, 'tile left');
    let r = right === undefined ? toVec3(left, 'tile right') : toVec3(right, 'tile right');
    if (bounds.mins !== undefined) {
      const m = toVec3(bounds.mins, 'tile mins');
      l = [Math.max(l[0], m[0]), Math.max(l[1], m[1]), Math.max(l[2], m[2])];
    }
    if (bounds.maxs !== undefined) {
      const m = toVec3(bounds.maxs, 'tile maxs');
      r = [Math.min(r[0], m[0]), Math.min(r[1], m[1]), Math.min(r[2], m[2])];
    }
    this.l = l;
    this.r = r;
  }

  get shape(): Vec3 {
    return [this.r[0] - this.l[0], this.r[1] - this.l[1], this.r[2] - this.l[2]];
  }

  /** Number of voxels; 0 when any side is empty or inverted. */
  get volume(): number {
    const s = this.shape;
    return Math.max(0, s[0]) * Math.max(0, s[1]) * Math.max(0, s[2]);
  }

  get isEmpty(): boolean {
    return this.volume === 0;
  }

  get center(): Vec3 {
    return [(this.l[0] + this.r[0]) / 2, (this.l[1] + this.r[1]) / 2, (this.l[2] + this.r[2]) / 2];
  }

  /** Grows the tile by `n` on both sides of each axis (negative shrinks). */
  pad(n: Vec3Like): Tile {
    const p = toVec3(n, 'tile pad');
    return new Tile(
      [this.l[0] - p[0], this.l[1] - p[1], this.l[2] - p[2]],
      [this.r[0] + p[0], this.r[1] + p[1], this.r[2] + p[2]],
    );
  }

  translate(d: Vec3Like): Tile {
    const t = toVec3(d, 'tile translation');
    return new Tile(
      [this.l[0] + t[0], this.l[1] + t[1], this.l[2] + t[2]],
      [this.r[0] + t[0], this.r[1] + t[1], this.r[2] + t[2]],
    );
  }

  /** Whether the point lies in [l − pad, r + pad) on every axis. */
  contains(point: readonly number[], pad: Vec3Like = 0): boolean {
    const p = typeof pad === 'number' ? [pad, pad, pad] : pad;
    for (let i = 0; i < 3; i++) {
      if (!(point[i] >= this.l[i] - p[i] && point[i] < this.r[i] + p[i])) return false;
    }
    return true;
  }

  /** Whether `other` lies entirely inside this tile. */
  includes(other: Tile): boolean {
    for (let i = 0; i < 3; i++) {
      if (other.l[i] < this.l[i] || other.r[i] > this.r[i]) return false;
    }
    return true;
  }

  equals(other: Tile | null | undefined): boolean {
    if (!other) return false;
    return this.l.every((v, i) => v === other.l[i]) && this.r.every((v, i) => v === other.r[i]);
  }

  /** How far this tile sticks out of `clip` on the left and on the right of each axis. */
  overhang(clip: Tile): { left: Vec3; right: Vec3 } {
    const left = [0, 1, 2].map((i) => Math.max(0, clip.l[i] - this.l[i])) as Vec3;
    const right = [0, 1, 2].map((i) => Math.max(0, this.r[i] - clip.r[i])) as Vec3;
    return { left, right };
  }

  /**
   * PERI's `reflect_overhang`: the tile grown by its overhang on both sides (so a tile cut by one
   * edge of `clip` grows on the other side and keeps its size), both clipped to `clip`.
   * `inner` is this tile ∩ clip; `outer` is the grown tile ∩ clip.
   */
  reflectOverhang(clip: Tile): { inner: Tile; outer: Tile } {
    const { left, right } = this.overhang(clip);
    const grown = this.pad(left).pad(right);
    return { inner: Tile.intersection(clip, this), outer: Tile.intersection(clip, grown) };
  }

  /** Voxel indices along one axis: l, l+1, …, r−1. */
  coords(axis: 0 | 1 | 2): number[] {
    const out: number[] = [];
    for (let v = this.l[axis]; v < this.r[axis]; v++) out.push(v);
    return out;
  }

  toString(): string {
    return `Tile [${this.l.join(', ')}] -> [${this.r.join(', ')}] (${this.shape.join(', ')})`;
  }

  static intersection(...tiles: Tile[]): Tile {
    if (tiles.length === 0) throw new TileError('intersection needs at least one tile');
    const l = [...tiles[0].l] as Vec3;
    const r = [...tiles[0].r] as Vec3;
    for (const t of tiles.slice(1)) {
      for (let i = 0; i < 3; i++) {
        l[i] = Math.max(l[i], t.l[i]);
        r[i] = Math.min(r[i], t.r[i]);
      }
    }
    return new Tile(l, r);
  }

  /** The convex bounding box of the tiles (PERI's `boundingtile`). */
  static boundingTile(...tiles: Tile[]): Tile {
    if (tiles.length === 0) throw new TileError('boundingTile needs at least one tile');
    const l = [...tiles[0].l] as Vec3;
    const r = [...tiles[0].r] as Vec3;
    for (const t of tiles.slice(1)) {
      for (let i = 0; i < 3; i++) {
        l[i] = Math.min(l[i], t.l[i]);
        r[i] = Math.max(r[i], t.r[i]);
      }
    }
    return new Tile(l, r);
  }
}

function checkInside(holder: Tile, tile: Tile, what: string): void {
  if (!holder.includes(tile)) {
    throw new TileError(`${what}: ${tile} is not inside the array's ${holder}`);
  }
}

function checkLength(arr: ArrayLike<number>, tile: Tile, what: string): void {
  if (arr.length !== tile.volume) {
    throw new TileError(`${what}: array has ${arr.length} values but ${tile} holds ${tile.volume}`);
  }
}

/** Calls `row(srcOffset, tileOffset, length)` for every x-row of `tile` inside an array holding `holder`. */
function forEachRow(holder: Tile, tile: Tile, row: (at: number, t: number, n: number) => void): void {
  const [hy, hx] = [holder.shape[1], holder.shape[2]];
  const [tz, ty, tx] = tile.shape;
  for (let z = 0; z < tz; z++) {
    for (let y = 0; y < ty; y++) {
      const at = ((tile.l[0] - holder.l[0] + z) * hy + (tile.l[1] - holder.l[1] + y)) * hx + (tile.l[2] - holder.l[2]);
      row(at, (z * ty + y) * tx, tx);
    }
  }
}

/** Copies the `tile` region of `src` (which holds `holder`) into a new contiguous float32 array. */
export function copyTileOut(src: FloatArray, holder: Tile, tile: Tile): Float32Array {
  checkLength(src, holder, 'copyTileOut source');
  checkInside(holder, tile, 'copyTileOut');
  const out = new Float32Array(tile.volume);
  if (tile.volume === 0) return out;
  forEachRow(holder, tile, (at, t, n) => out.set(src.subarray(at, at + n), t));
  return out;
}

/** Writes `data` (shaped like `tile`) into `dst` (which holds `holder`). */
export function copyTileIn(dst: FloatArray, holder: Tile, tile: Tile, data: ArrayLike<number>): void {
  checkLength(dst, holder, 'copyTileIn destination');
  checkInside(holder, tile, 'copyTileIn');
  checkLength(data, tile, 'copyTileIn data');
  if (tile.volume === 0) return;
  forEachRow(holder, tile, (at, t, n) => {
    for (let i = 0; i < n; i++) dst[at + i] = data[t + i];
  });
}

/** Adds `sign · data` (shaped like `tile`) into `dst` (which holds `holder`). */
export function addTileIn(dst: FloatArray, holder: Tile, tile: Tile, data: ArrayLike<number>, sign = 1): void {
  checkLength(dst, holder, 'addTileIn destination');
  checkInside(holder, tile, 'addTileIn');
  checkLength(data, tile, 'addTileIn data');
  if (tile.volume === 0) return;
  forEachRow(holder, tile, (at, t, n) => {
    for (let i = 0; i < n; i++) dst[at + i] += sign * data[t + i];
  });
}

/**
 * dst[box] = src[box] between two float32 arrays laid out on (possibly different) tiles of the
 * padded grid, a typed-array copy per x-row and no checks: the save / restore copies of exact undo
 * (sphere-undo.ts, state/probe.ts) run for every finite-difference probe.
 */
export function copyBox(src: Float32Array, srcHolder: Tile, dst: Float32Array, dstHolder: Tile, box: Tile): void {
  const [, sy, sx] = srcHolder.shape;
  const [, dy, dx] = dstHolder.shape;
  const [bz, by, bx] = box.shape;
  for (let z = 0; z < bz; z++) {
    for (let y = 0; y < by; y++) {
      const [zz, yy] = [box.l[0] + z, box.l[1] + y];
      const s = ((zz - srcHolder.l[0]) * sy + (yy - srcHolder.l[1])) * sx + (box.l[2] - srcHolder.l[2]);
      const d = ((zz - dstHolder.l[0]) * dy + (yy - dstHolder.l[1])) * dx + (box.l[2] - dstHolder.l[2]);
      dst.set(src.subarray(s, s + bx), d);
    }
  }
}
