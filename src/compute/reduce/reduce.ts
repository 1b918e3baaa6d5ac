/**
 * Reductions for host arrays on either backend: the GPU kernels when a context is given, the
 * float64 twins otherwise. GPU-resident data goes to the `…Gpu` functions directly (they also take
 * a GpuArray). See README.md for accuracy and limits.
 */
import type { GpuContext } from '../gpu/context';
import { dotCpu } from './dot.cpu';
import { dotGpu } from './dot.gpu';
import { histogramCpu, type Histogram, type HistogramBins } from './histogram.cpu';
import { histogramGpu } from './histogram.gpu';
import { meanVarianceCpu, minMaxCpu, sumCpu, sumSquaresCpu, type MeanVariance, type MeanVarianceOptions, type MinMax } from './moments.cpu';
import { meanVarianceGpu, minMaxGpu, sumGpu, sumSquaresGpu } from './moments.gpu';
import { reduceTilesCpu, type Shape3, type TileStats } from './reduce-tiles.cpu';
import { reduceTilesGpu } from './reduce-tiles.gpu';
import { tileHistogramCpu, type TileHistograms } from './tile-histogram.cpu';
import { tileHistogramGpu } from './tile-histogram.gpu';

export type { Histogram, HistogramBins, MeanVariance, MinMax, Shape3, TileHistograms, TileStats };
export { ReduceError } from './errors';
export { MAX_HISTOGRAM_BINS, binEdges } from './histogram.cpu';

export async function sum(ctx: GpuContext | null, x: Float32Array): Promise<number> {
  return ctx ? sumGpu(ctx, x) : sumCpu(x);
}

export async function sumSquares(ctx: GpuContext | null, x: Float32Array): Promise<number> {
  return ctx ? sumSquaresGpu(ctx, x) : sumSquaresCpu(x);
}

export async function dot(ctx: GpuContext | null, x: Float32Array, y: Float32Array): Promise<number> {
  return ctx ? dotGpu(ctx, x, y) : dotCpu(x, y);
}

export async function minMax(ctx: GpuContext | null, x: Float32Array): Promise<MinMax> {
  return ctx ? minMaxGpu(ctx, x) : minMaxCpu(x);
}

export async function meanVariance(ctx: GpuContext | null, x: Float32Array, options?: MeanVarianceOptions): Promise<MeanVariance> {
  return ctx ? meanVarianceGpu(ctx, x, options) : meanVarianceCpu(x, options);
}

export async function histogram(ctx: GpuContext | null, x: Float32Array, bins: HistogramBins): Promise<Histogram> {
  return ctx ? histogramGpu(ctx, x, bins) : histogramCpu(x, bins);
}

export async function reduceTiles(ctx: GpuContext | null, x: Float32Array, shape: Shape3, tile: Shape3): Promise<TileStats> {
  return ctx ? reduceTilesGpu(ctx, x, shape, tile) : reduceTilesCpu(x, shape, tile);
}

export async function tileHistogram(ctx: GpuContext | null, x: Float32Array, shape: Shape3, tile: Shape3,
  bins: HistogramBins): Promise<TileHistograms> {
  return ctx ? tileHistogramGpu(ctx, x, shape, tile, bins) : tileHistogramCpu(x, shape, tile, bins);
}
