/**
 * The focal-field integrals: against closed forms and direct (Simpson) integration for a matched
 * lens, the z-symmetry of an aberration-free focus, and the damping of evanescent components.
 */
import { describe, expect, it } from 'vitest';
import { besselJ012 } from './bessel';
import { OpticsError, angularRule, focalIntensities, phaseTable, radialTable } from './vectorial';

const ALPHA = 1.1;
const CA = Math.cos(ALPHA);

/** Composite Simpson over cos θ ∈ [cos α, 1] of a complex integrand. */
function simpson(f: (c: number) => [number, number], n = 4000): [number, number] {
  const h = (1 - CA) / n;
  let re = 0;
  let im = 0;
  for (let i = 0; i <= n; i++) {
    const w = i === 0 || i === n ? 1 : i % 2 ? 4 : 2;
    const [a, b] = f(CA + i * h);
    re += w * a;
    im += w * b;
  }
  return [(re * h) / 3, (im * h) / 3];
}

/** K1, K2, K3 of the matched lens (n2n1 = 1, A1 = ½(1+c), A2 = ½(1−c), A3 = sin θ) by direct integration. */
function matchedK(rho: number, z: number, apodize: boolean): [number, number][] {
  const term = (c: number, m: number): [number, number] => {
    const s = Math.sqrt(1 - c * c);
    const { j0, j1, j2 } = besselJ012(rho * s);
    const amp = (apodize ? Math.sqrt(c) : 1) * [0.5 * (1 + c) * j0, 0.5 * (1 - c) * j2, s * j1][m];
    return [amp * Math.cos(z * c), amp * Math.sin(z * c)];
  };
  return [0, 1, 2].map((m) => simpson((c) => term(c, m)));
}

function intensities(rho: number, z: number, zint: number, apodize: boolean, n2n1 = 1) {
  const rule = angularRule({ alpha: ALPHA, n2n1 });
  const { hsym, hasym } = focalIntensities(radialTable(rule, [rho]), phaseTable(rule, [z], zint, apodize), true);
  return { hsym: hsym[0], hasym: hasym![0] };
}

describe('vectorial focal-field integrals', () => {
  it('K1 at the focus of a matched lens has its closed form', () => {
    const k1 = 0.5 * ((2 / 3) * (1 - CA ** 1.5) + (2 / 5) * (1 - CA ** 2.5));
    expect(intensities(0, 0, 7.3, true).hsym).toBeCloseTo(k1 * k1, 14);
  });

  it.each([
    [0.8, 0, true],
    [3.7, 2.2, true],
    [6.1, -4.5, false],
  ])('h_sym and h_asym at ρ = %f, z = %f (apodized: %s) match direct integration', (rho, z, apodize) => {
    const [k1, k2, k3] = matchedK(rho, z, apodize);
    const abs2 = ([a, b]: [number, number]) => a * a + b * b;
    const hsym = abs2(k1) + abs2(k2) + 0.5 * abs2(k3);
    const hasym = 2 * (k1[0] * k2[0] + k1[1] * k2[1]) + 0.5 * abs2(k3);
    const got = intensities(rho, z, 12, apodize);
    expect(got.hsym).toBeCloseTo(hsym, 12);
    expect(got.hasym).toBeCloseTo(hasym, 12);
  });

  it('is symmetric in z for a matched lens and asymmetric with an index mismatch', () => {
    const a = intensities(2.5, 3, 40, true);
    const b = intensities(2.5, -3, 40, true);
    expect(a.hsym).toBeCloseTo(b.hsym, 14);
    const c = intensities(2.5, 3, 40, true, 0.9);
    const d = intensities(2.5, -3, 40, true, 0.9);
    expect(Math.abs(c.hsym - d.hsym) / c.hsym).toBeGreaterThan(1e-3);
  });

  it('damps evanescent components (radicand < 0) and never amplifies', () => {
    const rule = angularRule({ alpha: 1.4, n2n1: 0.7 });
    expect(rule.axialImag.some((v) => v === 1)).toBe(true);
    const shallow = phaseTable(rule, [-2], 5, false);
    const deep = phaseTable(rule, [30], 5, false);
    for (let i = 0; i < rule.n; i++) {
      const m1 = Math.hypot(shallow.re[i], shallow.im[i]);
      const m2 = Math.hypot(deep.re[i], deep.im[i]);
      expect(m1).toBeLessThanOrEqual(1 + 1e-15);
      if (rule.axialImag[i]) expect(m2).toBeLessThan(m1);
      else expect(m2).toBeCloseTo(1, 14);
    }
  });

  it('rejects impossible lenses', () => {
    expect(() => angularRule({ alpha: 2, n2n1: 1 })).toThrow(OpticsError);
    expect(() => angularRule({ alpha: 1, n2n1: -1 })).toThrow(/n2n1/);
  });
});
