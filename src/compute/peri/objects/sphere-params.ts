/** Parameter bookkeeping of PlatonicSpheresCollection: parsing `sph-{i}-{c}` / `zscale` and applying values. */
import { PeriParamError } from '../errors';
import { ZSCALE_PARAM, particleParam, particleParams, particlePosParams, particleRadParams, parseParticleParam } from '../params';
import type { Vec3 } from '../tile';

export type SphereParam = 'zscale' | { index: number; coord: 'z' | 'y' | 'x' | 'a' };

const AXIS = { z: 0, y: 1, x: 2 } as const;

/** Parses a parameter of a collection of `n` particles named with `prefix`; throws for any other name. */
export function parseSphereParam(name: string, prefix: string, n: number): SphereParam {
  if (name === ZSCALE_PARAM) return 'zscale';
  const q = parseParticleParam(name);
  if (!q || q.prefix !== prefix || q.index >= n || particleParam(q.index, q.coord, q.prefix) !== name) {
    throw new PeriParamError(`'${name}' is not a parameter of this sphere collection (N=${n}, prefix '${prefix}')`);
  }
  return q;
}

/** The particle indices named by parsed parameters, each once, in first-seen order. */
export function touchedParticles(parsed: readonly SphereParam[]): number[] {
  return [...new Set(parsed.flatMap((q) => (q === 'zscale' ? [] : [q.index])))];
}

export function readParticleValue(q: Exclude<SphereParam, 'zscale'>, pos: readonly Vec3[], rad: readonly number[]): number {
  return q.coord === 'a' ? rad[q.index] : pos[q.index][AXIS[q.coord]];
}

/** Writes particle values into `pos` / `rad` (zscale entries are skipped). */
export function writeParticleValues(parsed: readonly SphereParam[], values: readonly number[], pos: Vec3[], rad: number[]): void {
  parsed.forEach((q, i) => {
    if (q === 'zscale') return;
    if (q.coord === 'a') rad[q.index] = values[i];
    else pos[q.index][AXIS[q.coord]] = values[i];
  });
}

/** The parameter list: z,y,x,a per particle ('particle') or all positions then all radii ('parameter'), then zscale. */
export function sphereParamList(n: number, prefix: string, grouping: 'particle' | 'parameter'): string[] {
  const all = Array.from({ length: n }, (_, i) => i);
  const list = grouping === 'parameter' ? [...particlePosParams(all, prefix), ...particleRadParams(all, prefix)] : particleParams(all, prefix);
  return [...list, ZSCALE_PARAM];
}
