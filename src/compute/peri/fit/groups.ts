/**
 * PERI's particle groups for LMParticleGroupCollection: particles split into boxes of
 * `region_size` over the padded image (image coordinates [−pad, shape + pad)), optionally shifted
 * by half a box (`doshift='rand'`: a coin flip), and the box size search that grows or shrinks it
 * until 8·|update tile|·n_params of the five biggest groups reaches max_mem.
 */
import type { Prng } from '../../util/prng';
import { Tile, type Vec3 } from '../tile';
import { FitInputError } from './errors';
import { particleCount, particleUpdateInner, positions, type FitState } from './state-view';

export type RegionSize = number | readonly number[];

function regionVector(rs: RegionSize): Vec3 {
  const v = typeof rs === 'number' ? [rs, rs, rs] : [...rs];
  if (v.length !== 3 || !v.every((n) => Number.isInteger(n) && n >= 1)) {
    throw new FitInputError(`region_size must be a positive integer or three of them, got ${JSON.stringify(rs)}`);
  }
  return v as Vec3;
}

export interface GroupOptions {
  /** Restrict to a box (image coordinates); default the padded image. */
  bounds?: Tile | null;
  /** Half-box shift: true, false, or 'rand' (a coin flip from rng). */
  doshift?: boolean | 'rand';
  rng?: Prng;
}

/** Lists of particle indices, one per non-empty box, in PERI's box order. */
export function separateParticlesIntoGroups(st: FitState, regionSize: RegionSize = 40, opts: GroupOptions = {}): number[][] {
  const rs = regionVector(regionSize);
  const imtile = st.oshape.translate(-st.pad);
  const bounding = opts.bounds ?? imtile;
  const nTranslate = bounding.shape.map((s, i) => Math.ceil(s / rs[i])) as Vec3;
  let doshift = opts.doshift ?? false;
  if (doshift === 'rand') {
    if (!opts.rng) throw new FitInputError("doshift='rand' needs a seeded random generator");
    doshift = opts.rng.uniform() < 0.5;
  }
  const shift = doshift ? rs.map((r) => Math.floor(r / 2)) : [0, 0, 0];
  if (doshift) for (let i = 0; i < 3; i++) nTranslate[i] += 1;
  let pos = positions(st);
  if (!opts.bounds) {
    pos = pos.map((p) => p.map((v, i) => Math.min(Math.max(v, imtile.l[i] + 1e-3), imtile.r[i] - 1e-3)) as Vec3);
  }
  const groups: number[][] = [];
  // numpy.meshgrid's default 'xy' indexing: the second axis varies slowest.
  for (let j = 0; j < nTranslate[1]; j++) {
    for (let i = 0; i < nTranslate[0]; i++) {
      for (let k = 0; k < nTranslate[2]; k++) {
        const d = [i, j, k];
        const l = bounding.l.map((v, a) => v + d[a] * rs[a] - shift[a]);
        const tile = new Tile(l, l.map((v, a) => v + rs[a]));
        const inside = pos.flatMap((p, n) => (tile.contains(p) ? [n] : []));
        if (inside.length) groups.push(inside);
      }
    }
  }
  return groups;
}

/** Memory (bytes) of J for the five biggest groups' update tiles, float64. */
function groupMemory(st: FitState, rs: Vec3): number {
  const groups = separateParticlesIntoGroups(st, rs);
  const big = [...groups].sort((a, b) => b.length - a.length).slice(0, 5);
  let mem = 0;
  for (const g of big) {
    const names = st.paramParticle(g);
    mem = Math.max(mem, 8 * particleUpdateInner(st, names).volume * names.length);
  }
  return mem;
}

/** PERI's calc_particle_group_region_size. */
export function calcParticleGroupRegionSize(st: FitState, regionSize: RegionSize = 40, maxMem = 1e9): Vec3 {
  let rs = regionVector(regionSize);
  if (particleCount(st) === 0) return rs;
  const im = st.oshape.shape;
  const step = (d: number) => rs.map((r, i) => Math.min(Math.max(r + d, 2), im[i])) as Vec3;
  if (groupMemory(st, rs) > maxMem) {
    while (groupMemory(st, rs) > maxMem && rs.some((r) => r > 2)) rs = step(-1);
  } else {
    while (groupMemory(st, rs) < maxMem && rs.some((r, i) => r < im[i])) rs = step(1);
    rs = rs.map((r) => Math.max(r - 1, 1)) as Vec3;
  }
  return rs;
}
