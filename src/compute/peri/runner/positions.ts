/**
 * Particle positions for a fit, from text: a JSON list of [z, y, x]; a JSON object with a
 * `positions` (or `positions_zyx`) list and optional `radii` / `radius_guess_px` (PERI's
 * particle_positions.json); Lucid's particle export (`lucid.peri.particles`); or CSV — z, y, x[, a]
 * columns without a header, or a header naming z/y/x[/a|r|radius] or TrackMate's
 * POSITION_Z/Y/X[/RADIUS]. Positions are (z, y, x) in pixels, voxel centres at integers.
 */
import { PeriError } from '../errors';
import type { Vec3 } from '../tile';

export class PositionsFormatError extends PeriError {}

export interface PositionList {
  positions: Vec3[];
  /** One radius per particle, when the file gives them. */
  radii: number[] | null;
  /** A radius for all particles (PERI's radius_guess_px), when the file gives one. */
  radiusGuess: number | null;
}

type Json = unknown;

function isTriple(v: Json): v is Vec3 {
  return Array.isArray(v) && v.length === 3 && v.every((c) => typeof c === 'number' && Number.isFinite(c));
}

function checkRadius(v: Json, what: string, source: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new PositionsFormatError(`${source}: ${what} must be a number ≥ 0, got ${JSON.stringify(v)}`);
  return v;
}

function positionList(list: Json, field: string, source: string): Vec3[] {
  if (!Array.isArray(list)) throw new PositionsFormatError(`${source}: "${field}" must be a list of [z, y, x]`);
  const bad = list.findIndex((p) => !isTriple(p));
  if (bad >= 0) throw new PositionsFormatError(`${source}: ${field}[${bad}] must be [z, y, x] (three finite numbers), got ${JSON.stringify(list[bad])}`);
  return list.map((p) => [...(p as Vec3)] as Vec3);
}

function fromParticleExport(obj: Record<string, Json>, source: string): PositionList {
  const list = obj.particles;
  if (!Array.isArray(list)) throw new PositionsFormatError(`${source}: "particles" must be a list`);
  const positions: Vec3[] = [];
  const radii: number[] = [];
  list.forEach((p, i) => {
    const q = (p ?? {}) as Record<string, Json>;
    const v = [q.z, q.y, q.x];
    if (!isTriple(v)) throw new PositionsFormatError(`${source}: particles[${i}] needs numbers z, y, x`);
    positions.push(v);
    radii.push(checkRadius(q.a, `particles[${i}].a`, source));
  });
  return { positions, radii, radiusGuess: null };
}

function fromJson(json: Json, source: string): PositionList {
  if (Array.isArray(json)) return { positions: positionList(json, 'positions', source), radii: null, radiusGuess: null };
  if (json === null || typeof json !== 'object') throw new PositionsFormatError(`${source}: expected a list of [z, y, x] or an object with "positions"`);
  const obj = json as Record<string, Json>;
  if (obj.format === 'lucid.peri.particles') return fromParticleExport(obj, source);
  const field = 'positions' in obj ? 'positions' : 'positions_zyx' in obj ? 'positions_zyx' : null;
  if (!field) throw new PositionsFormatError(`${source}: the object has no "positions" list (keys: ${Object.keys(obj).slice(0, 6).join(', ') || 'none'})`);
  const positions = positionList(obj[field], field, source);
  let radii: number[] | null = null;
  if (obj.radii !== undefined) {
    if (!Array.isArray(obj.radii) || obj.radii.length !== positions.length) throw new PositionsFormatError(`${source}: "radii" needs one number per position (${positions.length})`);
    radii = obj.radii.map((r, i) => checkRadius(r, `radii[${i}]`, source));
  }
  const guess = obj.radius_guess_px ?? obj.radius;
  return { positions, radii, radiusGuess: guess === undefined ? null : checkRadius(guess, 'radius_guess_px', source) };
}

