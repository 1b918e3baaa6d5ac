import { describe, expect, it } from 'vitest';
import { formatPosition, formatShape, formatValue, formatVoxelSize } from './format';

describe('formatting', () => {
  it('writes values readably', () => {
    expect(formatValue(142)).toBe('142');
    expect(formatValue(0.123456789)).toBe('0.12346');
    expect(formatValue(1.5e-6)).toBe('1.500e-6');
    expect(formatValue(Number.NaN)).toBe('NaN');
    expect(formatValue(null)).toBe('…');
  });

  it('writes physical positions and voxel sizes with the unit, or says they are unknown', () => {
    const vs = { z: 0.5, y: 0.1, x: 0.1, unit: 'micron' };
    expect(formatPosition(3, vs, 'z')).toBe('1.5 µm');
    expect(formatPosition(3, { ...vs, y: null }, 'y')).toBe('—');
    expect(formatVoxelSize(vs)).toBe('0.5 × 0.1 × 0.1 µm');
    expect(formatVoxelSize({ z: null, y: null, x: null, unit: null })).toBe('voxel size unknown');
    expect(formatShape([48, 64, 64])).toBe('48×64×64');
  });
});
