/** The packed focal integrals against the plain `focalIntensities`: same values bit for bit. */
import { describe, expect, it } from 'vitest';
import { distinctValues, focalIntensitiesPacked, packPhase, packRadial } from './focal-packed';
import { angularRule, focalIntensities, phaseTable, radialTable, type LensOptics } from './vectorial';

const RHO = Float64Array.from({ length: 23 }, (_, i) => 0.41 * i);
const Z = (n: number) => Array.from({ length: n }, (_, i) => 1.3 * (i - n / 2));

function both(lens: LensOptics, nz: number, apodize: boolean, wantAsym: boolean, withK3: boolean) {
  const rule = angularRule(lens);
  const table = radialTable(rule, RHO);
  const phase = phaseTable(rule, Z(nz), 12, apodize);
  const packed = packRadial(table);
  return {
    packed,
    plain: focalIntensities(table, phase, wantAsym, withK3),
    fast: focalIntensitiesPacked(packed, packPhase(phase, rule.n), wantAsym, withK3),
  };
}

describe('focalIntensitiesPacked', () => {
  // n2n1 < 1 and a wide lens: total internal reflection at the outer nodes makes A complex.
  const lenses: [string, LensOptics, boolean][] = [
    ['real Fresnel factors', { alpha: 1.1, n2n1: 0.95 }, true],
    ['complex Fresnel factors', { alpha: 1.45, n2n1: 0.8 }, false],
    ['with sph6 aberration', { alpha: 1.17, n2n1: 1.05, sph6Ab: 0.3 }, true],
  ];

  it.each(lenses)('%s: h_sym and h_asym equal the plain integrals exactly', (_, lens, real) => {
    for (const nz of [1, 6, 7]) {
      const { packed, plain, fast } = both(lens, nz, true, true, true);
      expect(packed.real).toBe(real);
      expect(Array.from(fast.hsym)).toEqual(Array.from(plain.hsym));
      expect(Array.from(fast.hasym!)).toEqual(Array.from(plain.hasym!));
    }
  });

  it.each(lenses)('%s: detection form (no apodisation, no h_asym, K3 dropped or kept)', (_, lens) => {
    for (const withK3 of [true, false]) {
      const { plain, fast } = both(lens, 5, false, false, withK3);
      expect(fast.hasym).toBeNull();
      expect(Array.from(fast.hsym)).toEqual(Array.from(plain.hsym));
    }
    const a = both(lens, 5, false, false, true).fast.hsym;
    const b = both(lens, 5, false, false, false).fast.hsym;
    expect(a.some((v, i) => v !== b[i])).toBe(true);
  });
});

describe('distinctValues', () => {
  it('keeps first occurrences in order and indexes every value', () => {
    const { values, index } = distinctValues([2, 0.5, 2, 3, 0.5, 0.5000000000000001]);
    expect(Array.from(values)).toEqual([2, 0.5, 3, 0.5000000000000001]);
    expect(Array.from(index)).toEqual([0, 1, 0, 2, 1, 3]);
  });
});
