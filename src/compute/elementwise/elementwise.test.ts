import { describe, expect, it } from 'vitest';
import { Prng } from '../util/prng';
import {
  addCpu, axpyCpu, clampCpu, complexMulCpu, mulCpu, powCpu, safeDivCpu, scaleCpu,
} from './elementwise.cpu';
import { ElementwiseError } from './errors';

function randomArray(n: number, seed: number, lo = -2, hi = 2): Float32Array {
  const rng = new Prng(seed);
  return Float32Array.from({ length: n }, () => rng.range(lo, hi));
}

describe('element-wise twins', () => {
  const x = randomArray(1000, 1);
  const y0 = randomArray(1000, 2);

  it('axpy adds a·x to y', () => {
    const y = y0.slice();
    axpyCpu(0.75, x, y);
    for (let i = 0; i < y.length; i++) expect(y[i]).toBeCloseTo(0.75 * x[i] + y0[i], 6);
  });

  it('mul, add and scale', () => {
    const m = y0.slice();
    mulCpu(x, m);
    const a = y0.slice();
    addCpu(x, a);
    const s = y0.slice();
    scaleCpu(-3, s);
    for (let i = 0; i < x.length; i++) {
      expect(m[i]).toBe(Math.fround(x[i] * y0[i]));
      expect(a[i]).toBe(Math.fround(x[i] + y0[i]));
      expect(s[i]).toBe(Math.fround(-3 * y0[i]));
    }
  });

  it('safeDiv gives x / y and 0 where |y| < eps', () => {
    const num = new Float32Array([1, 2, 3, 4, -5]);
    const den = new Float32Array([2, 1e-9, -1e-9, 0, -0.5]);
    safeDivCpu(num, den, 1e-6);
    expect([...den]).toEqual([0.5, 0, 0, 0, 10]);
  });

  it('clamp bounds values, with infinite bounds one-sided', () => {
    const y = new Float32Array([-3, -1, 0, 2, 7]);
    clampCpu(y, -1, 2);
    expect([...y]).toEqual([-1, -1, 0, 2, 2]);
    const z = new Float32Array([-3, 5]);
    clampCpu(z, 0, Infinity);
    expect([...z]).toEqual([0, 5]);
    expect(() => clampCpu(z, 2, 1)).toThrow(/lo ≤ hi/);
  });

  it('pow raises positive values and zeroes the rest', () => {
    const y = new Float32Array([4, 0, -2, 0.25]);
    powCpu(y, 1.5);
    expect(y[0]).toBeCloseTo(8, 5);
    expect(y[1]).toBe(0);
    expect(y[2]).toBe(0);
    expect(y[3]).toBeCloseTo(0.125, 6);
  });

  it('complexMul multiplies interleaved complex values, optionally conjugating x', () => {
    const a = new Float32Array([1, 2, 0, 1]); // 1+2i, i
    const b = new Float32Array([3, -1, 2, 5]); // 3−i, 2+5i
    const p = b.slice();
    complexMulCpu(a, p);
    expect([...p]).toEqual([5, 5, -5, 2]); // (1+2i)(3−i) = 5+5i; i(2+5i) = −5+2i
    const q = b.slice();
    complexMulCpu(a, q, true);
    expect([...q]).toEqual([1, -7, 5, -2]); // (1−2i)(3−i) = 1−7i; −i(2+5i) = 5−2i
  });

  it('rejects mismatched lengths, odd complex lengths and non-finite scalars', () => {
    expect(() => axpyCpu(1, new Float32Array(3), new Float32Array(4))).toThrow(ElementwiseError);
    expect(() => axpyCpu(1, new Float32Array(3), new Float32Array(4))).toThrow(/3 values but y has 4/);
    expect(() => complexMulCpu(new Float32Array(3), new Float32Array(3))).toThrow(/even length/);
    expect(() => scaleCpu(NaN, new Float32Array(2))).toThrow(/finite/);
    expect(() => powCpu(new Float32Array(2), Infinity)).toThrow(/finite/);
  });
});
