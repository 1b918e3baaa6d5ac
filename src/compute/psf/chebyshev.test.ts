/** Chebyshev interpolation (PERI's ChebyshevInterpolation1D): nodes, coefficients, T_k. */
import { describe, expect, it } from 'vitest';
import { chebyshevCoefficients, chebyshevNodes, chebyshevT, chebyshevWeights, toChebyshevCoordinate } from './chebyshev';

describe('Chebyshev interpolation', () => {
  it('T_k(x) = cos(k·arccos x) and the window maps to [−1, 1]', () => {
    const t = chebyshevT(0.3, 6);
    t.forEach((v, k) => expect(v).toBeCloseTo(Math.cos(k * Math.acos(0.3)), 14));
    expect(toChebyshevCoordinate(0, [0, 96])).toBe(-1);
    expect(toChebyshevCoordinate(96, [0, 96])).toBe(1);
    expect(toChebyshevCoordinate(48, [0, 96])).toBe(0);
  });

  it('interpolates array-valued functions from 8 nodes with 6 terms', () => {
    const window = [0, 96] as const;
    const f = (z: number) => Float64Array.of(Math.exp(-z / 60), (z / 96) ** 3 - 0.2 * (z / 96));
    const nodes = chebyshevNodes(window, 8);
    expect(nodes[0]).toBeCloseTo(48 + 48 * Math.cos(Math.PI / 16), 12);
    const c = chebyshevCoefficients(Array.from(nodes, f), 6);
    for (const z of [0, 13.7, 50, 95.5]) {
      const w = chebyshevWeights([z], window, 6);
      const approx = [0, 1].map((i) => c.reduce((a, ck, k) => a + ck[i] * w[k], 0));
      expect(approx[0]).toBeCloseTo(f(z)[0], 4);
      expect(approx[1]).toBeCloseTo(f(z)[1], 13);
    }
  });

  it('halves c_0 (so a constant is reproduced) and checks its inputs', () => {
    const c = chebyshevCoefficients(Array.from({ length: 8 }, () => Float64Array.of(2.5)), 6);
    expect(c[0][0]).toBeCloseTo(2.5, 14);
    c.slice(1).forEach((ck) => expect(Math.abs(ck[0])).toBeLessThan(1e-14));
    expect(() => chebyshevCoefficients([Float64Array.of(1)], 3)).toThrow(/Chebyshev points/);
    expect(() => chebyshevNodes([3, 3], 8)).toThrow(/window/);
  });
});
