import { describe, expect, it } from 'vitest';
import { niceLength, normaliseUnit, scaleBar } from './scale-bar';

describe('scale bar', () => {
  it('picks the largest 1/2/5 × 10^k within the limit', () => {
    expect(niceLength(7.3)).toBe(5);
    expect(niceLength(2)).toBe(2);
    expect(niceLength(19.9)).toBe(10);
    expect(niceLength(0.034)).toBeCloseTo(0.02, 12);
    expect(() => niceLength(0)).toThrow(/positive/);
  });

  it('measures in the voxel unit, switching µm to nm or mm to keep the number readable', () => {
    // 40 screen px per µm, 120 px target → 3 µm limit → 2 µm bar of 80 px.
    expect(scaleBar(40, 'micron', 120)).toEqual({ widthPx: 80, label: '2 µm' });
    // 1000 px per µm → 0.12 µm limit → 0.1 µm = 100 nm.
    expect(scaleBar(1000, 'µm', 120)).toEqual({ widthPx: 100, label: '100 nm' });
    expect(scaleBar(0.05, 'um', 120)?.label).toBe('2 mm');
  });

  it('falls back to voxels ("px") and keeps unknown units as written', () => {
    expect(scaleBar(3, null, 120)).toEqual({ widthPx: 60, label: '20 px' });
    expect(scaleBar(3, 'inch', 120)?.label).toBe('20 inch');
    expect(scaleBar(0, 'µm')).toBeNull();
  });

  it('normalises micrometre spellings', () => {
    expect(normaliseUnit('um')).toBe('µm');
    expect(normaliseUnit('μm')).toBe('µm');
    expect(normaliseUnit(' ')).toBeNull();
    expect(normaliseUnit('nm')).toBe('nm');
  });
});
