import { describe, expect, it } from 'vitest';
import { parseArgs } from './args';
import { BenchUsageError, formatTable, parseSizes } from './bench-table';

describe('bench table', () => {
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
