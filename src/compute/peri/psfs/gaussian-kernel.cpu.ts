/**
 * TS twin of gaussian-kernel.wgsl: PERI's truncated Gaussian kernel, sampled at integer offsets
 * −⌊n/2⌋..n−1−⌊n/2⌋ of its (even) minimum support n, and the same kernel zero-padded onto a tile,
 * ifftshifted (offset 0 at index 0) and scaled (PERI divides by Re(OTF[0]) = Σ kernel + 1e-15).
 * Truncation: 'box' keeps |d_i| ≤ cut_i per axis (AnisotropicGaussianXYZ); 'cylinder' keeps
 * ρ² = dy² + dx² ≤ cut_y² and |dz| ≤ cut_z (AnisotropicGaussian).
 */
import type { Vec3 } from '../tile';

export interface GaussianKernelSpec {
  /** Standard deviation per axis (z, y, x), pixels. */
  std: Vec3;
  cutoff: 'box' | 'cylinder';
  /** Cut-offs (z, y, x), pixels; 'cylinder' uses cut[0] for z and cut[1] for ρ. */
  cut: Vec3;
  /** Kernel box (PERI's min_support). */
  support: Vec3;
}

/** Offset of index j on an axis of support n. */
function offsetOf(j: number, n: number): number {
  return j - Math.floor(n / 2);
}

export function gaussianValue(spec: GaussianKernelSpec, dz: number, dy: number, dx: number): number {
  const [sz, sy, sx] = spec.std;
  const [cz, cy, cx] = spec.cut;
  const inside =
    spec.cutoff === 'box'
      ? Math.abs(dz) <= cz && Math.abs(dy) <= cy && Math.abs(dx) <= cx
      : dy * dy + dx * dx <= cy * cy && Math.abs(dz) <= cz;
  if (!inside) return 0;
  return Math.exp(-0.5 * ((dz / sz) ** 2 + (dy / sy) ** 2 + (dx / sx) ** 2));
}

/** PERI's min_rpsf: the kernel on its support box [nz, ny, nx], offset 0 at index ⌊n/2⌋. */
export function gaussianMinKernel(spec: GaussianKernelSpec): Float64Array {
  const [nz, ny, nx] = spec.support;
  const out = new Float64Array(nz * ny * nx);
  for (let z = 0; z < nz; z++) {
    for (let y = 0; y < ny; y++) {
      for (let x = 0; x < nx; x++) {
        out[(z * ny + y) * nx + x] = gaussianValue(spec, offsetOf(z, nz), offsetOf(y, ny), offsetOf(x, nx));
      }
    }
  }
  return out;
}

/** PERI's normalisation 1 / (Σ kernel + 1e-15). */
export function gaussianKernelScale(spec: GaussianKernelSpec): number {
  return 1 / (gaussianMinKernel(spec).reduce((a, b) => a + b, 0) + 1e-15);
}

/** Offset of tile index t on an axis of length s for a kernel of support n, or null outside it. */
export function wrappedOffset(t: number, s: number, n: number): number | null {
  const c = Math.floor(n / 2);
  if (t <= n - 1 - c) return t;
  if (t - s >= -c) return t - s;
  return null;
}

/** The kernel zero-padded onto `shape`, ifftshifted and multiplied by `scale` (twin of the WGSL). */
export function gaussianTileKernelCpu(spec: GaussianKernelSpec, shape: Vec3, scale: number): Float32Array {
  const out = new Float32Array(shape[0] * shape[1] * shape[2]);
  for (let z = 0; z < shape[0]; z++) {
    const dz = wrappedOffset(z, shape[0], spec.support[0]);
    if (dz === null) continue;
    for (let y = 0; y < shape[1]; y++) {
      const dy = wrappedOffset(y, shape[1], spec.support[1]);
      if (dy === null) continue;
      for (let x = 0; x < shape[2]; x++) {
        const dx = wrappedOffset(x, shape[2], spec.support[2]);
        if (dx === null) continue;
        out[(z * shape[1] + y) * shape[2] + x] = scale * gaussianValue(spec, dz, dy, dx);
      }
    }
  }
  return out;
}
