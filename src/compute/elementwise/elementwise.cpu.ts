/**
 * TypeScript twins of the element-wise kernels (elementwise.wgsl, complex-mul.wgsl): the same
 * operations, in place on `y`, with the same argument order as the GPU wrappers minus the context.
 * Float32Array stores round each result to float32, as the kernels do.
 */
import { checkClampBounds, checkComplexLength, checkFinite, checkSameLength } from './errors';

/** y ← a·x + y */
export function axpyCpu(a: number, x: Float32Array, y: Float32Array): void {
  checkFinite('axpy', 'a', a);
  checkSameLength('axpy', x.length, y.length);
  const af = Math.fround(a);
  for (let i = 0; i < y.length; i++) y[i] = af * x[i] + y[i];
}

/** y ← x·y */
export function mulCpu(x: Float32Array, y: Float32Array): void {
  checkSameLength('mul', x.length, y.length);
  for (let i = 0; i < y.length; i++) y[i] = Math.fround(x[i] * y[i]);
}

/** y ← x + y */
export function addCpu(x: Float32Array, y: Float32Array): void {
  checkSameLength('add', x.length, y.length);
  for (let i = 0; i < y.length; i++) y[i] = x[i] + y[i];
}

/** y ← x / y where |y| ≥ eps, 0 elsewhere (the ratio step of Richardson–Lucy). */
export function safeDivCpu(x: Float32Array, y: Float32Array, eps: number): void {
  checkFinite('safeDiv', 'eps', eps);
  checkSameLength('safeDiv', x.length, y.length);
  const e = Math.fround(eps);
  for (let i = 0; i < y.length; i++) {
    const d = y[i];
    y[i] = Math.abs(d) < e ? 0 : x[i] / d;
  }
}

/** y ← a·y */
export function scaleCpu(a: number, y: Float32Array): void {
  checkFinite('scale', 'a', a);
  const af = Math.fround(a);
  for (let i = 0; i < y.length; i++) y[i] = af * y[i];
}

/** y ← min(max(y, lo), hi) */
export function clampCpu(y: Float32Array, lo: number, hi: number): void {
  checkClampBounds(lo, hi);
  const l = Math.fround(lo);
  const h = Math.fround(hi);
  for (let i = 0; i < y.length; i++) y[i] = Math.min(Math.max(y[i], l), h);
}

/** y ← y^p for y > 0 and 0 for y ≤ 0 (powers of PSFs and intensities, a non-negative domain). */
export function powCpu(y: Float32Array, p: number): void {
  checkFinite('pow', 'p', p);
  const pf = Math.fround(p);
  for (let i = 0; i < y.length; i++) y[i] = y[i] > 0 ? Math.pow(y[i], pf) : 0;
}

/** y ← x·y (or conj(x)·y) on interleaved complex arrays (re, im). */
export function complexMulCpu(x: Float32Array, y: Float32Array, conjugate = false): void {
  checkSameLength('complexMul', x.length, y.length);
  checkComplexLength('complexMul', y.length);
  const s = conjugate ? -1 : 1;
  for (let i = 0; i < y.length; i += 2) {
    const ar = x[i];
    const ai = s * x[i + 1];
    const br = y[i];
    const bi = y[i + 1];
    y[i] = Math.fround(ar * br) - Math.fround(ai * bi);
    y[i + 1] = Math.fround(ar * bi) + Math.fround(ai * br);
  }
}
