/**
 * Host side of the volume-statistics kernels: pass 1 (moments, min/max, NaN/Inf counts per
 * workgroup, combined here in float64), then pass 2 (histogram over [min, max]).
 */
import type { GpuContext } from '../gpu/context';
import { GpuLimitError } from '../gpu/errors';
import { encodePass } from '../gpu/pass';
import { BufferUsage } from '../gpu/usage';
import momentsWgsl from '../../shaders/reduce/volume-stats-moments.wgsl';
import histogramWgsl from '../../shaders/reduce/volume-stats-histogram.wgsl';
import {
  binning,
  buildVolumeStats,
  resolveBins,
  VolumeStatsError,
  type Binning,
  type VolumeStats,
  type VolumeStatsOptions,
} from './volume-stats.common';
import { finiteMeanAndM2 } from './volume-stats.cpu';
import { MomentsAccumulator, PARTIAL_BYTES } from './volume-stats.partials';

export interface VolumeStatsGpuTuning {
  /** Invocations per workgroup, a power of two (default 64). */
  workgroupSize?: number;
  /** Elements per invocation in pass 1 (default 64) and pass 2 (default 256). */
  momentsItemsPerThread?: number;
  histogramItemsPerThread?: number;
  /** Elements per storage binding (default: as many as the device's limits allow). */
  maxChunkElements?: number;
  /** Histogram in workgroup memory or straight into the global one (default: workgroup if it fits). */
  histogramMode?: 'workgroup' | 'global';
}

export interface VolumeStatsGpuOptions extends VolumeStatsOptions {
  tuning?: VolumeStatsGpuTuning;
}

const MOMENTS_KERNEL = 'reduce/volume-stats-moments';
const HISTOGRAM_KERNEL = 'reduce/volume-stats-histogram';
/** Most elements one workgroup may cover. */
const MAX_WORKGROUP_SPAN = 1 << 24;

interface Plan {
  bins: number;
  workgroupSize: number;
  momentsItems: number;
  histogramItems: number;
  chunkElements: number;
  histogramMode: 'workgroup' | 'global';
}

interface Chunk {
  buffer: GPUBuffer;
  n: number;
}

export async function computeVolumeStatsGpu(
  ctx: GpuContext,
  data: Float32Array,
  options: VolumeStatsGpuOptions = {},
): Promise<VolumeStats> {
  const plan = makePlan(ctx, resolveBins(options.bins), options.tuning ?? {});
  const signal = options.signal;
  signal?.throwIfAborted();
  const moments = new MomentsAccumulator();
  const counts = new Uint32Array(plan.bins);
  if (data.length === 0) return buildVolumeStats(moments.result(), counts);
  const chunks = uploadChunks(ctx, data, plan.chunkElements);
  try {
    for (const chunk of chunks) {
      moments.add(await runMoments(ctx, chunk, plan));
      signal?.throwIfAborted();
    }
    const m = moments.result();
    if (m.count > 0 && !(Number.isFinite(m.mean) && Number.isFinite(m.m2))) {
      Object.assign(m, finiteMeanAndM2(data));
    }
    if (m.count > 0) {
      counts.set(await runHistogram(ctx, chunks, plan, binning(m.min, m.max, plan.bins), signal));
    }
    return buildVolumeStats(m, counts);
  } finally {
    for (const chunk of chunks) chunk.buffer.destroy();
  }
}

function makePlan(ctx: GpuContext, bins: number, t: VolumeStatsGpuTuning): Plan {
  const limits = ctx.limits;
  const workgroupSize = t.workgroupSize ?? 64;
  const maxInvocations = Math.min(limits.maxComputeInvocationsPerWorkgroup, limits.maxComputeWorkgroupSizeX);
  if (!isPowerOfTwo(workgroupSize) || workgroupSize > maxInvocations) {
    throw new VolumeStatsError(
      `Workgroup size must be a power of two up to ${maxInvocations}, got ${workgroupSize}`,
    );
  }
  const maxItems = Math.floor(MAX_WORKGROUP_SPAN / workgroupSize);
  const maxBinding = Math.min(limits.maxStorageBufferBindingSize, limits.maxBufferSize);
  const chunkElements = t.maxChunkElements ?? Math.floor(maxBinding / 4);
  ctx.checkBindingSize(chunkElements * 4, 'One chunk of the volume');
  const fits = bins * 4 <= limits.maxComputeWorkgroupStorageSize;
  const histogramMode = t.histogramMode ?? (fits ? 'workgroup' : 'global');
  if (histogramMode === 'workgroup' && !fits) {
    throw new GpuLimitError('maxComputeWorkgroupStorageSize', limits.maxComputeWorkgroupStorageSize,
      bins * 4, `A workgroup histogram of ${bins} bins`);
  }
  return {
    bins,
    workgroupSize,
    // Kernels index in u32: keep one workgroup's span of elements far below 2^32.
    momentsItems: positiveInteger(t.momentsItemsPerThread ?? 64, 'momentsItemsPerThread', maxItems),
    histogramItems: positiveInteger(t.histogramItemsPerThread ?? 256, 'histogramItemsPerThread', maxItems),
    chunkElements: positiveInteger(chunkElements, 'maxChunkElements', Number.MAX_SAFE_INTEGER),
    histogramMode,
  };
}

