import { describe, expect, it } from 'vitest';
import { maximumIntensityProjection, type ProjectionAxis } from './mip';
import { lcg } from './testing';

const shape = [4, 3, 5] as const;
const rnd = lcg(9);
const data = Float32Array.from({ length: 60 }, () => rnd() * 10 - 5);
const at = (z: number, y: number, x: number) => data[(z * 3 + y) * 5 + x];

/** Maximum along one axis by visiting the ray of each output pixel. */
function brute(axis: ProjectionAxis, row: number, col: number): number {
  const ray = axis === 'z' ? [0, 1, 2, 3].map((z) => at(z, row, col))
    : axis === 'y' ? [0, 1, 2].map((y) => at(row, y, col))
    : [0, 1, 2, 3, 4].map((x) => at(col, row, x));
  return Math.max(...ray);
}

describe('maximumIntensityProjection', () => {
  it.each([
    ['z', 5, 3],
    ['y', 5, 4],
    ['x', 4, 3],
  ] as const)('along %s: %i wide, %i high, laid out like the matching ortho section', (axis, width, height) => {
    const p = maximumIntensityProjection(data, shape, axis);
    expect([p.width, p.height]).toEqual([width, height]);
    for (let row = 0; row < height; row++) for (let col = 0; col < width; col++) {
      expect(p.data[row * width + col]).toBe(Math.fround(brute(axis, row, col)));
    }
  });

  it('skips NaN voxels; a ray of only NaN stays NaN', () => {
    const v = Float32Array.of(Number.NaN, 2, Number.NaN, Number.NaN);
    const p = maximumIntensityProjection(v, [2, 1, 2], 'z');
    expect(p.data[0]).toBeNaN();
    expect(p.data[1]).toBe(2);
  });

  it('refuses a shape that does not hold the data', () => {
    expect(() => maximumIntensityProjection(data, [4, 3, 4], 'z')).toThrow(/60 values do not fill a 4×3×4/);
  });
});
