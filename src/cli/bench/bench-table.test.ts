import { describe, expect, it } from 'vitest';
import { parseArgs } from './args';
import { BenchUsageError, formatTable, makeRow, median, parseSizes, timeMedian } from './bench-table';

describe('bench table', () => {
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

  it('derives GB/s and the scipy ratio', () => {
    const row = makeRow({ name: 'x', size: '1', backend: 'cpu', medianMs: 2, scipyMs: 4 }, 8e6);
    expect(row.gbPerS).toBeCloseTo(4, 12);
    expect(row.ratio).toBe(0.5);
  });

  it('aligns columns: numbers right, text left', () => {
    const text = formatTable([
      { name: 'fftn', size: '64×64×64', backend: 'cpu', medianMs: 12.345, gbPerS: 1.5 },
      { name: 'conv same', size: '8', backend: 'webgpu (x)', medianMs: 1234.5, scipyMs: 100, ratio: 12.345, note: 'n' },
    ]);
    const lines = text.split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^name\s+size\s+backend\s+median ms\s+GB\/s\s+scipy ms\s+ratio\s+note$/);
    const col = lines[0].indexOf('median ms') + 'median ms'.length;
    expect(lines[2].slice(0, col).endsWith('12.3')).toBe(true);
    expect(lines[3].slice(0, col).endsWith('1235')).toBe(true);
    expect(lines[3]).toContain('12.3×');
  });

  it('parses sizes and arguments, refusing bad ones', () => {
    expect(parseSizes('64x64x64,96×112×112,32x48')).toEqual([[64, 64, 64], [96, 112, 112], [1, 32, 48]]);
    expect(() => parseSizes('64x0x4')).toThrow(BenchUsageError);
    expect(parseArgs(['conv', '--backend', 'cpu', '--repeats', '3'])).toEqual({ suites: ['conv'], backends: ['cpu'], repeats: 3 });
    expect(parseArgs(['all']).suites).toEqual(['fft', 'conv', 'reduce', 'model']);
    expect(() => parseArgs([])).toThrow(/name a suite/);
    expect(() => parseArgs(['fft', '--backend', 'gpu'])).toThrow(/cpu, webgpu or all/);
    expect(() => parseArgs(['fft', '--repeats'])).toThrow(/needs a value/);
  });
});
