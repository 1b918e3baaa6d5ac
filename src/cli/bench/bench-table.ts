/** The aligned table the `npm run bench` suites print, and the parsing of sizes. */
import type { BenchRow } from '../../compute/bench/bench';

const COLUMNS: { title: string; get: (r: BenchRow) => string; right?: boolean }[] = [
  { title: 'name', get: (r) => r.name },
  { title: 'size', get: (r) => r.size },
  { title: 'backend', get: (r) => r.backend },
  { title: 'median ms', get: (r) => fmt(r.medianMs), right: true },
  { title: 'GB/s', get: (r) => fmt(r.gbPerS), right: true },
  { title: 'scipy ms', get: (r) => fmt(r.scipyMs), right: true },
  { title: 'ratio', get: (r) => (r.ratio === undefined ? '' : `${fmt(r.ratio)}×`), right: true },
  { title: 'note', get: (r) => r.note ?? '' },
];

function fmt(v: number | undefined): string {
  if (v === undefined) return '';
  if (!Number.isFinite(v)) return '–';
  if (v === 0) return '0';
  const a = Math.abs(v);
  return a >= 100 ? v.toFixed(0) : a >= 10 ? v.toFixed(1) : a >= 0.1 ? v.toFixed(2) : v.toPrecision(2);
}

/** The rows as an aligned text table (header, rule, one line per row). */
export function formatTable(rows: readonly BenchRow[]): string {
  const cells = rows.map((r) => COLUMNS.map((c) => c.get(r)));
  const widths = COLUMNS.map((c, i) => Math.max(c.title.length, ...cells.map((row) => row[i].length)));
  const line = (vals: string[]) =>
    vals.map((v, i) => (COLUMNS[i].right ? v.padStart(widths[i]) : v.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(COLUMNS.map((c) => c.title)), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

/** Parses "64x64x64,128x128x128" (x or ×) into shapes. */
export function parseSizes(text: string): [number, number, number][] {
  return text.split(',').filter(Boolean).map((s) => {
    const dims = s.trim().split(/[x×]/).map(Number);
    while (dims.length < 3) dims.unshift(1);
    if (dims.length !== 3 || !dims.every((d) => Number.isInteger(d) && d >= 1)) {
      throw new BenchUsageError(`bad size "${s}": expected up to three positive integers like 64x256x256`);
    }
    return dims as [number, number, number];
  });
}

export class BenchUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BenchUsageError';
  }
}
