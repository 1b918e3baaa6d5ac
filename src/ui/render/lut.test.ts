import { describe, expect, it } from 'vitest';
import { applyLut, LUT_OPTIONS, LUT_SIZE, lutTable, NAN_RGBA } from './lut';

function colourOf(v: number, lo: number, hi: number, name: Parameters<typeof lutTable>[0]): number[] {
  const out = new Uint8ClampedArray(4);
  applyLut(new Float32Array([v]), lo, hi, lutTable(name), out);
  return [...out];
}

describe('lutTable', () => {
  it('has 256 opaque RGBA entries for every LUT', () => {
    for (const { name } of LUT_OPTIONS) {
      const t = lutTable(name);
      expect(t.length).toBe(LUT_SIZE * 4);
      for (let i = 3; i < t.length; i += 4) expect(t[i]).toBe(255);
    }
  });

  it('grey runs black to white and inverted the other way', () => {
    const grey = lutTable('grey');
    const inv = lutTable('inverted');
    expect([...grey.subarray(0, 3)]).toEqual([0, 0, 0]);
    expect([...grey.subarray(255 * 4, 255 * 4 + 3)]).toEqual([255, 255, 255]);
    expect([...grey.subarray(128 * 4, 128 * 4 + 3)]).toEqual([128, 128, 128]);
    expect([...inv.subarray(0, 3)]).toEqual([255, 255, 255]);
    expect([...inv.subarray(255 * 4, 255 * 4 + 3)]).toEqual([0, 0, 0]);
  });

  it('bone is blue-tinted in the shadows and monotonic in brightness', () => {
    const bone = lutTable('bone');
    const mid = 93 * 4; // about 0.365, the blue knee
    expect(bone[mid + 2]).toBeGreaterThan(bone[mid]);
    let previous = -1;
    for (let i = 0; i < LUT_SIZE; i++) {
      const sum = bone[i * 4] + bone[i * 4 + 1] + bone[i * 4 + 2];
      expect(sum).toBeGreaterThanOrEqual(previous);
      previous = sum;
    }
  });

  it('diverging is blue below the middle, near-white at it, red above', () => {
    const d = lutTable('diverging');
    const at = (i: number) => [...d.subarray(i * 4, i * 4 + 3)];
    const [r0, , b0] = at(20);
    const [r1, , b1] = at(235);
    expect(b0).toBeGreaterThan(r0);
    expect(r1).toBeGreaterThan(b1);
    for (const c of at(128)) expect(c).toBeGreaterThan(230);
  });
});

describe('applyLut', () => {
  it('maps lo to the first entry, hi to the last, clamps outside and rounds inside', () => {
    expect(colourOf(10, 10, 20, 'grey')).toEqual([0, 0, 0, 255]);
    expect(colourOf(20, 10, 20, 'grey')).toEqual([255, 255, 255, 255]);
    expect(colourOf(-5, 10, 20, 'grey')).toEqual([0, 0, 0, 255]);
    expect(colourOf(99, 10, 20, 'grey')).toEqual([255, 255, 255, 255]);
    expect(colourOf(15, 10, 20, 'grey')[0]).toBe(128);
  });

  it('centres zero on white for symmetric limits with the diverging LUT', () => {
    const [r, g, b] = colourOf(0, -3, 3, 'diverging');
    expect(Math.min(r, g, b)).toBeGreaterThan(230);
  });

  it('shows NaN in the NaN colour and handles an empty window', () => {
    expect(colourOf(Number.NaN, 0, 1, 'grey')).toEqual([...NAN_RGBA]);
    expect(colourOf(5, 5, 5, 'grey')).toEqual([255, 255, 255, 255]);
    expect(colourOf(4, 5, 5, 'grey')).toEqual([0, 0, 0, 255]);
  });

  it('refuses an output buffer that is too small', () => {
    expect(() => applyLut(new Float32Array(4), 0, 1, lutTable('grey'), new Uint8ClampedArray(8))).toThrow(/output holds 2 pixels, 4 needed/);
  });
});
