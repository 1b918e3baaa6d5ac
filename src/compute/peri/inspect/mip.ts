/**
 * Maximum-intensity projections for the 3-D view, laid out like the ortho sections of the same axis:
 * along z → rows y, cols x (as xy); along y → rows z, cols x (as xz); along x → rows y, cols z (as yz).
 * NaN voxels are skipped; a ray of only NaN projects to NaN.
 */
import { checkVolume } from './shape';

export type ProjectionAxis = 'z' | 'y' | 'x';

export interface Projection {
  axis: ProjectionAxis;
  width: number;
  height: number;
  data: Float32Array;
}

export function maximumIntensityProjection(data: Float32Array, shape: readonly number[], axis: ProjectionAxis): Projection {
  const [nz, ny, nx] = checkVolume(data.length, shape, 'the maximum-intensity projection');
  const [width, height] = axis === 'z' ? [nx, ny] : axis === 'y' ? [nx, nz] : [nz, ny];
  const out = new Float32Array(width * height).fill(-Infinity);
  const seen = new Uint8Array(width * height);
  for (let z = 0, i = 0; z < nz; z++) {
    for (let y = 0; y < ny; y++) {
      for (let x = 0; x < nx; x++, i++) {
        const v = data[i];
        const o = axis === 'z' ? y * nx + x : axis === 'y' ? z * nx + x : y * nz + z;
        if (Number.isNaN(v)) continue;
        seen[o] = 1;
        if (v > out[o]) out[o] = v;
      }
    }
  }
  for (let o = 0; o < out.length; o++) if (!seen[o]) out[o] = Number.NaN;
  return { axis, width, height, data: out };
}
