/**
 * Moments per tile (sub-box) of a (z, y, x) volume: TypeScript twin of tile-moments.wgsl. Tiles of
 * (tz, ty, tx) voxels start at the origin; edge tiles are cut at the volume's border. Results are
 * in tile order (z, y, x), row-major over `grid`.
 */
import { ReduceError } from './errors';

export type Shape3 = [number, number, number];

export interface TileStats {
  shape: Shape3;
  tile: Shape3;
  /** Tiles along (z, y, x): ceil(shape / tile). */
  grid: Shape3;
  /** Voxels per tile. */
  count: Uint32Array;
  sum: Float64Array;
  sumSquares: Float64Array;
  min: Float32Array;
  max: Float32Array;
}

export function tileGrid(shape: Shape3, tile: Shape3): Shape3 {
  return [0, 1, 2].map((a) => Math.ceil(shape[a] / tile[a])) as Shape3;
}

export function checkTiles(x: { length: number }, shape: readonly number[], tile: readonly number[]): void {
  const ok = (s: readonly number[]) => s.length === 3 && s.every((v) => Number.isInteger(v) && v >= 1);
  if (!ok(shape)) throw new ReduceError(`reduceTiles: shape must be three positive integers (z, y, x), got ${JSON.stringify(shape)}`);
  if (!ok(tile)) throw new ReduceError(`reduceTiles: tile must be three positive integers (tz, ty, tx), got ${JSON.stringify(tile)}`);
  const n = shape[0] * shape[1] * shape[2];
  if (x.length !== n) throw new ReduceError(`reduceTiles: data has ${x.length} values but shape ${shape.join('×')} needs ${n}`);
}

/** Empty result arrays for `grid`, with the voxel count of every tile filled in. */
export function emptyTileStats(shape: Shape3, tile: Shape3): TileStats {
  const grid = tileGrid(shape, tile);
  const tiles = grid[0] * grid[1] * grid[2];
  const count = new Uint32Array(tiles);
  const extent = (a: number, i: number) => Math.min(tile[a], shape[a] - i * tile[a]);
  for (let t = 0; t < tiles; t++) {
    const [iz, iy, ix] = [Math.floor(t / (grid[1] * grid[2])), Math.floor(t / grid[2]) % grid[1], t % grid[2]];
    count[t] = extent(0, iz) * extent(1, iy) * extent(2, ix);
  }
  return {
    shape: [...shape], tile: [...tile], grid, count,
    sum: new Float64Array(tiles), sumSquares: new Float64Array(tiles),
    min: new Float32Array(tiles).fill(Infinity), max: new Float32Array(tiles).fill(-Infinity),
  };
}

export function reduceTilesCpu(x: Float32Array, shape: Shape3, tile: Shape3): TileStats {
  checkTiles(x, shape, tile);
  const out = emptyTileStats(shape, tile);
  const [nz, ny, nx] = shape;
  const [, gy, gx] = out.grid;
  for (let z = 0; z < nz; z++) {
    const rowZ = Math.floor(z / tile[0]) * gy;
    for (let y = 0; y < ny; y++) {
      const rowY = (rowZ + Math.floor(y / tile[1])) * gx;
      const at = (z * ny + y) * nx;
      for (let t0 = 0; t0 < nx; t0 += tile[2]) accumulateRun(x, at + t0, Math.min(nx, t0 + tile[2]) - t0, out, rowY + t0 / tile[2]);
    }
  }
  return out;
}

/** Adds one run of voxels along x (all in tile `t`) in float64. */
function accumulateRun(x: Float32Array, from: number, len: number, out: TileStats, t: number): void {
  let s = 0;
  let q = 0;
  let lo = out.min[t];
  let hi = out.max[t];
  for (let i = from; i < from + len; i++) {
    const v = x[i];
    s += v;
    q += v * v;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  out.sum[t] += s;
  out.sumSquares[t] += q;
  out.min[t] = lo;
  out.max[t] = hi;
}
