/** Size limits: what fits in memory as one Float32Array, and what fits in one GPU storage binding. */
import { TiffError } from './tiff-errors';

/** 2 GiB of float32: the largest volume Lucid holds in one Float32Array. */
export const DEFAULT_MAX_VOXELS = 2 ** 29;

export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let u = 0;
  while (value >= 1024 && u < units.length - 1) {
    value /= 1024;
    u++;
  }
  return u === 0 ? `${bytes} bytes` : `${value.toFixed(value < 10 ? 2 : 1)} ${units[u]}`;
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** Throws 'too-large' when a volume of `shape` would not fit in `maxVoxels` float32 values. */
export function checkVolumeFits(shape: readonly number[], maxVoxels = DEFAULT_MAX_VOXELS): void {
  const voxels = shape.reduce((a, b) => a * b, 1);
  if (voxels <= maxVoxels) return;
  throw new TiffError(
    'too-large',
    `The volume is ${shape.join('×')} = ${formatCount(voxels)} voxels (${formatBytes(voxels * 4)} as float32), ` +
      `more than the limit of ${formatCount(maxVoxels)} voxels (${formatBytes(maxVoxels * 4)}). ` +
      'Crop or bin it, or open one channel or time point at a time.',
  );
}

export interface GpuBufferLimits {
  maxStorageBufferBindingSize: number;
  maxBufferSize: number;
}

/** Null when a buffer of `bytes` can be bound as one storage buffer, else a message naming the limit. */
export function checkGpuFit(bytes: number, limits: GpuBufferLimits): string | null {
  const checks: [keyof GpuBufferLimits, number][] = [
    ['maxBufferSize', limits.maxBufferSize],
    ['maxStorageBufferBindingSize', limits.maxStorageBufferBindingSize],
  ];
  const exceeded = checks.filter(([, limit]) => bytes > limit).sort((a, b) => a[1] - b[1])[0];
  if (!exceeded) return null;
  const [name, limit] = exceeded;
  return (
    `The volume needs ${formatBytes(bytes)} (${formatCount(bytes)} bytes) in one GPU buffer, ` +
    `but this GPU's ${name} is ${formatBytes(limit)} (${formatCount(limit)} bytes).`
  );
}
