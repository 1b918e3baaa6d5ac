/**
 * Where a sphere cuts a slice view: its cross-section as an ellipse in slice units (voxels). Radii
 * are in x pixels and z pixels are `zscale` x pixels, as in PERI (a sphere spans a/zscale z slices).
 */
import type { Plane } from '../../compute/engine/types';
import { PLANE_AXES, type Axis, type Cursor } from '../render/plane-geometry';

export interface Mark {
  /** Centre, continuous slice coordinates (voxel centres at integers). */
  col: number;
  row: number;
  /** Half-axes along the columns and rows, voxels. */
  rCol: number;
  rRow: number;
}

function isoScale(axis: Axis, zscale: number): number {
  return axis === 'z' ? zscale : 1;
}

/** The cross-section of a sphere (centre in volume pixels, radius a) with the plane through `cursor`. */
export function crossSection(plane: Plane, centre: Cursor, a: number, zscale: number, cursor: Cursor): Mark | null {
  if (!(a > 0) || !(zscale > 0)) return null;
  const ax = PLANE_AXES[plane];
  const d = (cursor[ax.index] - centre[ax.index]) * isoScale(ax.index, zscale);
  if (Math.abs(d) >= a) return null;
  const r = Math.sqrt(a * a - d * d);
  return {
    col: centre[ax.col],
    row: centre[ax.row],
    rCol: r / isoScale(ax.col, zscale),
    rRow: r / isoScale(ax.row, zscale),
  };
}

/** Crop pixels (z, y, x) → volume pixels. */
export function toVolume(p: readonly number[], origin: readonly number[]): Cursor {
  return { z: p[0] + origin[0], y: p[1] + origin[1], x: p[2] + origin[2] };
}

/** Volume pixels → crop pixels (z, y, x). */
export function toCrop(c: Cursor, origin: readonly number[]): [number, number, number] {
  return [c.z - origin[0], c.y - origin[1], c.x - origin[2]];
}
