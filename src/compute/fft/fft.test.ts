import { describe, expect, it } from 'vitest';
import { FftShapeError } from './errors';
import { fft64, randomArray, relL2, rfft64 } from './fft64.reference';
import { irfftnCpu, planFftCpu, planRfftCpu, rfftnCpu } from './fft';
import type { FftAxis, Shape3 } from './shape';

const SIZES_1D = [1, 2, 3, 5, 7, 8, 12, 15, 16, 17, 30, 49, 60, 64, 97, 100, 128, 210, 256];
const FORWARD_TOL = 1e-5;
const ROUND_TRIP_TOL = 1e-6;

function complexCase(shape: Shape3, axes?: FftAxis[], seed = 1) {
  const n = shape[0] * shape[1] * shape[2];
  const x = randomArray(2 * n, seed);
  const ref = fft64(Float64Array.from(x), shape, axes);
  return { x, ref };
}

describe('planFftCpu (PFFFT + Bluestein) against a float64 DFT', () => {
  it.each(SIZES_1D)('1-D length %i: forward and round trip', (n) => {
    const { x, ref } = complexCase([1, 1, n], undefined, n);
    const plan = planFftCpu([1, 1, n]);
    const y = x.slice();
    plan.forward(y);
    expect(relL2(y, ref)).toBeLessThan(FORWARD_TOL);
    plan.inverse(y);
    expect(relL2(y, x)).toBeLessThan(ROUND_TRIP_TOL);
  });

  it('inverse matches the float64 inverse DFT (sign and 1/N)', () => {
    const shape: Shape3 = [3, 10, 7];
    const x = randomArray(2 * 210, 4);
    const ref = fft64(Float64Array.from(x), shape, [0, 1, 2], true).map((v) => v / 210);
    const y = x.slice();
    planFftCpu(shape).inverse(y);
    expect(relL2(y, ref)).toBeLessThan(FORWARD_TOL);
  });

  const shapes: Shape3[] = [[5, 6, 7], [17, 12, 9], [1, 30, 49], [16, 1, 8], [4, 33, 20]];
  it.each(shapes)('3-D %i×%i×%i, all axes and each axis alone', (...s) => {
    const shape = s as Shape3;
    for (const axes of [[0, 1, 2], [0], [1], [2], [0, 2]] as FftAxis[][]) {
      const { x, ref } = complexCase(shape, axes, 11);
      const plan = planFftCpu(shape, axes);
      const y = x.slice();
      plan.forward(y);
      expect(relL2(y, ref), `axes ${axes}`).toBeLessThan(FORWARD_TOL);
      plan.inverse(y);
      expect(relL2(y, x), `axes ${axes}`).toBeLessThan(ROUND_TRIP_TOL);
    }
  });

  it('256³ forward against a float64 radix-2 FFT of the same random data', () => {
    const shape: Shape3 = [256, 256, 256];
    const { x, ref } = complexCase(shape, undefined, 256);
    const y = x.slice();
    const plan = planFftCpu(shape);
    plan.forward(y);
    const err = relL2(y, ref);
    expect(err).toBeLessThan(FORWARD_TOL);
    plan.inverse(y);
    expect(relL2(y, x)).toBeLessThan(ROUND_TRIP_TOL);
  });

  it('works on a Float32Array view at an odd float offset', () => {
    const { x, ref } = complexCase([2, 3, 5]);
    const backing = new Float32Array(x.length + 1);
    backing.set(x, 1);
    const view = backing.subarray(1);
    planFftCpu([2, 3, 5]).forward(view);
    expect(relL2(view, ref)).toBeLessThan(FORWARD_TOL);
  });
});

describe('rfftnCpu / irfftnCpu', () => {
  const shapes: Shape3[] = [[1, 1, 1], [1, 1, 2], [1, 1, 17], [1, 1, 64], [3, 5, 8], [5, 6, 7], [2, 3, 97], [7, 1, 30], [3, 2, 32], [1, 4, 96], [2, 3, 160], [1, 2, 480], [1, 1, 1152]];
  it.each(shapes)('%i×%i×%i: half spectrum and round trip', (...s) => {
    const shape = s as Shape3;
    const real = randomArray(shape[0] * shape[1] * shape[2], 5);
    const half = rfftnCpu(real, shape);
    expect(relL2(half, rfft64(real, shape))).toBeLessThan(FORWARD_TOL);
    const before = half.slice();
    const back = irfftnCpu(half, shape);
    expect(relL2(back, real)).toBeLessThan(ROUND_TRIP_TOL);
    expect(half).toEqual(before);
  });

  it('ignores the imaginary parts of bins 0 and nx/2 like scipy irfft', () => {
    const shape: Shape3 = [1, 1, 8];
    const plan = planRfftCpu(shape);
    const real = randomArray(8, 9);
    const half = plan.forward(real);
    half[1] = 5;
    half[2 * 4 + 1] = -3;
    expect(relL2(plan.inverse(half), real)).toBeLessThan(ROUND_TRIP_TOL);
  });

  it('writes into caller-provided arrays', () => {
    const shape: Shape3 = [2, 4, 6];
    const plan = planRfftCpu(shape);
    expect(plan.halfShape).toEqual([2, 4, 4]);
    const real = randomArray(48, 3);
    const half = new Float32Array(2 * 2 * 4 * 4);
    expect(plan.forward(real, half)).toBe(half);
    const out = new Float32Array(48);
    expect(plan.inverse(half, out)).toBe(out);
    expect(relL2(out, real)).toBeLessThan(ROUND_TRIP_TOL);
  });
});

describe('bad input', () => {
  it('rejects bad shapes, axes and array lengths with FftShapeError', () => {
    expect(() => planFftCpu([0, 4, 4])).toThrow(FftShapeError);
    expect(() => planFftCpu([2, 2] as unknown as Shape3)).toThrow(/3 entries/);
    expect(() => planFftCpu([2, 2.5, 2])).toThrow(/positive integers/);
    expect(() => planFftCpu([2048, 2048, 1024])).toThrow(/too large/);
    expect(() => planFftCpu([4, 4, 4], [3])).toThrow(/axes/);
    expect(() => planFftCpu([4, 4, 4]).forward(new Float32Array(64))).toThrow(/64 values, expected 128/);
    expect(() => rfftnCpu(new Float32Array(10), [1, 1, 8])).toThrow(FftShapeError);
    expect(() => irfftnCpu(new Float32Array(12), [1, 1, 8])).toThrow(/half spectrum .* 12 values, expected 10/);
  });
});
