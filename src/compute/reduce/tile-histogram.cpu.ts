/**
 * A histogram per tile (sub-box) of a (z, y, x) volume: TypeScript twin of tile-histogram.wgsl.
 * Tiles are those of reduceTiles (from the origin, edge tiles cut); bins those of histogramCpu.
 */
import { binConstants, checkBins, type HistogramBins } from './histogram.cpu';
import { checkTiles, tileGrid, type Shape3 } from './reduce-tiles.cpu';

export interface TileHistograms {
  shape: Shape3;
  tile: Shape3;
  /** Tiles along (z, y, x). */
  grid: Shape3;
  bins: HistogramBins;
  /** bins.count counts per tile, tile after tile in (z, y, x) order. */
  counts: Uint32Array;
  below: Uint32Array;
  above: Uint32Array;
  nan: Uint32Array;
}

export function emptyTileHistograms(shape: Shape3, tile: Shape3, bins: HistogramBins): TileHistograms {
  const grid = tileGrid(shape, tile);
  const tiles = grid[0] * grid[1] * grid[2];
  return {
    shape: [...shape], tile: [...tile], grid, bins: { ...bins },
    counts: new Uint32Array(tiles * bins.count),
    below: new Uint32Array(tiles), above: new Uint32Array(tiles), nan: new Uint32Array(tiles),
  };
}

export function tileHistogramCpu(x: Float32Array, shape: Shape3, tile: Shape3, bins: HistogramBins): TileHistograms {
  checkTiles(x, shape, tile);
  checkBins(bins);
  const out = emptyTileHistograms(shape, tile, bins);
  const { lo, hi, scale } = binConstants(bins);
  const [nz, ny, nx] = shape;
  const [, gy, gx] = out.grid;
  const last = bins.count - 1;
  for (let z = 0; z < nz; z++) {
    for (let y = 0; y < ny; y++) {
      const row = (z * ny + y) * nx;
      const rowTile = (Math.floor(z / tile[0]) * gy + Math.floor(y / tile[1])) * gx;
      for (let xi = 0; xi < nx; xi++) {
        const t = rowTile + Math.floor(xi / tile[2]);
        const v = x[row + xi];
        if (Number.isNaN(v)) out.nan[t]++;
        else if (v < lo) out.below[t]++;
        else if (v > hi) out.above[t]++;
        else out.counts[t * bins.count + Math.min(Math.floor(Math.fround(Math.fround(v - lo) * scale)), last)]++;
      }
    }
  }
  return out;
}
