import { describe, expect, it } from 'vitest';
import { cropCpu, padCpu } from './pad.cpu';
import { ConvError } from './errors';
import { padSource } from './shape';

describe('padding for linear convolution', () => {
  it('1-D [1, 2, 3] to 8: right margin continues the edge, the rest wraps from the left', () => {
    const x = new Float32Array([1, 2, 3]);
    expect([...padCpu(x, [1, 1, 3], [1, 1, 8], 'zero')]).toEqual([1, 2, 3, 0, 0, 0, 0, 0]);
    // Half-sample symmetric: … 2 1 | 1 2 3 | 3 2 1 …; positions 6, 7 are −2, −1.
    expect([...padCpu(x, [1, 1, 3], [1, 1, 8], 'mirror')]).toEqual([1, 2, 3, 3, 2, 1, 2, 1]);
  });

  it('mirrors repeatedly when the margin is wider than the image', () => {
    const map = Array.from({ length: 9 }, (_, j) => padSource(j, 2, 9, 'mirror'));
    // Image [a b] at 0..1, extended … b b a | a b | b a a b …: right margin 2..5 = b a a b;
    // left margin 6..8 holds positions −3..−1 = b b a.
    expect(map).toEqual([0, 1, 1, 0, 0, 1, 1, 1, 0]);
  });

  it('crop takes the image-shaped box at the origin; shapes must fit', () => {
    const padded = Float32Array.from({ length: 2 * 3 * 4 }, (_, i) => i);
    expect([...cropCpu(padded, [2, 3, 4], [1, 2, 2])]).toEqual([0, 1, 4, 5]);
    expect(() => cropCpu(padded, [2, 3, 4], [3, 1, 1])).toThrow(ConvError);
  });
});
