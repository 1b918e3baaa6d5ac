import { describe, expect, it } from 'vitest';
import { makeRow, median, timeMedian } from './bench';

describe('bench helpers', () => {
  it('median of odd and even counts', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('times the median of repeated runs after a warm-up', async () => {
    let calls = 0;
    const ms = await timeMedian(() => { calls++; }, 4, 2);
    expect(calls).toBe(6);
    expect(ms).toBeGreaterThanOrEqual(0);
  });

  it('keeps warming up until both the run count and the time are reached', async () => {
    let calls = 0;
    const t0 = performance.now();
    await timeMedian(() => { calls++; }, 1, { runs: 3, minMs: 20 });
    expect(performance.now() - t0).toBeGreaterThanOrEqual(20);
    expect(calls).toBeGreaterThan(4);
  });

  it('derives GB/s and the scipy ratio', () => {
    const row = makeRow({ name: 'x', size: '1', backend: 'cpu', medianMs: 2, scipyMs: 4 }, 8e6);
    expect(row.gbPerS).toBeCloseTo(4, 12);
    expect(row.ratio).toBe(0.5);
  });
});
