/** Orthogonal sections and voxel readout of a host-side volume. */
import type { Volume } from '../io/volume';
import { EngineError } from './errors';
import { PLANES, type Plane, type Slice } from './types';

/** Number of sections a volume has through `plane` (the length of the axis normal to it). */
export function sliceCount(shape: readonly [number, number, number], plane: Plane): number {
  const [n0, ny, nx] = shape;
  return plane === 'xy' ? n0 : plane === 'xz' ? ny : nx;
}

function checkIndex(value: number, size: number, what: string): void {
  if (!Number.isInteger(value) || value < 0 || value >= size) {
    throw new EngineError('out-of-range', `${what} ${value} is outside 0…${size - 1}.`);
  }
}

/**
 * Copies one section out of the volume.
 * xy at z=index: rows y, cols x. xz at y=index: rows z, cols x. yz at x=index: rows y, cols z.
 */
export function extractSlice(volume: Pick<Volume, 'data' | 'shape'>, plane: Plane, index: number): Slice {
  if (!PLANES.includes(plane)) {
    throw new EngineError('invalid-request', `Unknown plane "${String(plane)}": use xy, xz or yz.`);
  }
  const [n0, ny, nx] = volume.shape;
  checkIndex(index, sliceCount(volume.shape, plane), `${plane} slice index`);
  const src = volume.data;
  if (plane === 'xy') {
    const start = index * ny * nx;
    return { width: nx, height: ny, data: src.slice(start, start + ny * nx) };
  }
  if (plane === 'xz') {
    const out = new Float32Array(n0 * nx);
    for (let z = 0; z < n0; z++) {
      const start = (z * ny + index) * nx;
      out.set(src.subarray(start, start + nx), z * nx);
    }
    return { width: nx, height: n0, data: out };
  }
  const out = new Float32Array(ny * n0);
  for (let z = 0; z < n0; z++) {
    const planeStart = z * ny * nx + index;
    for (let y = 0; y < ny; y++) out[y * n0 + z] = src[planeStart + y * nx];
  }
  return { width: n0, height: ny, data: out };
}

export function readVoxel(volume: Pick<Volume, 'data' | 'shape'>, z: number, y: number, x: number): number {
  const [n0, ny, nx] = volume.shape;
  checkIndex(z, n0, 'z');
  checkIndex(y, ny, 'y');
  checkIndex(x, nx, 'x');
  return volume.data[(z * ny + y) * nx + x];
}
