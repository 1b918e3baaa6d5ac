/**
 * GPU histograms per tile (tile-histogram.wgsl): global atomics, one counter set per tile. The
 * volume and the counters must each fit one storage binding; larger inputs are refused with the
 * limit named (reduce by slabs of z-planes on the host if that is ever needed).
 */
import type { GpuContext } from '../gpu/context';
import { encodePass } from '../gpu/pass';
import src from '../../shaders/reduce/tile-histogram.wgsl';
import { bindingLimits } from '../elementwise/binding-split';
import { refuseBinding, STORAGE_RW, UNIFORM_PARAMS } from '../elementwise/gpu-array';
import { binConstants, checkBins, type HistogramBins } from './histogram.cpu';
import { inputLength, type F32Input, type ReduceGpuOptions } from './pieces.gpu';
import { checkTiles, type Shape3 } from './reduce-tiles.cpu';
import { emptyTileHistograms, type TileHistograms } from './tile-histogram.cpu';

const KERNEL = 'reduce/tile-histogram';
const WG_SIZE = 256;

export async function tileHistogramGpu(ctx: GpuContext, x: F32Input, shape: Shape3, tile: Shape3,
  bins: HistogramBins, options: ReduceGpuOptions = {}): Promise<TileHistograms> {
  checkTiles({ length: inputLength(KERNEL, [x]) }, shape, tile);
  checkBins(bins);
  const out = emptyTileHistograms(shape, tile, bins);
  const tiles = out.below.length;
  const slots = bins.count + 3;
  const limits = bindingLimits(ctx, options.maxBindingBytes);
  if (x.length * 4 > limits.maxStorageBufferBindingSize) refuseBinding(`${KERNEL} (the volume)`, x.length * 4, limits);
  if (tiles * slots * 4 > limits.maxStorageBufferBindingSize) refuseBinding(`${KERNEL} (the counters)`, tiles * slots * 4, limits);

  const pipeline = ctx.pipeline(`${KERNEL}/${bins.count}`, src, 'main', { NBINS: bins.count, NSLOTS: slots });
  const owned: GPUBuffer[] = [];
  const track = (b: GPUBuffer) => (owned.push(b), b);
  try {
    const input = x instanceof Float32Array ? track(ctx.upload(x, STORAGE_RW, `${KERNEL} input`)) : x.buffer;
    const params = track(ctx.upload(new Uint8Array(tileHistogramParams(shape, tile, out.grid, bins)), UNIFORM_PARAMS, `${KERNEL} params`));
    const hist = track(ctx.createBuffer(tiles * slots * 4, STORAGE_RW, `${KERNEL} counts`));
    await ctx.run(KERNEL, (enc) => {
      enc.clearBuffer(hist);
      encodePass(ctx, enc, {
        label: KERNEL,
        pipeline,
        bindings: [{ buffer: params }, { buffer: input, offset: 0, size: x.length * 4 }, { buffer: hist }],
        workgroups: Math.ceil(x.length / WG_SIZE),
      });
    });
    const counts = new Uint32Array(await ctx.read(hist, tiles * slots * 4));
    for (let t = 0; t < tiles; t++) {
      const at = t * slots;
      out.counts.set(counts.subarray(at, at + bins.count), t * bins.count);
      out.below[t] = counts[at + bins.count];
      out.above[t] = counts[at + bins.count + 1];
      out.nan[t] = counts[at + bins.count + 2];
    }
    return out;
  } finally {
    for (const b of owned) b.destroy();
  }
}

function tileHistogramParams(shape: Shape3, tile: Shape3, grid: Shape3, bins: HistogramBins): ArrayBuffer {
  const { lo, hi, scale } = binConstants(bins);
  const raw = new ArrayBuffer(64);
  const u = new Uint32Array(raw);
  u.set([...shape, shape[0] * shape[1] * shape[2]], 0);
  u.set(tile, 4);
  u.set(grid, 8);
  new Float32Array(raw, 48, 3).set([lo, hi, scale]);
  return raw;
}
