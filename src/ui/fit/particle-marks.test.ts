import { describe, expect, it } from 'vitest';
import { crossSection, toCrop, toVolume } from './particle-marks';

describe('crossSection', () => {
  const centre = { z: 10, y: 20, x: 30 };

  it('is the full circle through the centre, an ellipse in z-stretched views', () => {
    expect(crossSection('xy', centre, 5, 0.5, { z: 10, y: 0, x: 0 })).toEqual({ col: 30, row: 20, rCol: 5, rRow: 5 });
    expect(crossSection('xz', centre, 5, 0.5, { z: 0, y: 20, x: 0 })).toEqual({ col: 30, row: 10, rCol: 5, rRow: 10 });
    expect(crossSection('yz', centre, 5, 0.5, { z: 0, y: 0, x: 30 })).toEqual({ col: 10, row: 20, rCol: 10, rRow: 5 });
  });

  it('shrinks with the distance of the slice, measured in x pixels', () => {
    // z 2 slices away at zscale 2 is 4 x-pixels: r = √(25 − 16) = 3.
    expect(crossSection('xy', centre, 5, 2, { z: 12, y: 0, x: 0 })).toMatchObject({ rCol: 3, rRow: 3 });
    expect(crossSection('xz', centre, 5, 1, { z: 0, y: 24, x: 0 })).toMatchObject({ rCol: 3, rRow: 3 });
    expect(crossSection('xy', centre, 5, 2, { z: 12.5, y: 0, x: 0 })).toBeNull();
    expect(crossSection('xy', centre, 0, 1, { z: 10, y: 0, x: 0 })).toBeNull();
  });

  it('converts between crop and volume pixels', () => {
    expect(toVolume([1, 2, 3], [10, 20, 30])).toEqual({ z: 11, y: 22, x: 33 });
    expect(toCrop({ z: 11, y: 22, x: 33 }, [10, 20, 30])).toEqual([1, 2, 3]);
  });
});
