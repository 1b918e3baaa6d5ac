/**
 * TS twin of cheb-combine.wgsl, the last step of PERI's Chebyshev PSF:
 * out[z, y, x] = Σ_k w[z, k] · conv_k[z, y, x], with w[z, k] = T_k(ẑ(z)) and conv_k = field ⊛ c_k.
 */
import { PeriShapeError } from '../errors';
import type { Vec3 } from '../tile';

export function checkChebCombine(convCount: number, convLength: number, weights: ArrayLike<number>, shape: Vec3): void {
  const n = shape[0] * shape[1] * shape[2];
  if (convCount < 1) throw new PeriShapeError('Chebyshev combination needs at least one convolved field');
  if (convLength !== n) throw new PeriShapeError(`convolved fields hold ${convLength} values, the tile ${shape.join('×')} holds ${n}`);
  if (weights.length !== shape[0] * convCount) {
    throw new PeriShapeError(`Chebyshev weights hold ${weights.length} values, expected nz × degree = ${shape[0]} × ${convCount}`);
  }
}

export function chebCombineCpu(convs: readonly Float32Array[], weights: ArrayLike<number>, shape: Vec3): Float32Array {
  const degree = convs.length;
  checkChebCombine(degree, convs[0]?.length ?? 0, weights, shape);
  if (convs.some((c) => c.length !== convs[0].length)) throw new PeriShapeError('convolved fields differ in length');
  const plane = shape[1] * shape[2];
  const out = new Float32Array(shape[0] * plane);
  for (let z = 0; z < shape[0]; z++) {
    for (let k = 0; k < degree; k++) {
      const w = weights[z * degree + k];
      const c = convs[k];
      for (let p = z * plane; p < (z + 1) * plane; p++) out[p] += w * c[p];
    }
  }
  return out;
}
