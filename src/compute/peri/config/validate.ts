/** Readers for JSON values that throw a PeriConfigError naming the field. */
import { PeriConfigError } from './errors';

export type Json = unknown;

function show(v: Json): string {
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

export function fail(field: string, expected: string, got: Json): never {
  throw new PeriConfigError(field, `expected ${expected}, got ${show(got)}`);
}

export function isObject(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function readObject(v: Json, field: string): Record<string, Json> {
  if (!isObject(v)) fail(field, 'an object', v);
  return v;
}

export function readNumber(v: Json, field: string, check?: { min?: number; gt?: number; max?: number }): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(field, 'a finite number', v);
  if (check?.min !== undefined && v < check.min) fail(field, `a number ≥ ${check.min}`, v);
  if (check?.gt !== undefined && v <= check.gt) fail(field, `a number > ${check.gt}`, v);
  if (check?.max !== undefined && v > check.max) fail(field, `a number ≤ ${check.max}`, v);
  return v;
}

export function readInt(v: Json, field: string, min = -Infinity): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min) fail(field, min > -Infinity ? `an integer ≥ ${min}` : 'an integer', v);
  return v;
}

export function readBool(v: Json, field: string): boolean {
  if (typeof v !== 'boolean') fail(field, 'true or false', v);
  return v;
}

export function readString(v: Json, field: string, choices?: readonly string[]): string {
  if (typeof v !== 'string') fail(field, 'a string', v);
  if (choices && !choices.includes(v)) fail(field, `one of ${choices.map((c) => `'${c}'`).join(', ')}`, v);
  return v;
}

export function readNumbers(v: Json, field: string, length?: number): number[] {
  if (!Array.isArray(v)) fail(field, length ? `a list of ${length} numbers` : 'a list of numbers', v);
  if (length !== undefined && v.length !== length) fail(field, `a list of ${length} numbers`, v);
  return v.map((x, i) => readNumber(x, `${field}[${i}]`));
}

export function readInts(v: Json, field: string, min: number, length?: number): number[] {
  if (!Array.isArray(v)) fail(field, length ? `a list of ${length} integers` : 'a list of integers', v);
  if (length !== undefined && v.length !== length) fail(field, `a list of ${length} integers`, v);
  return v.map((x, i) => readInt(x, `${field}[${i}]`, min));
}

/** A list of (z, y, x) rows. */
export function readPositions(v: Json, field: string): [number, number, number][] {
  if (!Array.isArray(v)) fail(field, 'a list of [z, y, x] positions', v);
  return v.map((row, i) => readNumbers(row, `${field}[${i}]`, 3) as [number, number, number]);
}

/** Throws for keys of `obj` not in `allowed`. */
export function checkKeys(obj: Record<string, Json>, allowed: readonly string[], field: string, what: string): void {
  for (const k of Object.keys(obj)) {
    if (!allowed.includes(k)) {
      const prefix = field ? `${field}.${k}` : k;
      throw new PeriConfigError(prefix, `unknown field of ${what}; expected one of ${allowed.join(', ') || '(none)'}`);
    }
  }
}
