/** Bessel J0, J1, J2 against tabulated values, across the three regimes, and through identities. */
import { describe, expect, it } from 'vitest';
import { besselJ0, besselJ012, besselJ1, besselJ2 } from './bessel';

// Reference values (Abramowitz & Stegun tables; digits as given by scipy.special.jv).
const TABLE: [number, number, number, number][] = [
  [0.5, 0.938469807240813, 0.24226845767487387, 0.030604023458682638],
  [5, -0.1775967713143383, -0.3275791375914653, 0.04656511627775229],
  [10, -0.24593576445134832, 0.04347274616886141, 0.2546303136851206],
  [20, 0.16702466434058322, 0.0668331241758502, -0.16034135192299823],
  [30, -0.08636798358104031, -0.11875106261662305, 0.07845124607326538],
  [50, 0.055812327669252086, -0.09751182812517509, -0.05971280079425882],
];

describe('Bessel J0, J1, J2', () => {
  it.each(TABLE)('at x = %f matches the table to 1e-13', (x, j0, j1, j2) => {
    expect(Math.abs(besselJ0(x) - j0)).toBeLessThan(1e-13);
    expect(Math.abs(besselJ1(x) - j1)).toBeLessThan(1e-13);
    expect(Math.abs(besselJ2(x) - j2)).toBeLessThan(1e-13);
  });

  it('has J0(0) = 1, J1(0) = J2(0) = 0, the first zero of J0 and small-x limits', () => {
    expect(besselJ012(0)).toEqual({ j0: 1, j1: 0, j2: 0 });
    expect(Math.abs(besselJ0(2.404825557695773))).toBeLessThan(1e-15);
    expect(besselJ2(1e-4) / (1e-8 / 8)).toBeCloseTo(1, 8);
    expect(besselJ1(1e-6) / 5e-7).toBeCloseTo(1, 10);
  });

  it('is continuous across the regime boundaries (8 and 35)', () => {
    const eps = 1e-9;
    for (const b of [8, 35]) {
      const lo = besselJ012(b - eps);
      const hi = besselJ012(b + eps);
      const m = besselJ012(b);
      // J(b − ε) − J(b + ε) = −2ε·J'(b) + O(ε³), with J0' = −J1, J1' = J0 − J1/x, J2' = J1 − 2·J2/x
      expect(Math.abs(lo.j0 - hi.j0 - 2 * eps * m.j1)).toBeLessThan(5e-14);
      expect(Math.abs(lo.j1 - hi.j1 + 2 * eps * (m.j0 - m.j1 / b))).toBeLessThan(5e-14);
      expect(Math.abs(lo.j2 - hi.j2 + 2 * eps * (m.j1 - (2 * m.j2) / b))).toBeLessThan(5e-14);
    }
  });

  it('satisfies J2 = 2·J1/x − J0 and the parity J_n(−x) = (−1)^n J_n(x)', () => {
    for (let x = 0.37; x < 70; x += 1.731) {
      const { j0, j1, j2 } = besselJ012(x);
      expect(Math.abs(j2 - ((2 * j1) / x - j0))).toBeLessThan(2e-14);
      const m = besselJ012(-x);
      expect([m.j0, -m.j1, m.j2]).toEqual([j0, j1, j2]);
    }
  });

  it('decays like √(2/πx) at large x and handles non-finite input', () => {
    const x = 1e4;
    const { j0, j1 } = besselJ012(x);
    expect(Math.hypot(j0, j1)).toBeCloseTo(Math.sqrt(2 / (Math.PI * x)), 6);
    expect(besselJ0(Infinity)).toBe(0);
    expect(Number.isNaN(besselJ1(NaN))).toBe(true);
  });
});
