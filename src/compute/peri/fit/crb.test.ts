import { describe, expect, it } from 'vitest';
import { Prng } from '../../util/prng';
import { crbFromJacobian, modelDerivativeRows, sigmaFromResiduals, stateCrb, tileJjt } from './crb';
import { jjt } from './jtj';
import { ResidualFunctionProblem } from './problem';
import { fitState, FIT_NOISE } from './testing';

describe('CRB', () => {
  it('equals the analytic CRB of a straight-line regression', () => {
    const x = Array.from({ length: 25 }, (_, i) => 0.3 * i - 2);
    const rng = new Prng(2);
    const y = x.map((xi) => 1.5 + 0.7 * xi + 0.1 * rng.normal());
    const prob = new ResidualFunctionProblem((p) => x.map((xi, i) => y[i] - (p[0] + p[1] * xi)), [0, 0]);
    const sigma = 0.1;
    const crb = crbFromJacobian(prob.jacobian().rows, sigma);
    const n = x.length;
    const mean = x.reduce((s, v) => s + v, 0) / n;
    const sxx = x.reduce((s, v) => s + (v - mean) ** 2, 0);
    const sx2 = x.reduce((s, v) => s + v * v, 0);
    expect(crb[1]).toBeCloseTo(sigma / Math.sqrt(sxx), 8);
    expect(crb[0]).toBeCloseTo(sigma * Math.sqrt(sx2 / (n * sxx)), 8);
  });

  it('σ from residuals is their RMS', () => {
    expect(sigmaFromResiduals([3, -4])).toBeCloseTo(Math.sqrt(12.5), 14);
    expect(() => sigmaFromResiduals([])).toThrow(/zero residuals/);
  });

  it('tile-restricted JJᵀ equals the dense JJᵀ over every pixel', () => {
    const st = fitState();
    const names = ['sph-0-x', 'sph-1-a', 'sph-2-z', 'offset'];
    const rows = modelDerivativeRows(st, names);
    expect(rows[0].tile.volume).toBeLessThan(st.residuals.length);
    expect(rows[3].tile.volume).toBe(st.residuals.length);
    const [, ny, nx] = st.ishape.shape;
    const dense = rows.map((r) => {
      const full = new Float64Array(st.residuals.length);
      const [tz, ty, tx] = r.tile.shape;
      let k = 0;
      for (let z = 0; z < tz; z++) for (let y = 0; y < ty; y++) for (let x = 0; x < tx; x++) {
        full[((r.tile.l[0] + z) * ny + r.tile.l[1] + y) * nx + r.tile.l[2] + x] = r.values[k++];
      }
      return full;
    });
    const a = tileJjt(rows);
    const b = jjt(dense);
    a.forEach((v, i) => expect(Math.abs(v - b[i])).toBeLessThan(1e-9 * Math.abs(b[i]) + 1e-9));
  });

  it('on a state: leaves it unchanged, σ = RMS residual ≈ the noise, CRBs of hundredths of a pixel', () => {
    const st = fitState();
    const before = st.values;
    const e0 = st.error;
    const res = stateCrb(st, st.paramParticle([0, 1, 2]));
    expect(st.values).toEqual(before);
    expect(Math.abs(st.error - e0)).toBeLessThan(1e-6 * e0);
    expect(res.sigma).toBeGreaterThan(0.9 * FIT_NOISE);
    expect(res.sigma).toBeLessThan(1.1 * FIT_NOISE);
    res.crb.forEach((c) => {
      expect(c).toBeGreaterThan(1e-4);
      expect(c).toBeLessThan(0.05);
    });
    const doubled = stateCrb(st, ['sph-0-x'], { sigma: 2 * res.sigma });
    const single = stateCrb(st, ['sph-0-x'], { sigma: res.sigma });
    expect(doubled.crb[0]).toBeCloseTo(2 * single.crb[0], 12);
    expect(() => stateCrb(st, ['nope'])).toThrow(/no parameter nope/);
  });
});
