import { describe, expect, it } from 'vitest';
import { evaluateSeparableCpu, type SeparableField } from '../fields/separable-field.cpu';
import { Tile } from '../tile';
import { expandSeparable } from './separable-expand';
import { lcg } from './testing';

function field(terms: number, seed: number): SeparableField {
  const r = lcg(seed);
  const shape: [number, number, number] = [9, 11, 13];
  return {
    shape,
    xy: Array.from({ length: terms }, () => Float64Array.from({ length: 11 * 13 }, () => 2 * r() - 1)),
    z: Array.from({ length: terms }, () => Float64Array.from({ length: 9 }, () => 1 + r())),
    scale: 1.3,
    offset: -0.2,
  };
}

describe('expandSeparable', () => {
  it('gives the bits of evaluateSeparableCpu for one, two and three terms, on tiles and the grid', () => {
    for (const terms of [1, 2, 3]) {
      const f = field(terms, terms);
      for (const tile of [new Tile([9, 11, 13]), new Tile([2, 3, 1], [7, 11, 12])]) expect(expandSeparable(f, tile)).toEqual(evaluateSeparableCpu(f, tile));
    }
    expect(() => expandSeparable(field(1, 4), new Tile([0, 0, 0], [10, 2, 2]))).toThrow(/not inside the grid/);
  });
});
