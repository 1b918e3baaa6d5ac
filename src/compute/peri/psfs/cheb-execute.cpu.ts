/**
 * The CPU execute of PERI's Chebyshev PSFs, out(z) = Σ_k T_k(ẑ(z))·[field ⊛ c_k](z), for the
 * output planes asked for. The weights depend on z only, so each product F·C_k is inverse-
 * transformed along z alone and accumulated with its weights (the same sums in the same order as
 * `chebCombineCpu`), and the (y, x) inverse is done once per plane asked for: 1 forward and
 * 1 + 6/3 inverse FFTs' worth of work instead of 1 + 6, less when only some planes are needed.
 * Work arrays are kept between calls (`../work-arrays.ts`).
 */
import { halfShape, planFftCpu, planRfftCpu } from '../../fft/fft';
import type { Vec3 } from '../tile';
import { workArray } from '../work-arrays';


/**
 * Planes [z0, z1) of Σ_k w[z, k]·[field ⊛ c_k](z) on a tile of `shape`, from the kernels' half
 * spectra (`otfs`, real FFTs on `shape`) and weights [nz × degree], into `out` ((z1 − z0) planes).
 */
export function chebExecuteCpu(field: Float32Array, shape: Vec3, otfs: readonly Float32Array[], weights: ArrayLike<number>, z0: number, z1: number, out: Float32Array): Float32Array {
  const hs = halfShape(shape);
  const halfPlane = 2 * hs[1] * hs[2];
  const n = hs[0] * halfPlane;
  const f = planRfftCpu(shape).forward(field, workArray('cheb:spectrum', n));
  const product = workArray('cheb:product', n);
  const combined = workArray('cheb:combined', (z1 - z0) * halfPlane).fill(0);
  const alongZ = planFftCpu(hs, [0]);
  const degree = otfs.length;
  otfs.forEach((otf, k) => {
    multiply(otf, f, product);
    alongZ.inverse(product);
    for (let z = z0; z < z1; z++) {
      const w = weights[z * degree + k];
      const src = z * halfPlane;
      const dst = (z - z0) * halfPlane;
      for (let p = 0; p < halfPlane; p++) combined[dst + p] += w * product[src + p];
    }
  });
  return inverseOverXY(combined, [z1 - z0, shape[1], shape[2]], out);
}

/** out = a·b, interleaved complex, rounded as `complexMulCpu` (the f32 GPU product). */
function multiply(a: Float32Array, b: Float32Array, out: Float32Array): void {
  for (let i = 0; i < out.length; i += 2) {
    const ar = a[i];
    const ai = a[i + 1];
    const br = b[i];
    const bi = b[i + 1];
    out[i] = Math.fround(ar * br) - Math.fround(ai * bi);
    out[i + 1] = Math.fround(ar * bi) + Math.fround(ai * br);
  }
}

/** The real planes from a half spectrum already inverse-transformed along z: a 2-D inverse real FFT per plane. */
function inverseOverXY(zMixed: Float32Array, shape: Vec3, out: Float32Array): Float32Array {
  const [nz, ny, nx] = shape;
  const plan = planRfftCpu([1, ny, nx]);
  const halfPlane = 2 * ny * (Math.floor(nx / 2) + 1);
  const plane = ny * nx;
  for (let z = 0; z < nz; z++) plan.inverse(zMixed.subarray(z * halfPlane, (z + 1) * halfPlane), out.subarray(z * plane, (z + 1) * plane));
  return out;
}
