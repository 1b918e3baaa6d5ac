import { describe, expect, it } from 'vitest';
import { Prng } from '../../util/prng';
import { boundaryIndex, gaussianFilter, gaussianWeights, label, uniformFilter, type BoundaryMode } from './ndimage';

/** Brute-force separable correlation with explicit boundary mapping, for comparison. */
function bruteFilter(data: Float64Array, s: number[], w: Float64Array, mode: BoundaryMode): Float64Array {
  const h = (w.length - 1) / 2;
  const out = new Float64Array(data.length);
  for (let z = 0; z < s[0]; z++) for (let y = 0; y < s[1]; y++) for (let x = 0; x < s[2]; x++) {
    let acc = 0;
    for (let a = -h; a <= h; a++) for (let b = -h; b <= h; b++) for (let c = -h; c <= h; c++) {
      const zz = boundaryIndex(z + a, s[0], mode);
      const yy = boundaryIndex(y + b, s[1], mode);
      const xx = boundaryIndex(x + c, s[2], mode);
      acc += w[a + h] * w[b + h] * w[c + h] * data[(zz * s[1] + yy) * s[2] + xx];
    }
    out[(z * s[1] + y) * s[2] + x] = acc;
  }
  return out;
}

describe('boundary modes', () => {
  it('mirror is d c b | a b c d | c b a and reflect is d c b a | a b c d | d c b a (scipy)', () => {
    const idx = (mode: BoundaryMode) => [-4, -3, -2, -1, 4, 5, 6, 7].map((i) => boundaryIndex(i, 4, mode));
    expect(idx('mirror')).toEqual([2, 3, 2, 1, 2, 1, 0, 1]);
    expect(idx('reflect')).toEqual([3, 2, 1, 0, 3, 2, 1, 0]);
    expect(boundaryIndex(-5, 1, 'mirror')).toBe(0);
  });
});

describe('filters', () => {
  it('Gaussian weights: radius int(4σ + 0.5), normalised', () => {
    expect(gaussianWeights(1)).toHaveLength(9);
    expect(gaussianWeights(2.5)).toHaveLength(21);
    expect(gaussianWeights(1).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 15);
    expect(Array.from(gaussianWeights(0))).toEqual([1]);
  });

  it('gaussianFilter and uniformFilter equal a brute-force 3-D correlation, also with kernels longer than the axis', () => {
    const rng = new Prng(4);
    const s = [5, 6, 7];
    const data = Float64Array.from({ length: 210 }, () => rng.normal());
    for (const [sigma, mode] of [[0.8, 'mirror'], [2, 'mirror'], [1.1, 'reflect']] as const) {
      const a = gaussianFilter(data, s, sigma, mode);
      const b = bruteFilter(data, s, gaussianWeights(sigma), mode);
      a.forEach((v, i) => expect(v).toBeCloseTo(b[i], 12));
    }
    const u = uniformFilter(data, s, 5);
    const ub = bruteFilter(data, s, new Float64Array(5).fill(0.2), 'reflect');
    u.forEach((v, i) => expect(v).toBeCloseTo(ub[i], 12));
    expect(() => uniformFilter(data, s, 4)).toThrow(/odd positive integer/);
    expect(() => gaussianFilter(data, [5, 6, 6], 1)).toThrow(/210 values do not fill a 5×6×6 volume/);
  });
});

describe('label', () => {
  it('6-connected components in raster order; diagonal contact does not connect', () => {
    const s = [2, 3, 3];
    const m = new Uint8Array(18);
    m[0] = 1; // (0,0,0)
    m[1] = 1; // (0,0,1) joins it
    m[4] = 1; // (0,1,1): face neighbour of (0,0,1)
    m[8] = 1; // (0,2,2): only diagonal to (0,1,1)
    m[9 + 8] = 1; // (1,2,2): below (0,2,2)
    m[9 + 6] = 1; // (1,2,0): alone
    const { labels, count } = label(m, s);
    expect(count).toBe(3);
    expect([labels[0], labels[1], labels[4]]).toEqual([1, 1, 1]);
    expect([labels[8], labels[17]]).toEqual([2, 2]);
    expect(labels[15]).toBe(3);
  });
});