function uploadChunks(ctx: GpuContext, data: Float32Array, chunkElements: number): Chunk[] {
  const chunks: Chunk[] = [];
  try {
    for (let start = 0; start < data.length; start += chunkElements) {
      const part = data.subarray(start, Math.min(start + chunkElements, data.length));
      const buffer = ctx.upload(part, BufferUsage.STORAGE | BufferUsage.COPY_DST, 'volume-stats data');
      chunks.push({ buffer, n: part.length });
    }
  } catch (error) {
    for (const chunk of chunks) chunk.buffer.destroy();
    throw error;
  }
  return chunks;
}

async function runMoments(ctx: GpuContext, chunk: Chunk, plan: Plan): Promise<ArrayBuffer> {
  const groups = Math.ceil(chunk.n / (plan.workgroupSize * plan.momentsItems));
  const bytes = groups * PARTIAL_BYTES;
  const usage = BufferUsage.STORAGE | BufferUsage.COPY_SRC;
  const partials = ctx.pool.acquire(bytes, usage, 'volume-stats partials');
  const paramWords = new Uint32Array([chunk.n, plan.momentsItems, groups, 0]);
  const params = ctx.upload(paramWords, BufferUsage.UNIFORM, 'volume-stats moments params');
  try {
    const pipeline = ctx.pipeline(MOMENTS_KERNEL, momentsWgsl, 'main', { WG_SIZE: plan.workgroupSize });
    await ctx.run(MOMENTS_KERNEL, (encoder) => encodePass(ctx, encoder, {
      label: MOMENTS_KERNEL,
      pipeline,
      bindings: [{ buffer: chunk.buffer, size: chunk.n * 4 }, { buffer: partials, size: bytes }, { buffer: params, size: 16 }],
      workgroups: groups,
    }));
    return await ctx.read(partials, bytes);
  } finally {
    ctx.pool.release(partials);
    params.destroy();
  }
}

async function runHistogram(
  ctx: GpuContext,
  chunks: Chunk[],
  plan: Plan,
  b: Binning,
  signal: AbortSignal | undefined,
): Promise<Uint32Array> {
  const bytes = plan.bins * 4;
  const usage = BufferUsage.STORAGE | BufferUsage.COPY_SRC;
  const histogram = ctx.createBuffer(bytes, usage, 'volume-stats histogram');
  const workgroup = plan.histogramMode === 'workgroup';
  const constants: Record<string, number> = workgroup
    ? { WG_SIZE: plan.workgroupSize, BINS: plan.bins }
    : { WG_SIZE: plan.workgroupSize };
  try {
    const entryPoint = workgroup ? 'workgroup_bins' : 'global_bins';
    const pipeline = ctx.pipeline(HISTOGRAM_KERNEL, histogramWgsl, entryPoint, constants);
    for (const chunk of chunks) {
      const groups = Math.ceil(chunk.n / (plan.workgroupSize * plan.histogramItems));
      const paramBytes = histogramParams(chunk.n, plan.histogramItems, groups, b);
      const params = ctx.upload(paramBytes, BufferUsage.UNIFORM, 'volume-stats histogram params');
      try {
        await ctx.run(HISTOGRAM_KERNEL, (encoder) => encodePass(ctx, encoder, {
          label: HISTOGRAM_KERNEL,
          pipeline,
          bindings: [{ buffer: chunk.buffer, size: chunk.n * 4 }, { buffer: histogram, size: bytes }, { buffer: params, size: 32 }],
          workgroups: groups,
        }));
      } finally {
        params.destroy();
      }
      signal?.throwIfAborted();
    }
    return new Uint32Array(await ctx.read(histogram, bytes));
  } finally {
    histogram.destroy();
  }
}

function histogramParams(n: number, items: number, groups: number, b: Binning): Uint8Array {
  const raw = new ArrayBuffer(32);
  new Uint32Array(raw, 0, 4).set([n, items, groups, b.bins]);
  new Float32Array(raw, 16, 3).set([b.k, b.loK, b.scale]);
  return new Uint8Array(raw);
}

function isPowerOfTwo(n: number): boolean {
  return Number.isInteger(n) && n > 0 && (n & (n - 1)) === 0;
}

function positiveInteger(n: number, name: string, max: number): number {
  if (!Number.isInteger(n) || n < 1 || n > max) {
    throw new VolumeStatsError(`${name} must be a whole number from 1 to ${max}, got ${n}`);
  }
  return n;
}
