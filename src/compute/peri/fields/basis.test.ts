import { describe, expect, it } from 'vitest';
import { PeriValueError } from '../errors';
import { basisTable, basisValues, gridCoords } from './basis';

describe('bases and coordinates', () => {
  it('evaluates powers, Legendre and Chebyshev polynomials', () => {
    expect(Array.from(basisValues('power', 4, 0.5))).toEqual([1, 0.5, 0.25, 0.125]);
    expect(Array.from(basisValues('legendre', 4, 0.5))).toEqual([1, 0.5, -0.125, -0.4375]);
    expect(Array.from(basisValues('chebyshev', 4, 0.5))).toEqual([1, 0.5, -0.5, -1]);
    expect(basisTable('legendre', 3, Float64Array.of(-1, 1))[2]).toEqual(Float64Array.of(1, 1));
  });

  it('builds the three coordinate conventions of the padded grid', () => {
    expect(Array.from(gridCoords(4, 'unit'))).toEqual([0, 0.25, 0.5, 0.75]);
    expect(Array.from(gridCoords(4, 'legendre'))).toEqual([-1, -0.5, 0, 0.5]);
    const lin = gridCoords(5, 'linspace');
    expect(Array.from(lin)).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect(gridCoords(7, 'linspace')[6]).toBe(1);
    expect(() => gridCoords(0, 'unit')).toThrow(PeriValueError);
  });
});
