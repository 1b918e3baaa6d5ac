import { describe, expect, it } from 'vitest';
import { workgroupGrid } from './dispatch';
import { GpuError, GpuLimitError } from './errors';

describe('workgroupGrid', () => {
  it('keeps 1-D dispatches up to the per-dimension limit', () => {
    expect(workgroupGrid(0, 65535)).toEqual([0, 1]);
    expect(workgroupGrid(1, 65535)).toEqual([1, 1]);
    expect(workgroupGrid(65535, 65535)).toEqual([65535, 1]);
  });

  it('folds larger counts into a 2-D grid covering every group with < y spare', () => {
    for (const count of [65536, 65537, 131070, 131071, 1_000_003, 65535 * 65535]) {
      const [x, y] = workgroupGrid(count, 65535);
      expect(x).toBeLessThanOrEqual(65535);
      expect(y).toBeLessThanOrEqual(65535);
      expect(x * y).toBeGreaterThanOrEqual(count);
      expect(x * y - count).toBeLessThan(y);
    }
    expect(workgroupGrid(65536, 65535)).toEqual([32768, 2]);
  });

  it('works with small limits', () => {
    expect(workgroupGrid(4, 3)).toEqual([2, 2]);
    expect(workgroupGrid(7, 3)).toEqual([3, 3]);
    expect(workgroupGrid(9, 3)).toEqual([3, 3]);
  });

  it('rejects counts past the square of the limit and invalid counts', () => {
    expect(() => workgroupGrid(10, 3)).toThrow(GpuLimitError);
    expect(() => workgroupGrid(65535 * 65535 + 1, 65535)).toThrow(/maxComputeWorkgroupsPerDimension/);
    expect(() => workgroupGrid(-1, 65535)).toThrow(GpuError);
    expect(() => workgroupGrid(1.5, 65535)).toThrow(/whole number/);
  });
});
