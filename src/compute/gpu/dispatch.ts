import { GpuError, GpuLimitError } from './errors';

/**
 * Grid [x, y] of at least `count` workgroups with neither side past `maxPerDimension`
 * (maxComputeWorkgroupsPerDimension, 65,535 on most devices). x·y may exceed `count` by less than
 * y, so kernels index linearly as `group = wid.x + wid.y * nwg.x` and skip groups past the end.
 */
export function workgroupGrid(count: number, maxPerDimension: number): [number, number] {
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new GpuError(`Cannot dispatch ${count} workgroups: expected a whole number ≥ 0`);
  }
  if (count <= maxPerDimension) return [count, 1];
  const y = Math.ceil(count / maxPerDimension);
  if (y > maxPerDimension) {
    throw new GpuLimitError(
      'maxComputeWorkgroupsPerDimension²',
      maxPerDimension * maxPerDimension,
      count,
      'A compute dispatch',
      'workgroups',
    );
  }
  return [Math.ceil(count / y), y];
}
