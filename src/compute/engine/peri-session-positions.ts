/**
 * Initial particle positions from a file, in pixels of the whole image (z, y, x):
 * - JSON: PERI's particle-positions layout `{positions: [[z,y,x],…], radius_guess_px?}`, a bare
 *   `[[z,y,x(,a)],…]`, `{positions_zyx, radii?}`, Lucid's particle export (`lucid.peri.particles`)
 *   or any `{particles: [{z,y,x,a?},…]}`, and PERI's save_as_dict (`sph-{i}-z/y/x/a` keys).
 * - CSV: a header with TrackMate's POSITION_X/Y/Z (+ RADIUS) or z,y,x (+ a / r / radius) columns,
 *   or no header and three or four numbers per line in z, y, x(, a) order.
 * Anything else is refused with the file name and the offending place.
 */
import { EngineError } from './errors';
import type { Vec3 } from './peri-session-types';

export interface ParsedPositions {
  pos: Vec3[];
  /** One radius per particle when the file has them. */
  rad: number[] | null;
  /** A radius the file suggests for all (PERI's radius_guess_px). */
  radiusGuess: number | null;
  format: string;
}

export const MAX_IMPORTED_PARTICLES = 100_000;

function refuse(fileName: string, what: string): never {
  throw new EngineError('invalid-positions', `${fileName}: ${what}`);
}

function finite(v: unknown, fileName: string, where: string): number {
  const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isFinite(n)) refuse(fileName, `${where}: expected a number, got ${JSON.stringify(v)}`);
  return n;
}

function radiusOf(v: unknown, fileName: string, where: string): number {
  const a = finite(v, fileName, where);
  if (a < 0) refuse(fileName, `${where}: a radius must be ≥ 0, got ${a}`);
  return a;
}

function fromRows(rows: unknown, fileName: string, key: string): { pos: Vec3[]; rad: number[] | null } {
  if (!Array.isArray(rows)) refuse(fileName, `"${key}" must be a list of [z, y, x] positions`);
  const pos: Vec3[] = [];
  const rad: number[] = [];
  rows.forEach((row, i) => {
    const where = `${key}[${i}]`;
    if (Array.isArray(row)) {
      if (row.length !== 3 && row.length !== 4) refuse(fileName, `${where}: expected [z, y, x] or [z, y, x, a], got ${row.length} numbers`);
      pos.push([finite(row[0], fileName, where), finite(row[1], fileName, where), finite(row[2], fileName, where)]);
      if (row.length === 4) rad.push(radiusOf(row[3], fileName, where));
    } else if (row && typeof row === 'object') {
      const o = row as Record<string, unknown>;
      pos.push([finite(o.z, fileName, `${where}.z`), finite(o.y, fileName, `${where}.y`), finite(o.x, fileName, `${where}.x`)]);
      const a = o.a ?? o.r ?? o.radius;
      if (a !== undefined) rad.push(radiusOf(a, fileName, `${where}.a`));
    } else {
      refuse(fileName, `${where}: expected [z, y, x] or {z, y, x}, got ${JSON.stringify(row)}`);
    }
  });
  if (rad.length !== 0 && rad.length !== pos.length) refuse(fileName, `radii are given for ${rad.length} of ${pos.length} particles`);
  return { pos, rad: rad.length ? rad : null };
}

function fromSphereKeys(o: Record<string, unknown>, fileName: string): { pos: Vec3[]; rad: number[] | null } {
  const found = new Map<number, Partial<Record<'z' | 'y' | 'x' | 'a', number>>>();
  for (const [k, v] of Object.entries(o)) {
    const m = /^sph-(\d+)-([zyxa])$/.exec(k);
    if (!m) continue;
    const e = found.get(Number(m[1])) ?? {};
    e[m[2] as 'z'] = finite(v, fileName, k);
    found.set(Number(m[1]), e);
  }
  const ids = [...found.keys()].sort((a, b) => a - b);
  const pos: Vec3[] = [];
  const rad: number[] = [];
  for (const i of ids) {
    const e = found.get(i)!;
    if (e.z === undefined || e.y === undefined || e.x === undefined) refuse(fileName, `sph-${i}: needs sph-${i}-z, -y and -x`);
    pos.push([e.z, e.y, e.x]);
    if (e.a !== undefined) rad.push(radiusOf(e.a, fileName, `sph-${i}-a`));
  }
  return { pos, rad: rad.length === pos.length && rad.length ? rad : null };
}

