/** Direct (spatial-domain, float64) convolutions: the references of the convolution tests. */
import type { Shape3 } from './shape';

export type DirectMode = 'circular' | 'zero' | 'mirror';

/** Half-sample symmetric reflection into [0, n), written independently of padSource. */
function reflect(s: number, n: number): number {
  let m = s;
  while (m < 0 || m >= n) m = m < 0 ? -m - 1 : 2 * n - 1 - m;
  return m;
}

function source(s: number, n: number, mode: DirectMode): number {
  if (mode === 'circular') return ((s % n) + n) % n;
  if (mode === 'zero') return s >= 0 && s < n ? s : -1;
  return reflect(s, n);
}

/** out[i] = Σ_k h[k]·f[i + floor(K/2) − k], h = psf / Σpsf when `normalize`. */
export function directConvolve(image: Float32Array, shape: Shape3, psf: Float32Array, psfShape: Shape3,
  mode: DirectMode, normalize = true): Float64Array {
  let sum = 0;
  for (const v of psf) sum += v;
  const scale = normalize ? 1 / sum : 1;
  const [nz, ny, nx] = shape;
  const [kz, ky, kx] = psfShape;
  const c = psfShape.map((k) => Math.floor(k / 2));
  const out = new Float64Array(nz * ny * nx);
  for (let z = 0; z < nz; z++) for (let y = 0; y < ny; y++) for (let x = 0; x < nx; x++) {
    let acc = 0;
    for (let a = 0; a < kz; a++) {
      const sz = source(z + c[0] - a, nz, mode);
      if (sz < 0) continue;
      for (let b = 0; b < ky; b++) {
        const sy = source(y + c[1] - b, ny, mode);
        if (sy < 0) continue;
        for (let d = 0; d < kx; d++) {
          const sx = source(x + c[2] - d, nx, mode);
          if (sx < 0) continue;
          acc += psf[(a * ky + b) * kx + d] * image[(sz * ny + sy) * nx + sx];
        }
      }
    }
    out[(z * ny + y) * nx + x] = acc * scale;
  }
  return out;
}

/** max |got − want| / max |want| */
export function maxRelError(got: ArrayLike<number>, want: ArrayLike<number>): number {
  let err = 0;
  let scale = 0;
  for (let i = 0; i < want.length; i++) {
    err = Math.max(err, Math.abs(got[i] - want[i]));
    scale = Math.max(scale, Math.abs(want[i]));
  }
  return err / scale;
}
