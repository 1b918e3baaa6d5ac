/**
 * PERI's parameter names, built and parsed: particles `sph-{i}-{z,y,x,a}`, the global `zscale`,
 * fields `{ilm,bkg}-xy-{i}-{j}`, `{ilm,bkg}-z-{k}`, `{ilm,bkg}-{i}-{j}-{k}`, Barnes `{ilm}-b{i}-{j}`,
 * `{ilm}-scale`, `{ilm}-off`, the slab `slab-{zpos,theta,phi}` and the scalar `offset`.
 */
import { PeriParamError } from './errors';

export const PARTICLE_COORDS = ['z', 'y', 'x', 'a'] as const;
export type ParticleCoord = (typeof PARTICLE_COORDS)[number];
export const ZSCALE_PARAM = 'zscale';

function checkIndex(i: number, what: string): void {
  if (!Number.isInteger(i) || i < 0) throw new PeriParamError(`${what} must be a non-negative integer, got ${i}`);
}

export function particleParam(index: number, coord: ParticleCoord, prefix = 'sph'): string {
  checkIndex(index, 'particle index');
  return `${prefix}-${index}-${coord}`;
}

/** `[sph-i-z, sph-i-y, sph-i-x, sph-i-a]` for each index, in order (PERI's `param_particle`). */
export function particleParams(indices: number | readonly number[], prefix = 'sph'): string[] {
  const list = typeof indices === 'number' ? [indices] : indices;
  return list.flatMap((i) => PARTICLE_COORDS.map((c) => particleParam(i, c, prefix)));
}

/** `[sph-i-z, sph-i-y, sph-i-x]` for each index (PERI's `param_particle_pos`). */
export function particlePosParams(indices: number | readonly number[], prefix = 'sph'): string[] {
  const list = typeof indices === 'number' ? [indices] : indices;
  return list.flatMap((i) => (['z', 'y', 'x'] as const).map((c) => particleParam(i, c, prefix)));
}

/** `[sph-i-a]` for each index (PERI's `param_particle_rad`). */
export function particleRadParams(indices: number | readonly number[], prefix = 'sph'): string[] {
  const list = typeof indices === 'number' ? [indices] : indices;
  return list.map((i) => particleParam(i, 'a', prefix));
}

export interface ParsedParticleParam {
  prefix: string;
  index: number;
  coord: ParticleCoord;
}

const PARTICLE_RE = /^(.+)-(\d+)-([zyxa])$/;

/** Parses `sph-13-a` into {prefix 'sph', index 13, coord 'a'}; null for any other name. */
export function parseParticleParam(name: string): ParsedParticleParam | null {
  const m = PARTICLE_RE.exec(name);
  if (!m) return null;
  return { prefix: m[1], index: Number(m[2]), coord: m[3] as ParticleCoord };
}

/** `{c}-xy-{i}-{j}`: i is the x order, j the y order (Polynomial2P1D and relatives). */
export function polyXYParam(category: string, i: number, j: number): string {
  checkIndex(i, 'x order');
  checkIndex(j, 'y order');
  return `${category}-xy-${i}-${j}`;
}

/** `{c}-z-{k}`: the term of order k+1 in z. */
export function polyZParam(category: string, k: number): string {
  checkIndex(k, 'z order');
  return `${category}-z-${k}`;
}

/** `{c}-{i}-{j}-{k}`: the z^i y^j x^k term of Polynomial3D / LegendrePoly3D. */
export function poly3DParam(category: string, i: number, j: number, k: number): string {
  [i, j, k].forEach((v) => checkIndex(v, 'polynomial order'));
  return `${category}-${i}-${j}-${k}`;
}

/** `{c}-b{i}-{j}`: control value j of the Barnes interpolant multiplying P_i(y). */
export function barnesParam(category: string, i: number, j: number): string {
  checkIndex(i, 'Barnes streak');
  checkIndex(j, 'Barnes node');
  return `${category}-b${i}-${j}`;
}

export type FieldParam =
  | { kind: 'xy'; i: number; j: number }
  | { kind: 'z'; k: number }
  | { kind: '3d'; i: number; j: number; k: number }
  | { kind: 'barnes'; i: number; j: number }
  | { kind: 'scale' }
  | { kind: 'off' };

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Parses a field parameter of the given category ('ilm', 'bkg'); null when it is not one. */
export function parseFieldParam(name: string, category: string): FieldParam | null {
  const c = escapeRe(category);
  let m = new RegExp(`^${c}-xy-(\\d+)-(\\d+)$`).exec(name);
  if (m) return { kind: 'xy', i: Number(m[1]), j: Number(m[2]) };
  m = new RegExp(`^${c}-z-(\\d+)$`).exec(name);
  if (m) return { kind: 'z', k: Number(m[1]) };
  m = new RegExp(`^${c}-(\\d+)-(\\d+)-(\\d+)$`).exec(name);
  if (m) return { kind: '3d', i: Number(m[1]), j: Number(m[2]), k: Number(m[3]) };
  m = new RegExp(`^${c}-b(\\d+)-(\\d+)$`).exec(name);
  if (m) return { kind: 'barnes', i: Number(m[1]), j: Number(m[2]) };
  if (name === `${category}-scale`) return { kind: 'scale' };
  if (name === `${category}-off`) return { kind: 'off' };
  return null;
}

export interface SlabParamNames {
  zpos: string;
  theta: string;
  phi: string;
}

export function slabParams(prefix = 'slab'): SlabParamNames {
  return { zpos: `${prefix}-zpos`, theta: `${prefix}-theta`, phi: `${prefix}-phi` };
}
