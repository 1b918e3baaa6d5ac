/**
 * Volume statistics for the viewer: exact min/max, mean, std, NaN/Inf counts and a histogram
 * with percentiles. Runs the WGSL kernels when a GPU context is given, else the TypeScript twin.
 * Device-loss recovery is the caller's (see withDeviceRecovery in ../gpu/recovery).
 */
import type { GpuContext } from '../gpu/context';
import { computeVolumeStatsCpu } from './volume-stats.cpu';
import { computeVolumeStatsGpu, type VolumeStatsGpuOptions } from './volume-stats.gpu';
import type { VolumeStats } from './volume-stats.common';

export type { VolumeHistogram, VolumeStats, VolumeStatsOptions } from './volume-stats.common';
export { VolumeStatsError, DEFAULT_BINS, MAX_BINS } from './volume-stats.common';
export type { VolumeStatsGpuOptions, VolumeStatsGpuTuning } from './volume-stats.gpu';

export function computeVolumeStats(
  ctx: GpuContext | null,
  data: Float32Array,
  options: VolumeStatsGpuOptions = {},
): Promise<VolumeStats> {
  return ctx ? computeVolumeStatsGpu(ctx, data, options) : computeVolumeStatsCpu(data, options);
}
