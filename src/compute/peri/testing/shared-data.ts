/**
 * Test helper: PERI's reference data under ../shared (relative to the repository root, never
 * copied into the project). Tests skip with `SKIP_NO_PERI_DATA` when it is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readTiff } from '../../io';

export const PERI_DATA_DIR = path.resolve(process.cwd(), '../shared/data/peri');

export function hasPeriData(...files: string[]): boolean {
  return files.every((f) => existsSync(path.join(PERI_DATA_DIR, f)));
}

export const SKIP_NO_PERI_DATA = `PERI reference data not found in ${PERI_DATA_DIR} (the shared folder ../shared next to the repository root is absent)`;

export function readPeriJson<T>(file: string): T {
  return JSON.parse(readFileSync(path.join(PERI_DATA_DIR, file), 'utf8')) as T;
}

/** A float TIFF of the reference data as float32 (z, y, x). */
export async function readPeriTiff(file: string): Promise<{ data: Float32Array; shape: [number, number, number] }> {
  const bytes = readFileSync(path.join(PERI_DATA_DIR, file));
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const vol = await readTiff(buffer as ArrayBuffer, { name: file });
  return { data: vol.data, shape: vol.shape };
}

/** max |a − b| over two arrays of the same length. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`length mismatch: ${a.length} vs ${b.length}`);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}
