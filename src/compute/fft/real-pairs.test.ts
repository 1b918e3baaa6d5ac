import { describe, expect, it } from 'vitest';
import { fft64, randomArray, relL2, rfft64 } from './fft64.reference';
import { planRfftCpu } from './fft';
import { lineFft, MixedRadixLine } from './line-fft.cpu';
import { MixedRadixPlan, transformLines } from './mixed-radix.cpu';
import { realPairsForward, realPairsInverse } from './real-pairs.cpu';
import type { Shape3 } from './shape';

/** Accuracy bounds of the mixed-radix engine (README: measured ≈ 1e-7). */
const FORWARD_TOL = 3e-7;
const ROUND_TRIP_TOL = 3e-7;
/** 7·2^k, k = 0…8: PERI's 112 and the lengths around it, all on the JS mixed-radix engine. */
const SEVEN_POW2 = [7, 14, 28, 56, 112, 224, 448, 896, 1792];

describe('7·2^k lengths (JS mixed radix)', () => {
  it.each(SEVEN_POW2)('n = %i: batched contiguous lines, forward and inverse vs float64', (n) => {
    expect(lineFft(n)).toBeInstanceOf(MixedRadixLine);
    const count = n <= 224 ? 37 : 5; // 37 = two full column blocks and a partial one
    const x = randomArray(2 * n * count, n + 1);
    const y = x.slice();
    const plan = new MixedRadixPlan(n);
    const at = { start: 0, lineStride: n, elemStride: 1, count };
    transformLines(plan, y, y, at, false);
    expect(relL2(y, fft64(Float64Array.from(x), [1, count, n], [2]))).toBeLessThan(FORWARD_TOL);
    transformLines(plan, y, y, at, true);
    expect(relL2(y.map((v) => v / n), x)).toBeLessThan(ROUND_TRIP_TOL);
  });
});

describe('real rows straight from the array (mixed-radix nx, two rows per complex line)', () => {
  // row counts: odd (lone last row), one row only, > one column block of pairs
  const shapes: Shape3[] = [[3, 11, 112], [1, 1, 112], [1, 1, 7], [1, 2, 7], [5, 7, 21], [2, 17, 56], [1, 3, 1792], [1, 35, 14]];
  it.each(shapes)('%i×%i×%i: half spectrum vs float64, round trip, half left alone', (...s) => {
    const shape = s as Shape3;
    const real = randomArray(shape[0] * shape[1] * shape[2], shape[1] + 2);
    const plan = planRfftCpu(shape);
    const half = plan.forward(real);
    expect(relL2(half, rfft64(real, shape))).toBeLessThan(FORWARD_TOL);
    const before = half.slice();
    expect(relL2(plan.inverse(half), real)).toBeLessThan(ROUND_TRIP_TOL);
    expect(half).toEqual(before);
  });

  it.each([112, 21])('nx = %i: writes only the half spectrum; the inverse ignores Im of bins 0 and nx/2 per row', (nx) => {
    const rows = 3;
    const nh = (nx >> 1) + 1;
    const plan = new MixedRadixPlan(nx);
    const real = randomArray(rows * nx, 4);
    const half = new Float32Array(2 * rows * nh).fill(Number.NaN);
    realPairsForward(plan, real, half, rows);
    expect(half.every(Number.isFinite)).toBe(true);
    const ref = new Float64Array(half.length);
    for (let r = 0; r < rows; r++) ref.set(rfft64(real.subarray(r * nx, (r + 1) * nx), [1, 1, nx]), 2 * r * nh);
    expect(relL2(half, ref)).toBeLessThan(FORWARD_TOL);
    for (let r = 0; r < rows; r++) {
      half[2 * r * nh + 1] = 7;
      if (nx % 2 === 0) half[2 * (r * nh + nx / 2) + 1] = -4;
    }
    const back = new Float32Array(rows * nx);
    realPairsInverse(plan, half, back, rows, 1 / nx);
    expect(relL2(back, real)).toBeLessThan(ROUND_TRIP_TOL);
  });
});
