/**
 * The scipy.ndimage pieces PERI's featuring uses, on row-major (z, y, x) float64 volumes:
 * boundary modes 'mirror' (d c b | a b c d | c b a) and 'reflect' (d c b a | a b c d | d c b a),
 * `gaussianFilter` (truncate 4: radius int(4σ + 0.5), normalised weights, axis by axis),
 * `uniformFilter` (a box of odd size, centred), and `label` (6-connected components in raster
 * order, scipy's default structure in 3-D).
 */
import type { Vec3 } from '../tile';
import { FeaturingError } from './errors';

export type BoundaryMode = 'mirror' | 'reflect';

/** Maps an index outside [0, n) back inside by the boundary mode. */
export function boundaryIndex(i: number, n: number, mode: BoundaryMode): number {
  if (i >= 0 && i < n) return i;
  if (n === 1) return 0;
  if (mode === 'mirror') {
    const period = 2 * (n - 1);
    let k = i % period;
    if (k < 0) k += period;
    return k < n ? k : period - k;
  }
  const period = 2 * n;
  let k = i % period;
  if (k < 0) k += period;
  return k < n ? k : period - 1 - k;
}

export function checkVolume(data: ArrayLike<unknown>, shape: readonly number[], what: string): Vec3 {
  if (shape.length !== 3 || !shape.every((n) => Number.isInteger(n) && n > 0)) {
    throw new FeaturingError(`${what}: shape must be three positive integers (z, y, x), got [${shape.join(', ')}]`);
  }
  if (data.length !== shape[0] * shape[1] * shape[2]) {
    throw new FeaturingError(`${what}: ${data.length} values do not fill a ${shape.join('×')} volume`);
  }
  return [shape[0], shape[1], shape[2]];
}

/** Correlates every line along `axis` with the symmetric 1-D `weights` (centred). */
export function filterAxis(data: Float64Array, shape: Vec3, axis: 0 | 1 | 2, weights: Float64Array, mode: BoundaryMode): Float64Array {
  const out = new Float64Array(data.length);
  const n = shape[axis];
  const stride = axis === 0 ? shape[1] * shape[2] : axis === 1 ? shape[2] : 1;
  const half = (weights.length - 1) / 2;
  const map = Int32Array.from({ length: n + 2 * half }, (_, k) => boundaryIndex(k - half, n, mode));
  const line = new Float64Array(n);
  const lines = data.length / n;
  for (let l = 0; l < lines; l++) {
    const base = lineStart(l, shape, axis);
    for (let i = 0; i < n; i++) line[i] = data[base + i * stride];
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let w = 0; w < weights.length; w++) s += weights[w] * line[map[i + w]];
      out[base + i * stride] = s;
    }
  }
  return out;
}

/** Offset of the l-th line along `axis` (the other two axes in row-major order). */
function lineStart(l: number, shape: Vec3, axis: 0 | 1 | 2): number {
  const [, ny, nx] = shape;
  if (axis === 2) return l * nx;
  if (axis === 1) {
    const z = Math.floor(l / nx);
    return z * ny * nx + (l % nx);
  }
  return l;
}

/** scipy's 1-D Gaussian weights: radius int(truncate·σ + 0.5), normalised. */
export function gaussianWeights(sigma: number, truncate = 4): Float64Array {
  if (!(sigma >= 0) || !Number.isFinite(sigma)) throw new FeaturingError(`Gaussian σ must be a finite number ≥ 0, got ${sigma}`);
  const radius = Math.floor(truncate * sigma + 0.5);
  const w = new Float64Array(2 * radius + 1);
  if (radius === 0) {
    w[0] = 1;
    return w;
  }
  let s = 0;
  for (let k = -radius; k <= radius; k++) {
    w[k + radius] = Math.exp((-0.5 * k * k) / (sigma * sigma));
    s += w[k + radius];
  }
  return w.map((v) => v / s);
}

/** scipy.ndimage.gaussian_filter with the same σ on every axis. */
export function gaussianFilter(data: ArrayLike<number>, shape: readonly number[], sigma: number, mode: BoundaryMode = 'mirror'): Float64Array {
  const s = checkVolume(data, shape, 'gaussianFilter');
  const w = gaussianWeights(sigma);
  let out: Float64Array = Float64Array.from(data);
  for (const axis of [0, 1, 2] as const) out = filterAxis(out, s, axis, w, mode);
  return out;
}

/** scipy.ndimage.convolve with ones(size³)/size³ (odd size): a centred box mean. */
export function uniformFilter(data: ArrayLike<number>, shape: readonly number[], size: number, mode: BoundaryMode = 'reflect'): Float64Array {
  const s = checkVolume(data, shape, 'uniformFilter');
  if (!Number.isInteger(size) || size < 1 || size % 2 === 0) throw new FeaturingError(`box filter size must be an odd positive integer, got ${size}`);
  const w = new Float64Array(size).fill(1 / size);
  let out: Float64Array = Float64Array.from(data);
  for (const axis of [0, 1, 2] as const) out = filterAxis(out, s, axis, w, mode);
  return out;
}

export interface Labels {
  /** 0 for background, 1..count for the components, in raster order of their first voxel. */
  labels: Int32Array;
  count: number;
}

/** 6-connected components of a boolean volume (scipy.ndimage.label's default in 3-D). */
export function label(mask: ArrayLike<boolean | number>, shape: readonly number[]): Labels {
  const [nz, ny, nx] = checkVolume(mask, shape, 'label');
  const labels = new Int32Array(mask.length);
  const stack: number[] = [];
  let count = 0;
  for (let start = 0; start < mask.length; start++) {
    if (!mask[start] || labels[start]) continue;
    labels[start] = ++count;
    stack.push(start);
    while (stack.length) {
      const i = stack.pop()!;
      const x = i % nx;
      const y = Math.floor(i / nx) % ny;
      const z = Math.floor(i / (nx * ny));
      const visit = (j: number) => {
        if (mask[j] && !labels[j]) {
          labels[j] = count;
          stack.push(j);
        }
      };
      if (x > 0) visit(i - 1);
      if (x < nx - 1) visit(i + 1);
      if (y > 0) visit(i - nx);
      if (y < ny - 1) visit(i + nx);
      if (z > 0) visit(i - nx * ny);
      if (z < nz - 1) visit(i + nx * ny);
    }
  }
  return { labels, count };
}