const COLUMN_NAMES: Record<string, 'z' | 'y' | 'x' | 'a'> = {
  z: 'z', y: 'y', x: 'x', a: 'a', r: 'a', rad: 'a', radius: 'a',
  position_z: 'z', position_y: 'y', position_x: 'x', pos_z: 'z', pos_y: 'y', pos_x: 'x',
};

/** Cells of a CSV line: split on commas, semicolons or tabs if it has any, else on spaces. */
function splitRow(line: string): string[] {
  if (line === '') return [];
  return (/[,;\t]/.test(line) ? line.split(/[,;\t]/) : line.split(/\s+/)).map((c) => c.trim());
}

interface CsvLayout {
  z: number;
  y: number;
  x: number;
  a: number | null;
}

function headerLayout(cells: string[], source: string): CsvLayout {
  const at: Partial<Record<'z' | 'y' | 'x' | 'a', number>> = {};
  cells.forEach((c, i) => {
    const key = COLUMN_NAMES[c.toLowerCase().replace(/^"|"$/g, '')];
    if (key && at[key] === undefined) at[key] = i;
  });
  if (at.z === undefined || at.y === undefined || at.x === undefined) {
    throw new PositionsFormatError(`${source}: the CSV header (${cells.join(', ')}) must name columns z, y and x (or POSITION_Z, POSITION_Y, POSITION_X)`);
  }
  return { z: at.z, y: at.y, x: at.x, a: at.a ?? null };
}

function fromCsv(text: string, source: string): PositionList {
  const rows = text.split(/\r?\n/).map((l, i) => ({ line: i + 1, cells: splitRow(l.trim()) })).filter((r) => r.cells.length && !r.cells[0].startsWith('#'));
  if (!rows.length) throw new PositionsFormatError(`${source}: no positions in the file`);
  const numeric = (c: string) => c !== '' && Number.isFinite(Number(c));
  const hasHeader = !rows[0].cells.every(numeric);
  const ncol = rows[0].cells.length;
  if (!hasHeader && ncol !== 3 && ncol !== 4) throw new PositionsFormatError(`${source}: a CSV without a header needs 3 columns (z, y, x) or 4 (z, y, x, radius), line 1 has ${ncol}`);
  const layout = hasHeader ? headerLayout(rows[0].cells, source) : { z: 0, y: 1, x: 2, a: ncol === 4 ? 3 : null };
  const positions: Vec3[] = [];
  const radii: number[] = [];
  for (const { line, cells } of hasHeader ? rows.slice(1) : rows) {
    const get = (k: number) => {
      const c = cells[k];
      if (c === undefined || !numeric(c)) throw new PositionsFormatError(`${source}, line ${line}: column ${k + 1} must be a number, got ${c === undefined ? 'nothing' : `"${c}"`}`);
      return Number(c);
    };
    positions.push([get(layout.z), get(layout.y), get(layout.x)]);
    if (layout.a !== null) radii.push(checkRadius(get(layout.a), `the radius on line ${line}`, source));
  }
  if (!positions.length) throw new PositionsFormatError(`${source}: the CSV has a header but no rows`);
  return { positions, radii: layout.a !== null ? radii : null, radiusGuess: null };
}

/** Parses a positions file's text; `source` names it in error messages. */
export function parsePositions(text: string, source = 'positions'): PositionList {
  const start = text.trimStart()[0];
  if (start === '[' || start === '{') {
    let json: Json;
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw new PositionsFormatError(`${source}: not valid JSON (${(e as Error).message})`);
    }
    return fromJson(json, source);
  }
  if (start === undefined) throw new PositionsFormatError(`${source}: the file is empty`);
  return fromCsv(text, source);
}

/** Radii for the list: `radius` if given, else the file's radii, else its guess, else `fallback`. */
export function radiiFor(list: PositionList, radius: number | null, fallback = 5): number | number[] {
  if (radius !== null) return radius;
  return list.radii ?? list.radiusGuess ?? fallback;
}
