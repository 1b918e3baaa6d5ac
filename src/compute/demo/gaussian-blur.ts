/**
 * Separable anisotropic Gaussian blur in "valid" mode: the input is the image padded by the kernel
 * radius on every side, so the output is exact (no boundary assumption) and has the image's shape.
 */
import { DemoDataError } from './errors';

/** Kernel half-width used for a Gaussian of std `sigma` (px). */
export function gaussianRadius(sigma: number): number {
  return sigma > 0 ? Math.ceil(4 * sigma) : 0;
}

/** Unit-sum sampled Gaussian on offsets −r..r. */
export function gaussianKernel(sigma: number): Float64Array {
  const r = gaussianRadius(sigma);
  const k = new Float64Array(2 * r + 1);
  if (r === 0) {
    k[0] = 1;
    return k;
  }
  let sum = 0;
  for (let i = -r; i <= r; i++) {
    k[i + r] = Math.exp(-(i * i) / (2 * sigma * sigma));
    sum += k[i + r];
  }
  for (let i = 0; i < k.length; i++) k[i] /= sum;
  return k;
}

/** Convolves along `axis` (0 = z, 1 = y, 2 = x), shrinking that axis by 2·r. */
function convolveAxisValid(
  src: Float64Array,
  shape: readonly [number, number, number],
  axis: 0 | 1 | 2,
  kernel: Float64Array,
): { data: Float64Array; shape: [number, number, number] } {
  const r = (kernel.length - 1) / 2;
  const outShape: [number, number, number] = [shape[0], shape[1], shape[2]];
  outShape[axis] -= 2 * r;
  const [oz, oy, ox] = outShape;
  const strides = [shape[1] * shape[2], shape[2], 1];
  const step = strides[axis];
  const out = new Float64Array(oz * oy * ox);
  let o = 0;
  for (let z = 0; z < oz; z++) {
    for (let y = 0; y < oy; y++) {
      for (let x = 0; x < ox; x++) {
        const start = z * strides[0] + y * strides[1] + x;
        let acc = 0;
        for (let t = 0; t < kernel.length; t++) acc += kernel[t] * src[start + t * step];
        out[o++] = acc;
      }
    }
  }
  return { data: out, shape: outShape };
}

/**
 * Blurs `padded` (shape `paddedShape`, padded by gaussianRadius(sigma[a]) on both sides of axis a)
 * with a Gaussian of std `sigma` = [z, y, x] px; returns the unpadded result.
 */
export function gaussianBlurValid(
  padded: Float64Array,
  paddedShape: readonly [number, number, number],
  sigma: readonly [number, number, number],
): { data: Float64Array; shape: [number, number, number] } {
  const shape: [number, number, number] = [paddedShape[0], paddedShape[1], paddedShape[2]];
  if (padded.length !== shape[0] * shape[1] * shape[2]) {
    throw new DemoDataError(`blur input has ${padded.length} values but shape ${shape.join('×')}`);
  }
  for (let a = 0; a < 3; a++) {
    if (!(sigma[a] >= 0) || !Number.isFinite(sigma[a])) {
      throw new DemoDataError(`blur sigma must be finite and ≥ 0, got [${sigma.join(', ')}]`);
    }
    if (shape[a] <= 2 * gaussianRadius(sigma[a])) {
      throw new DemoDataError(`axis ${a} of size ${shape[a]} is too small for a blur of sigma ${sigma[a]}`);
    }
  }
  let cur = { data: padded, shape };
  for (const axis of [2, 1, 0] as const) cur = convolveAxisValid(cur.data, cur.shape, axis, gaussianKernel(sigma[axis]));
  return cur;
}