function parseJson(text: string, fileName: string): ParsedPositions {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    refuse(fileName, `not valid JSON (${(e as Error).message})`);
  }
  if (Array.isArray(json)) return { ...fromRows(json, fileName, '(list)'), radiusGuess: null, format: 'list of positions' };
  if (!json || typeof json !== 'object') refuse(fileName, 'expected a JSON object or a list of positions');
  const o = json as Record<string, unknown>;
  const guess = o.radius_guess_px === undefined ? null : radiusOf(o.radius_guess_px, fileName, 'radius_guess_px');
  if ('positions' in o) return { ...fromRows(o.positions, fileName, 'positions'), radiusGuess: guess, format: 'PERI particle positions' };
  if ('positions_zyx' in o) {
    const r = fromRows(o.positions_zyx, fileName, 'positions_zyx');
    const radii = Array.isArray(o.radii) ? o.radii.map((a, i) => radiusOf(a, fileName, `radii[${i}]`)) : null;
    if (radii && radii.length !== r.pos.length) refuse(fileName, `${radii.length} radii for ${r.pos.length} positions`);
    return { pos: r.pos, rad: radii ?? r.rad, radiusGuess: guess, format: 'positions_zyx' };
  }
  if ('particles' in o) return { ...fromRows(o.particles, fileName, 'particles'), radiusGuess: guess, format: o.format === 'lucid.peri.particles' ? 'Lucid particle export' : 'particle list' };
  const keys = fromSphereKeys(o, fileName);
  if (keys.pos.length) return { ...keys, radiusGuess: guess, format: 'PERI parameter dictionary' };
  refuse(fileName, 'found no positions: expected "positions", "positions_zyx", "particles" or sph-{i}-z/y/x keys');
}

const CSV_COLUMNS: Record<'z' | 'y' | 'x' | 'a', string[]> = {
  z: ['position_z', 'z'],
  y: ['position_y', 'y'],
  x: ['position_x', 'x'],
  a: ['radius', 'a', 'r', 'rad'],
};

function parseCsv(text: string, fileName: string): ParsedPositions {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'));
  if (!lines.length) refuse(fileName, 'the file is empty');
  const split = (l: string) => l.split(/[,;\t]/).map((c) => c.trim().replace(/^"|"$/g, ''));
  const head = split(lines[0]).map((c) => c.toLowerCase());
  const hasHeader = head.some((c) => c !== '' && !Number.isFinite(Number(c)));
  let col: Record<'z' | 'y' | 'x' | 'a', number>;
  if (hasHeader) {
    const find = (k: 'z' | 'y' | 'x' | 'a') => head.findIndex((c) => CSV_COLUMNS[k].includes(c));
    col = { z: find('z'), y: find('y'), x: find('x'), a: find('a') };
    const missing = (['z', 'y', 'x'] as const).filter((k) => col[k] < 0);
    if (missing.length) refuse(fileName, `the header has no ${missing.map((k) => CSV_COLUMNS[k].join('/')).join(', ')} column`);
  } else {
    const n = split(lines[0]).length;
    if (n !== 3 && n !== 4) refuse(fileName, `line 1: expected z, y, x(, a) without a header, got ${n} columns`);
    col = { z: 0, y: 1, x: 2, a: n === 4 ? 3 : -1 };
  }
  const pos: Vec3[] = [];
  const rad: number[] = [];
  lines.slice(hasHeader ? 1 : 0).forEach((l, i) => {
    const cells = split(l);
    const where = `line ${i + (hasHeader ? 2 : 1)}`;
    const cell = (k: 'z' | 'y' | 'x') => finite(cells[col[k]], fileName, `${where}, ${k}`);
    pos.push([cell('z'), cell('y'), cell('x')]);
    if (col.a >= 0) rad.push(radiusOf(cells[col.a], fileName, `${where}, radius`));
  });
  return { pos, rad: col.a >= 0 ? rad : null, radiusGuess: null, format: hasHeader ? 'CSV with header' : 'CSV (z, y, x)' };
}

export function parsePositions(text: string, fileName: string): ParsedPositions {
  if (typeof text !== 'string') refuse(fileName, 'the positions file must be text (JSON or CSV)');
  const t = text.trim();
  const parsed = t.startsWith('{') || t.startsWith('[') ? parseJson(t, fileName) : parseCsv(t, fileName);
  if (parsed.pos.length > MAX_IMPORTED_PARTICLES) refuse(fileName, `${parsed.pos.length} particles is more than the ${MAX_IMPORTED_PARTICLES} allowed`);
  return parsed;
}
