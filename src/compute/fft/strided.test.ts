import { describe, expect, it } from 'vitest';
import { fft64, randomArray, relL2, rfft64 } from './fft64.reference';
import { planFftCpu, planRfftCpu } from './fft';
import { transformCpu } from './fft.cpu';
import { realRowsForwardPffft, realRowsInversePffft } from './real-line.cpu';
import type { FftAxis, Shape3 } from './shape';
import { pffftScalar, pffftSimd, type PffftInstance } from './pffft';
import { gatherStrided, scatterStrided, stridedBlockLines, stridedBlocks } from './strided.cpu';

const FORWARD_TOL = 1e-5;
const ROUND_TRIP_TOL = 1e-6;

describe('strided gather/scatter (4×4 tiles), heap scaling', () => {
  // n and nb on both sides of a multiple of 4, so the tile loops and both remainders run.
  const cases: [number, number][] = [[1, 1], [3, 2], [4, 4], [5, 3], [8, 9], [13, 6], [16, 33], [7, 32]];
  it.each(cases)('n = %i, %i lines: gather puts line b contiguously, scatter puts it back', (n, nb) => {
    const stride = nb + 5;
    const start = 3;
    const src = new Float64Array(start + n * stride + 4).map((_, i) => i + 0.25);
    const h0 = 7;
    const heap = new Float64Array(h0 + n * nb + 2).fill(-1);
    gatherStrided(src, heap, start, stride, n, nb, h0);
    for (let b = 0; b < nb; b++) {
      for (let k = 0; k < n; k++) expect(heap[h0 + b * n + k]).toBe(src[start + k * stride + b]);
    }
    expect(heap[h0 - 1]).toBe(-1);
    expect(heap[h0 + n * nb]).toBe(-1);
    const dst = new Float64Array(src.length).fill(-2);
    scatterStrided(heap, dst, start, stride, n, nb, h0);
    dst.forEach((v, i) => {
      const k = Math.floor((i - start) / stride);
      const inside = i >= start && k < n && (i - start) % stride < nb;
      expect(v).toBe(inside ? src[i] : -2);
    });
  });

  const scaleCases: [PffftInstance, number, number][] = [[pffftSimd, 2048 * 3 + 8, 1 / 64], [pffftSimd, 2048 * 3 + 8, 1 / 96],
    [pffftScalar, 2048 + 6, 1 / 2048], [pffftScalar, 2048 + 6, 1 / 30], [pffftSimd, 40, 1 / 12]];
  it.each(scaleCases)('PffftInstance.scaleTo: every float times the scale, rounded as in float64 (%#)', (instance, floats, scale) => {
    const src = instance.scratch(8 * floats + 64);
    const dst = src + 4 * floats + 32;
    const heap = instance.heap();
    const values = randomArray(floats, floats);
    heap.set(values, src >> 2);
    heap.fill(7, dst >> 2, (dst >> 2) + floats + 4);
    instance.scaleTo(src, dst, floats, scale);
    const out = heap.subarray(dst >> 2, (dst >> 2) + floats);
    expect(Array.from(out)).toEqual(Array.from(values, (v) => Math.fround(v * scale)));
    expect(heap[(dst >> 2) + floats]).toBe(7);
    expect(Array.from(heap.subarray(src >> 2, (src >> 2) + floats))).toEqual(Array.from(values));
  });

  it('splits neighbouring lines into blocks of at most maxLines, on multiples of 4, none tiny', () => {
    const bad: string[] = [];
    for (const maxLines of [4, 8, 32, 128]) {
      for (let inner = 1; inner <= 1500; inner++) {
        const bounds = stridedBlocks(inner, maxLines);
        let ok = bounds[0] === 0 && bounds[bounds.length - 1] === inner && bounds.length - 1 === Math.ceil(inner / maxLines);
        for (let i = 0; i + 1 < bounds.length; i++) {
          const size = bounds[i + 1] - bounds[i];
          ok &&= size > 0 && size <= maxLines && size >= Math.min(inner, maxLines / 2 - 4) && (i + 2 === bounds.length || bounds[i + 1] % 4 === 0);
        }
        if (!ok) bad.push(`${inner}/${maxLines}`);
      }
    }
    expect(bad).toEqual([]);
    expect([64, 256, 1024, 8192, 65536].map(stridedBlockLines)).toEqual([128, 128, 32, 4, 4]);
    expect(stridedBlocks(33, 32)).toEqual([0, 20, 33]);
    expect(stridedBlocks(65, 32)).toEqual([0, 24, 44, 65]);
    expect(stridedBlocks(129, 128)).toEqual([0, 68, 129]);
  });
});

