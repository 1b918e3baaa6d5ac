/**
 * Geometry of the orthogonal views: which volume axes a plane shows, the aspect of anisotropic
 * voxels, and the mapping between screen (CSS px inside a view) and voxel coordinates.
 */
import type { Plane } from '../../compute/engine/types';
import type { VoxelSize } from '../../compute/io/volume';

export type Axis = 'z' | 'y' | 'x';
export type Shape = readonly [number, number, number];

export interface Cursor {
  z: number;
  y: number;
  x: number;
}

/** xy: rows y, cols x, through z; xz: rows z, cols x, through y; yz: rows y, cols z, through x. */
export const PLANE_AXES: Record<Plane, { index: Axis; row: Axis; col: Axis }> = {
  xy: { index: 'z', row: 'y', col: 'x' },
  xz: { index: 'y', row: 'z', col: 'x' },
  yz: { index: 'x', row: 'y', col: 'z' },
};

export function axisLength(shape: Shape, axis: Axis): number {
  return axis === 'z' ? shape[0] : axis === 'y' ? shape[1] : shape[2];
}

export function sliceSize(plane: Plane, shape: Shape): { width: number; height: number } {
  const a = PLANE_AXES[plane];
  return { width: axisLength(shape, a.col), height: axisLength(shape, a.row) };
}

/** Number of slices a plane steps through, and the slice shown for a cursor. */
export function sliceCount(plane: Plane, shape: Shape): number {
  return axisLength(shape, PLANE_AXES[plane].index);
}

export function sliceIndex(plane: Plane, cursor: Cursor): number {
  return cursor[PLANE_AXES[plane].index];
}

function usable(v: number | null): v is number {
  return v !== null && Number.isFinite(v) && v > 0;
}

/**
 * Display size of one voxel step along each axis, relative to x. z is stretched by
 * voxelSize.z / voxelSize.x (the zscale) when both are known; unknown sizes count as 1.
 */
export function axisScales(voxelSize: VoxelSize): Record<Axis, number> {
  const x = voxelSize.x;
  const rel = (v: number | null) => (usable(v) && usable(x) ? v / x : 1);
  return { z: rel(voxelSize.z), y: rel(voxelSize.y), x: 1 };
}

export interface ViewTransform {
  /** Magnification relative to "fit the slice in the view". */
  zoom: number;
  /** Offset of the slice centre from the view centre, CSS px. */
  panX: number;
  panY: number;
}

export const IDENTITY_TRANSFORM: ViewTransform = { zoom: 1, panX: 0, panY: 0 };
export const MIN_ZOOM = 0.1;
export const MAX_ZOOM = 64;
const FIT_MARGIN = 0.94;

export interface Viewport {
  width: number;
  height: number;
}

/** Where the slice lands on screen: top-left corner and the size of one voxel, CSS px. */
export interface Placement {
  ox: number;
  oy: number;
  px: number;
  py: number;
  cols: number;
  rows: number;
}

export interface PlaneFrame {
  plane: Plane;
  shape: Shape;
  scales: Record<Axis, number>;
  viewport: Viewport;
}

/** Screen px per x-voxel at zoom 1: the slice (aspect-corrected) fits the viewport. */
export function fitScale(f: PlaneFrame): number {
  const a = PLANE_AXES[f.plane];
  const { width, height } = sliceSize(f.plane, f.shape);
  const w = width * f.scales[a.col];
  const h = height * f.scales[a.row];
  if (w <= 0 || h <= 0 || f.viewport.width <= 0 || f.viewport.height <= 0) return 1;
  return Math.min(f.viewport.width / w, f.viewport.height / h) * FIT_MARGIN;
}

export function placeSlice(f: PlaneFrame, t: ViewTransform): Placement {
  const a = PLANE_AXES[f.plane];
  const { width: cols, height: rows } = sliceSize(f.plane, f.shape);
  const s = fitScale(f) * t.zoom;
  const px = s * f.scales[a.col];
  const py = s * f.scales[a.row];
  const ox = f.viewport.width / 2 + t.panX - (cols * px) / 2;
  const oy = f.viewport.height / 2 + t.panY - (rows * py) / 2;
  return { ox, oy, px, py, cols, rows };
}

/** Continuous (col, row) coordinates of a screen point; voxel k spans [k, k+1). */
export function screenToSlice(p: Placement, sx: number, sy: number): { col: number; row: number } {
  return { col: (sx - p.ox) / p.px, row: (sy - p.oy) / p.py };
}

/** Screen point at the centre of voxel (col, row). */
export function sliceToScreen(p: Placement, col: number, row: number): { sx: number; sy: number } {
  return { sx: p.ox + (col + 0.5) * p.px, sy: p.oy + (row + 0.5) * p.py };
}

function clampIndex(v: number, n: number): number {
  return Math.min(n - 1, Math.max(0, Math.floor(v)));
}

/** The cursor moved to a point of a plane: its two in-plane axes change, the third stays. */
export function cursorAt(plane: Plane, cursor: Cursor, shape: Shape, col: number, row: number): Cursor {
  const a = PLANE_AXES[plane];
  return {
    ...cursor,
    [a.col]: clampIndex(col, axisLength(shape, a.col)),
    [a.row]: clampIndex(row, axisLength(shape, a.row)),
  };
}

/** The voxel under a screen point, or null outside the slice. */
export function voxelAt(plane: Plane, cursor: Cursor, shape: Shape, p: Placement, sx: number, sy: number): Cursor | null {
  const { col, row } = screenToSlice(p, sx, sy);
  if (col < 0 || row < 0 || col >= p.cols || row >= p.rows) return null;
  return cursorAt(plane, cursor, shape, col, row);
}

export function clampZoom(zoom: number): number {
  return Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
}

/** Zooms by `factor` keeping the slice point under (sx, sy) fixed on screen. */
export function zoomAround(f: PlaneFrame, t: ViewTransform, sx: number, sy: number, factor: number): ViewTransform {
  const zoom = clampZoom(t.zoom * factor);
  const k = zoom / t.zoom;
  const cx = f.viewport.width / 2 + t.panX;
  const cy = f.viewport.height / 2 + t.panY;
  // The slice centre moves away from (sx, sy) by the zoom ratio.
  return { zoom, panX: sx + (cx - sx) * k - f.viewport.width / 2, panY: sy + (cy - sy) * k - f.viewport.height / 2 };
}
