import { describe, expect, it } from 'vitest';
import { examineUnexplainedNoise } from '../../compute/peri/inspect/noise';
import { gaussians } from '../../compute/peri/inspect/testing';
import { noiseFigures } from './noise-traces';

describe('noiseFigures', () => {
  const n = examineUnexplainedNoise(gaussians(8 * 16 * 16, 0.05, 3), [8, 16, 16], { bins: 40, xlim: 6 });
  const f = noiseFigures(n);

  it('plots both histograms on a log axis against the unit Gaussian over ±xlim, without zero bins', () => {
    for (const fig of [f.real, f.fourier]) {
      const [hist, gauss] = fig.data as { x: number[]; y: number[] }[];
      expect(hist.y.every((v) => v > 0)).toBe(true);
      expect(hist.x.length).toBeLessThan(40);
      expect(gauss.x[0]).toBe(-6);
      expect(fig.layout).toMatchObject({ yaxis: { type: 'log' }, xaxis: { range: [-6, 6] } });
    }
  });

  it('plots the power spectrum from the first non-zero |k| with the white-noise level RMS²', () => {
    const [spec, white] = f.spectrum.data as { x: number[]; y: number[] }[];
    expect(spec.x[0]).toBeGreaterThan(0);
    expect(white.y[0]).toBeCloseTo(n.rms.real ** 2, 12);
  });
});
