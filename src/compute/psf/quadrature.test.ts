/** Gauss rules against known nodes and weights, and their exactness on polynomials. */
import { describe, expect, it } from 'vitest';
import { QuadratureError, gaussHermite, gaussLaguerre, gaussLegendre, lineScanQuadrature } from './quadrature';

const sum = (q: { nodes: Float64Array; weights: Float64Array }, f: (x: number) => number) =>
  q.weights.reduce((a, w, i) => a + w * f(q.nodes[i]), 0);

function factorial(k: number): number {
  let f = 1;
  for (let i = 2; i <= k; i++) f *= i;
  return f;
}

describe('Gauss–Legendre', () => {
  it('matches the known 20-point nodes and weights', () => {
    const q = gaussLegendre(20);
    expect(q.nodes[19]).toBeCloseTo(0.993128599185095, 14);
    expect(q.weights[19]).toBeCloseTo(0.017614007139150893, 13);
    expect(q.nodes[10]).toBeCloseTo(0.07652652113349734, 14);
    expect(q.weights[10]).toBeCloseTo(0.15275338713072628, 13);
    expect(q.nodes[0]).toBe(-q.nodes[19]);
  });

  it('integrates polynomials up to degree 2n − 1 exactly', () => {
    const q = gaussLegendre(20);
    expect(sum(q, () => 1)).toBeCloseTo(2, 13);
    expect(sum(q, (x) => x ** 38)).toBeCloseTo(2 / 39, 13);
    expect(sum(q, (x) => x ** 39 + 3 * x ** 7)).toBeCloseTo(0, 14);
    expect(gaussLegendre(3).nodes[1]).toBe(0);
    expect(gaussLegendre(3).weights[1]).toBeCloseTo(8 / 9, 15);
  });
});

describe('Gauss–Laguerre', () => {
  it('matches the known 20-point extreme nodes and weights', () => {
    const q = gaussLaguerre(20);
    expect(q.nodes[0]).toBeCloseTo(0.07053988969198874, 14);
    expect(q.weights[0]).toBeCloseTo(0.1687468018511337, 13);
    expect(q.nodes[19] / 66.52441652561575).toBeCloseTo(1, 13);
    expect(q.weights[19] / 1.6564566124990854e-28).toBeCloseTo(1, 10);
  });

  it('gives ∫ x^k e^{−x} dx = k! for k < 2n', () => {
    const q = gaussLaguerre(20);
    for (const k of [0, 1, 5, 12, 20]) expect(sum(q, (x) => x ** k) / factorial(k)).toBeCloseTo(1, 11);
  });
});

describe('Gauss–Hermite', () => {
  it('has the closed forms for 1 and 3 points', () => {
    const one = gaussHermite(1);
    expect(Array.from(one.nodes)).toEqual([0]);
    expect(one.weights[0]).toBeCloseTo(Math.sqrt(Math.PI), 15);
    const three = gaussHermite(3);
    expect(three.nodes[2]).toBeCloseTo(Math.sqrt(1.5), 15);
    expect(three.nodes[0]).toBeCloseTo(-Math.sqrt(1.5), 15);
    expect(three.nodes[1]).toBe(0);
    expect(three.weights[1]).toBeCloseTo((2 * Math.sqrt(Math.PI)) / 3, 15);
    expect(three.weights[0]).toBeCloseTo(Math.sqrt(Math.PI) / 6, 15);
  });

  it('matches the known 20-point largest node and gives the Gaussian moments', () => {
    const q = gaussHermite(20);
    expect(q.nodes[19]).toBeCloseTo(5.387480890011233, 13);
    expect(q.weights[19] / 2.2293936455341447e-13).toBeCloseTo(1, 11);
    expect(sum(q, (x) => x ** 6)).toBeCloseTo((15 / 8) * Math.sqrt(Math.PI), 13);
  });
});

describe("PERI's line-scan quadrature", () => {
  it('is the sinh-mapped Laguerre rule with scale 0.051532 and integrates decaying tails', () => {
    const q = lineScanQuadrature(20);
    const lag = gaussLaguerre(20);
    expect(q.nodes[3]).toBeCloseTo(Math.sinh(0.051532 * lag.nodes[3]), 15);
    expect(sum(q, (x) => 1 / (1 + x * x) ** 2) / (Math.PI / 4)).toBeCloseTo(1, 4);
    expect(sum(q, (x) => Math.exp(-x))).toBeCloseTo(1, 6);
  });

  it('rejects unsupported sizes with a clear error', () => {
    expect(() => lineScanQuadrature(17)).toThrow(QuadratureError);
    expect(() => gaussLegendre(0)).toThrow(/integer number of points/);
  });
});
