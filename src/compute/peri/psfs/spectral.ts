/**
 * Circular convolution on a tile through real FFTs (float32, src/compute/fft): half spectra of
 * fields and kernels, their product and the way back. Plans are kept per shape (few shapes occur:
 * the padded grid and the update tiles).
 */
import { halfShape, planFftCpu, planRfftCpu, type FftPlanCpu, type RfftPlanCpu, type Shape3 } from '../../fft/fft';

const PLAN_CACHE_SIZE = 8;
const plans = new Map<string, RfftPlanCpu>();

export function rfftPlan(shape: readonly number[]): RfftPlanCpu {
  const key = shape.join('x');
  let plan = plans.get(key);
  if (plan) {
    plans.delete(key);
  } else {
    plan = planRfftCpu([shape[0], shape[1], shape[2]] as Shape3);
    if (plans.size >= PLAN_CACHE_SIZE) plans.delete(plans.keys().next().value as string);
  }
  plans.set(key, plan);
  return plan;
}

/** Half spectrum (interleaved complex) of a real array shaped `shape`. */
export function halfSpectrum(real: ArrayLike<number>, shape: readonly number[]): Float32Array {
  const input = real instanceof Float32Array ? real : Float32Array.from(real);
  return rfftPlan(shape).forward(input);
}

/** out = a · b, elementwise complex (interleaved), written into `out`. */
export function multiplySpectra(a: Float32Array, b: Float32Array, out: Float32Array): Float32Array {
  for (let i = 0; i < a.length; i += 2) {
    const ar = a[i];
    const ai = a[i + 1];
    const br = b[i];
    const bi = b[i + 1];
    out[i] = ar * br - ai * bi;
    out[i + 1] = ar * bi + ai * br;
  }
  return out;
}

/** Real array whose half spectrum is `half` (normalised inverse). */
export function fromHalfSpectrum(half: Float32Array, shape: readonly number[]): Float32Array {
  return rfftPlan(shape).inverse(half);
}

/** field ⊛ kernel (circular) given the kernel's half spectrum (the OTF). */
export function convolveWithOtf(field: ArrayLike<number>, otf: Float32Array, shape: readonly number[]): Float32Array {
  const f = halfSpectrum(field, shape);
  return fromHalfSpectrum(multiplySpectra(f, otf, f), shape);
}

const zPlans = new Map<string, FftPlanCpu>();

/** In place: the inverse complex FFT along z (normalised by 1/nz) of a half spectrum of `shape`. */
export function inverseAlongZ(half: Float32Array, shape: readonly number[]): Float32Array {
  const hs = halfShape(shape);
  const key = hs.join('x');
  let plan = zPlans.get(key);
  if (!plan) {
    plan = planFftCpu(hs, [0]);
    if (zPlans.size >= PLAN_CACHE_SIZE) zPlans.delete(zPlans.keys().next().value as string);
    zPlans.set(key, plan);
  }
  plan.inverse(half);
  return half;
}

/** Real array from data already inverse-transformed along z: the inverse real FFT over (y, x) of each z plane. */
export function inverseOverXY(zMixed: Float32Array, shape: readonly number[]): Float32Array {
  const [nz, ny, nx] = shape;
  const plan = rfftPlan([1, ny, nx]);
  const halfPlane = 2 * ny * (Math.floor(nx / 2) + 1);
  const plane = ny * nx;
  const out = new Float32Array(nz * plane);
  for (let z = 0; z < nz; z++) plan.inverse(zMixed.subarray(z * halfPlane, (z + 1) * halfPlane), out.subarray(z * plane, (z + 1) * plane));
  return out;
}
