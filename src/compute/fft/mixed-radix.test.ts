import { describe, expect, it } from 'vitest';
import { fft64, randomArray, relL2, rfft64 } from './fft64.reference';
import { planFftCpu, planRfftCpu } from './fft';
import { lineFft, MixedRadixLine } from './line-fft.cpu';
import { MixedRadixPlan, mixedRadixSchedule, transformLines } from './mixed-radix.cpu';
import type { FftAxis, Shape3 } from './shape';

/** Accuracy bounds; measured values are ≈ 1e-7 (see README). */
const FORWARD_TOL = 3e-7;
const ROUND_TRIP_TOL = 3e-7;
const LENGTHS = [3, 5, 6, 7, 10, 14, 15, 18, 28, 30, 45, 49, 56, 98, 112, 125, 126, 210, 224, 3 * 7 * 16, 343];

describe('mixed-radix JS FFT (2·3·5·7-smooth lengths PFFFT cannot do)', () => {
  it('takes the lengths PFFFT cannot do, up to MIXED_RADIX_MAX; Bluestein keeps the other primes', () => {
    for (const n of [7, 14, 30, 112, 126, 336, 3125]) expect(lineFft(n), `n = ${n}`).toBeInstanceOf(MixedRadixLine);
    for (const n of [16, 96, 11, 22, 97, 7203]) expect(lineFft(n), `n = ${n}`).not.toBeInstanceOf(MixedRadixLine);
    expect(mixedRadixSchedule(112)).toEqual([7, 4, 4]);
    expect(mixedRadixSchedule(210)).toEqual([7, 2, 3, 5]);
    expect(() => mixedRadixSchedule(22)).toThrow(/22 is not a 2·3·5·7-smooth length/);
  });

  it.each(LENGTHS)('length %i: 37 contiguous lines, forward and inverse vs float64', (n) => {
    const count = 37; // two full column blocks and a partial one
    const shape: Shape3 = [1, count, n];
    const x = randomArray(2 * n * count, n);
    const y = x.slice();
    transformLines(new MixedRadixPlan(n), y, y, { start: 0, lineStride: n, elemStride: 1, count }, false);
    expect(relL2(y, fft64(Float64Array.from(x), shape, [2]))).toBeLessThan(FORWARD_TOL);
    const back = new Float32Array(y.length);
    transformLines(new MixedRadixPlan(n), y, back, { start: 0, lineStride: n, elemStride: 1, count }, true);
    expect(relL2(back.map((v) => v / n), x)).toBeLessThan(ROUND_TRIP_TOL);
  });

  it('strided lines at an offset leave the other values alone', () => {
    // lines along y of a 5×112×3 block inside a larger array, from x = 1 on
    const [ny, nx, n] = [112, 3, 5 * 112 * 3];
    const x = randomArray(2 * (n + 4), 2);
    const y = x.slice();
    transformLines(new MixedRadixPlan(ny), y, y, { start: 2 * ny * nx + 1, lineStride: 1, elemStride: nx, count: 2 }, false);
    const ref = fft64(Float64Array.from(x.subarray(0, 2 * n)), [5, ny, nx], [1]);
    for (let k = 0; k < ny; k++) {
      for (let c = 0; c < nx; c++) {
        const i = 2 * ((2 * ny + k) * nx + c);
        const want = c === 0 ? [x[i], x[i + 1]] : [ref[i], ref[i + 1]];
        expect(y[i]).toBeCloseTo(want[0], 3);
        expect(y[i + 1]).toBeCloseTo(want[1], 3);
      }
    }
    expect(y.subarray(0, 2 * 2 * ny * nx)).toEqual(x.subarray(0, 2 * 2 * ny * nx));
    expect(y.subarray(2 * 3 * ny * nx)).toEqual(x.subarray(2 * 3 * ny * nx));
  });

  const shapes: Shape3[] = [[7, 14, 28], [6, 112, 10], [3, 21, 112], [49, 2, 30], [14, 28, 56], [112, 3, 7], [2, 224, 5]];
  it.each(shapes)('3-D %i×%i×%i through planFftCpu: every axis (contiguous and strided)', (...s) => {
    const shape = s as Shape3;
    for (const axes of [[0, 1, 2], [0], [1], [2]] as FftAxis[][]) {
      const x = randomArray(2 * shape[0] * shape[1] * shape[2], 7);
      const plan = planFftCpu(shape, axes);
      const y = x.slice();
      plan.forward(y);
      expect(relL2(y, fft64(Float64Array.from(x), shape, axes)), `axes ${axes}`).toBeLessThan(FORWARD_TOL);
      plan.inverse(y);
      expect(relL2(y, x), `axes ${axes}`).toBeLessThan(ROUND_TRIP_TOL);
    }
  });

  it.each([[2, 3, 112], [1, 5, 14], [3, 14, 98]] as Shape3[])('real %i×%i×%i: half spectrum and round trip', (...s) => {
    const shape = s as Shape3;
    const real = randomArray(shape[0] * shape[1] * shape[2], 3);
    const plan = planRfftCpu(shape);
    const half = plan.forward(real);
    expect(relL2(half, rfft64(real, shape))).toBeLessThan(FORWARD_TOL);
    expect(relL2(plan.inverse(half), real)).toBeLessThan(ROUND_TRIP_TOL);
  });
});
