/**
 * Particle exports: JSON (`lucid.peri.particles`, schema in README.md) and CSV with TrackMate's
 * column names. Positions are in pixels of the whole image file (the crop origin added), radii in
 * x pixels; physical units are added when the voxel size is known on all three axes.
 */
import type { VoxelSize } from '../../io/volume';
import type { PeriState } from '../state/state';
import { PeriConfigError } from './errors';
import { FORMAT_VERSION, PARTICLES_FORMAT } from './schema';

export interface ExportedParticle {
  index: number;
  z: number;
  y: number;
  x: number;
  a: number;
  /** Radius > 0 and centre inside the fitted image (PERI's good_particles, inbox). */
  in_image: boolean;
  /** 1-σ error bars (pixels) when known. */
  errors: { z: number | null; y: number | null; x: number | null; a: number | null } | null;
  /** The same in physical units, when the voxel size is known. */
  physical: { z: number; y: number; x: number; a: number } | null;
}

export interface ParticlesExport {
  format: typeof PARTICLES_FORMAT;
  version: number;
  image: {
    path: string | null;
    name: string | null;
    /** Shape (z, y, x) of the whole image file. */
    shape: [number, number, number];
    /** The crop that was fitted, half-open, in file pixels. */
    tile: { l: [number, number, number]; r: [number, number, number] };
    voxel_size: VoxelSize | null;
  };
  units: { position: 'px'; radius: 'px (x pixels)'; physical: string | null };
  zscale: number | null;
  count: number;
  particles: ExportedParticle[];
}

function physicalScale(v: VoxelSize | null | undefined): [number, number, number] | null {
  if (!v || v.z === null || v.y === null || v.x === null) return null;
  return [v.z, v.y, v.x];
}

export function exportParticlesJson(state: PeriState): ParticlesExport {
  const spheres = state.spheres;
  if (!spheres) throw new PeriConfigError('obj', 'this state has no PlatonicSpheresCollection to export');
  const im = state.image;
  const shape = state.ishape.shape;
  const origin = im ? im.tile.l : [0, 0, 0];
  const scale = physicalScale(im?.voxelSize);
  const bars = state.errorBars;
  const prefix = spheres.paramPrefix;
  const bar = (i: number, c: string) => bars.get(`${prefix}-${i}-${c}`) ?? null;
  const pos = spheres.positions();
  const rad = spheres.radii();
  const particles = pos.map((p, i): ExportedParticle => {
    const [z, y, x] = [p[0] + origin[0], p[1] + origin[1], p[2] + origin[2]];
    const errs = { z: bar(i, 'z'), y: bar(i, 'y'), x: bar(i, 'x'), a: bar(i, 'a') };
    return {
      index: i,
      z, y, x,
      a: rad[i],
      in_image: rad[i] > 0 && p.every((v, k) => v > 0 && v < shape[k]),
      errors: Object.values(errs).some((e) => e !== null) ? errs : null,
      physical: scale ? { z: z * scale[0], y: y * scale[1], x: x * scale[2], a: rad[i] * scale[2] } : null,
    };
  });
  return {
    format: PARTICLES_FORMAT,
    version: FORMAT_VERSION,
    image: {
      path: im?.path ?? null,
      name: im?.name ?? null,
      shape: im ? [...im.fullShape] : [...shape],
      tile: { l: [...origin] as [number, number, number], r: [origin[0] + shape[0], origin[1] + shape[1], origin[2] + shape[2]] },
      voxel_size: im?.voxelSize ?? null,
    },
    units: { position: 'px', radius: 'px (x pixels)', physical: scale ? (im?.voxelSize?.unit ?? 'unknown unit') : null },
    zscale: spheres.getValues(['zscale'])[0],
    count: particles.length,
    particles,
  };
}

/** 'µm' → 'UM', 'nm' → 'NM': an ASCII suffix for column names. */
export function unitSuffix(unit: string | null): string {
  const u = (unit ?? 'phys').replace('µ', 'u').replace('μ', 'u').replace(/[^A-Za-z0-9]/g, '');
  return (u || 'PHYS').toUpperCase();
}

const num = (v: number | null) => (v === null ? '' : String(v));

/**
 * CSV: ID, POSITION_X, POSITION_Y, POSITION_Z, RADIUS (pixels), IN_IMAGE, then the error bars
 * (…_ERR, pixels) when known and the physical columns (POSITION_X_UM, … RADIUS_UM) when the
 * voxel size is known.
 */
export function exportParticlesCsv(state: PeriState): string {
  const ex = exportParticlesJson(state);
  const hasErr = ex.particles.some((p) => p.errors !== null);
  const phys = ex.units.physical !== null;
  const u = unitSuffix(ex.units.physical);
  const header = ['ID', 'POSITION_X', 'POSITION_Y', 'POSITION_Z', 'RADIUS', 'IN_IMAGE'];
  if (hasErr) header.push('POSITION_X_ERR', 'POSITION_Y_ERR', 'POSITION_Z_ERR', 'RADIUS_ERR');
  if (phys) header.push(`POSITION_X_${u}`, `POSITION_Y_${u}`, `POSITION_Z_${u}`, `RADIUS_${u}`);
  const rows = ex.particles.map((p) => {
    const row = [String(p.index), num(p.x), num(p.y), num(p.z), num(p.a), p.in_image ? '1' : '0'];
    if (hasErr) row.push(num(p.errors?.x ?? null), num(p.errors?.y ?? null), num(p.errors?.z ?? null), num(p.errors?.a ?? null));
    if (phys) row.push(num(p.physical!.x), num(p.physical!.y), num(p.physical!.z), num(p.physical!.a));
    return row.join(',');
  });
  return [header.join(','), ...rows].join('\n') + '\n';
}