describe('strided axes against the float64 DFT', () => {
  // y/z lengths on PFFFT (20, 16, 48, 2048) and Bluestein (11, 13); line counts that are not
  // multiples of the block (128 lines, 16 for n = 2048) or of the 4-line tile.
  const shapes: Shape3[] = [[16, 20, 37], [11, 13, 6], [48, 3, 5], [13, 48, 1], [3, 16, 150], [2048, 1, 20]];
  it.each(shapes)('%i×%i×%i: each axis, forward, inverse (1/N folded into the last pass), round trip', (...s) => {
    const shape = s as Shape3;
    const n = shape[0] * shape[1] * shape[2];
    for (const axes of [[0], [1], [0, 1], [0, 1, 2]] as FftAxis[][]) {
      const x = randomArray(2 * n, n + axes.length);
      const plan = planFftCpu(shape, axes);
      const y = x.slice();
      plan.forward(y);
      expect(relL2(y, fft64(Float64Array.from(x), shape, axes)), `forward axes ${axes}`).toBeLessThan(FORWARD_TOL);
      const count = axes.reduce<number>((p, a) => p * shape[a], 1);
      const inv = x.slice();
      plan.inverse(inv);
      const ref = fft64(Float64Array.from(x), shape, axes, true).map((v) => v / count);
      expect(relL2(inv, ref), `inverse axes ${axes}`).toBeLessThan(FORWARD_TOL);
      plan.inverse(y);
      expect(relL2(y, x), `round trip axes ${axes}`).toBeLessThan(ROUND_TRIP_TOL);
    }
  });
});

describe('transformCpu from one array into another (x and y plane by plane, then z)', () => {
  it.each([[[4, 12, 20]], [[3, 7, 16]], [[5, 1, 32]]] as [Shape3][])('%j: output is the DFT, input untouched', (shape) => {
    const n = shape[0] * shape[1] * shape[2];
    const x = randomArray(2 * n, 3);
    const before = x.slice();
    const out = new Float32Array(2 * n);
    const active = ([0, 1, 2] as FftAxis[]).filter((a) => shape[a] > 1);
    transformCpu(x, out, shape, active, false, 1);
    expect(relL2(out, fft64(Float64Array.from(x), shape))).toBeLessThan(FORWARD_TOL);
    expect(x).toEqual(before);
    transformCpu(out, x, shape, active, true, 1 / n);
    expect(relL2(x, before)).toBeLessThan(ROUND_TRIP_TOL);
  });
});

describe('real transforms on PFFFT real rows (half-spectrum blocks in the heap)', () => {
  // 35 rows: a full 32-row block and an odd remainder; nx/2+1 = 17, 33, 49 columns for y and z.
  const shapes: Shape3[] = [[5, 7, 64], [1, 33, 32], [3, 40, 96], [1, 1, 32], [2, 1, 160], [9, 1, 32]];
  it.each(shapes)('%i×%i×%i: half spectrum, round trip, half untouched', (...s) => {
    const shape = s as Shape3;
    const real = randomArray(shape[0] * shape[1] * shape[2], shape[1]);
    const plan = planRfftCpu(shape);
    const half = plan.forward(real);
    expect(relL2(half, rfft64(real, shape))).toBeLessThan(FORWARD_TOL);
    const before = half.slice();
    const back = plan.inverse(half);
    expect(relL2(back, real)).toBeLessThan(ROUND_TRIP_TOL);
    expect(half).toEqual(before);
  });

  it.each([35, 1, 2, 33])('%i rows: x pass writes exact zeros in the imaginary parts of bins 0 and nx/2', (rows) => {
    const n = 64;
    const real = randomArray(rows * n, rows);
    const half = new Float32Array(rows * (n + 2)).fill(9);
    realRowsForwardPffft(n, real, half, rows);
    const ref = new Float64Array(half.length);
    for (let r = 0; r < rows; r++) ref.set(rfft64(real.subarray(r * n, (r + 1) * n), [1, 1, n]), (n + 2) * r);
    expect(relL2(half, ref)).toBeLessThan(FORWARD_TOL);
    for (let r = 0; r < rows; r++) {
      expect(half[(n + 2) * r + 1]).toBe(0);
      expect(half[(n + 2) * r + n + 1]).toBe(0);
    }
    const back = new Float32Array(rows * n);
    realRowsInversePffft(n, half, back, rows, 1 / n);
    expect(relL2(back, real)).toBeLessThan(ROUND_TRIP_TOL);
  });
});
