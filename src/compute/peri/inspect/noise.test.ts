import { describe, expect, it } from 'vitest';
import { InspectError } from './errors';
import { unitGaussian } from './histogram';
import { examineUnexplainedNoise } from './noise';
import { fftFrequency } from './power-spectrum';
import { bruteCounts, bruteDft, gaussians, lcg } from './testing';

describe('examineUnexplainedNoise', () => {
  const shape = [3, 4, 5] as const;
  const rnd = lcg(11);
  const r = Float32Array.from({ length: 60 }, () => (rnd() - 0.5) * 0.2 + (rnd() < 0.05 ? 0.6 : 0));

  it('histograms r/RMS(r) and (Re q, Im q)/RMS(Re q) like a brute-force DFT and binning', () => {
    const bins = 40;
    const xlim = 4;
    const out = examineUnexplainedNoise(r, shape, { bins, xlim });
    const rms = Math.sqrt(r.reduce((s, v) => s + v * v, 0) / r.length);
    expect(out.rms.real).toBeCloseTo(rms, 6);
    const width = (2 * xlim) / bins;
    const realCounts = bruteCounts(Array.from(r, (v) => v / rms), -xlim, xlim, bins);
    out.real.density.forEach((d, k) => expect(d).toBeCloseTo(realCounts[k] / (r.length * width), 9));

    const q = bruteDft(r, shape);
    const re = q.filter((_, i) => i % 2 === 0);
    const rmsRe = Math.sqrt(re.reduce((s, v) => s + v * v, 0) / re.length);
    expect(out.rms.fourierRe).toBeCloseTo(rmsRe, 5);
    const scaled = Array.from(q, (v) => v / rmsRe);
    const fCounts = bruteCounts(scaled, -xlim, xlim, bins);
    const outside = scaled.filter((v) => Math.abs(v) > xlim).length;
    expect(out.fourier.below + out.fourier.above).toBe(outside);
    expect(out.fourier.total).toBe(2 * r.length);
    // float32 FFT vs float64 DFT: a value on a bin edge may land one bin over; totals agree exactly.
    const got = out.fourier.density.map((d) => Math.round(d * 2 * r.length * width));
    expect(got.reduce((a, b) => a + b, 0)).toBe(fCounts.reduce((a, b) => a + b, 0));
    expect(got.filter((c, k) => c !== fCounts[k]).length).toBeLessThanOrEqual(2);
  });

  it('gives the radially averaged |q|²/N per shell of |k| like a brute-force sum', () => {
    const out = examineUnexplainedNoise(r, shape);
    const q = bruteDft(r, shape);
    const dk = 1 / 5;
    const sums = new Map<number, { s: number; n: number }>();
    for (let z = 0, i = 0; z < 3; z++) for (let y = 0; y < 4; y++) for (let x = 0; x < 5; x++, i++) {
      const k = Math.hypot(fftFrequency(z, 3), fftFrequency(y, 4), fftFrequency(x, 5));
      const shell = Math.round(k / dk);
      const e = sums.get(shell) ?? { s: 0, n: 0 };
      e.s += q[2 * i] ** 2 + q[2 * i + 1] ** 2;
      e.n++;
      sums.set(shell, e);
    }
    for (const [shell, { s, n }] of sums) {
      expect(out.spectrum.counts[shell]).toBe(n);
      expect(out.spectrum.power[shell]).toBeCloseTo(s / n / 60, 6);
      expect(out.spectrum.k[shell]).toBeCloseTo(shell * dk, 12);
    }
  });

  it('finds white Gaussian noise Gaussian: unit density at 0, flat spectrum at σ²', () => {
    const sigma = 0.3;
    const n = [16, 16, 16] as const;
    const out = examineUnexplainedNoise(gaussians(16 ** 3, sigma, 5), n, { bins: 50, xlim: 5 });
    expect(out.rms.real).toBeCloseTo(sigma, 1);
    const width = 10 / 50;
    const mass = (d: number[]) => d.reduce((a, b) => a + b, 0) * width;
    expect(mass(out.real.density)).toBeCloseTo(1, 6);
    expect(mass(out.fourier.density)).toBeGreaterThan(0.999);
    const centre = (d: number[]) => (d[24] + d[25]) / 2;
    expect(centre(out.real.density)).toBeCloseTo(unitGaussian(0.1), 1);
    expect(centre(out.fourier.density)).toBeCloseTo(unitGaussian(0.1), 1);
    const mid = out.spectrum.power.slice(2, 8);
    for (const p of mid) expect(Math.abs(p / sigma ** 2 - 1)).toBeLessThan(0.25);
    expect(out.gaussian.t[0]).toBe(-5);
    expect(out.gaussian.density[100]).toBeCloseTo(1 / Math.sqrt(2 * Math.PI), 12);
  });

  it('refuses bad input with a specific message', () => {
    expect(() => examineUnexplainedNoise(new Float32Array(10), [2, 2, 2])).toThrow(/10 values do not fill a 2×2×2/);
    expect(() => examineUnexplainedNoise(new Float32Array(8), [2, 2, 2])).toThrow(/all zero/);
    expect(() => examineUnexplainedNoise(Float32Array.of(1, Number.NaN, 0, 0, 0, 0, 0, 0), [2, 2, 2])).toThrow(/non-finite value \(NaN\) at index 1/);
    expect(() => examineUnexplainedNoise(r, shape, { bins: 0 })).toThrow(InspectError);
    expect(() => examineUnexplainedNoise(r, shape, { xlim: -1 })).toThrow(/xlim/);
  });
});
