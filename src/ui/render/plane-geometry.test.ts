import { describe, expect, it } from 'vitest';
import {
  axisScales, cursorAt, fitScale, IDENTITY_TRANSFORM, placeSlice, sliceCount, sliceIndex, sliceSize,
  sliceToScreen, voxelAt, zoomAround, MAX_ZOOM, type PlaneFrame,
} from './plane-geometry';

const shape = [48, 64, 80] as const; // z, y, x
const anisotropic = axisScales({ z: 0.5, y: 0.1, x: 0.1, unit: 'µm' });

function frame(plane: PlaneFrame['plane'], viewport = { width: 400, height: 300 }): PlaneFrame {
  return { plane, shape, scales: anisotropic, viewport };
}

describe('plane axes', () => {
  it('gives each plane its rows, columns and slice axis as in Fiji', () => {
    expect(sliceSize('xy', shape)).toEqual({ width: 80, height: 64 });
    expect(sliceSize('xz', shape)).toEqual({ width: 80, height: 48 });
    expect(sliceSize('yz', shape)).toEqual({ width: 48, height: 64 });
    expect([sliceCount('xy', shape), sliceCount('xz', shape), sliceCount('yz', shape)]).toEqual([48, 64, 80]);
    const c = { z: 3, y: 5, x: 7 };
    expect([sliceIndex('xy', c), sliceIndex('xz', c), sliceIndex('yz', c)]).toEqual([3, 5, 7]);
  });

  it('scales z by voxelSize.z / voxelSize.x and treats unknown sizes as 1', () => {
    expect(anisotropic).toEqual({ z: 5, y: 1, x: 1 });
    expect(axisScales({ z: null, y: 0.2, x: 0.1, unit: null })).toEqual({ z: 1, y: 2, x: 1 });
    expect(axisScales({ z: 2, y: 1, x: null, unit: null })).toEqual({ z: 1, y: 1, x: 1 });
  });
});

describe('placement', () => {
  it('fits the aspect-corrected slice, centred, and stretches z in xz', () => {
    const f = frame('xz');
    const p = placeSlice(f, IDENTITY_TRANSFORM);
    // xz is 80 wide and 48 × 5 = 240 tall (display units): height limits the fit.
    expect(fitScale(f)).toBeCloseTo((300 / 240) * 0.94, 12);
    expect(p.py / p.px).toBeCloseTo(5, 12);
    expect(p.ox + (p.cols * p.px) / 2).toBeCloseTo(200, 9);
    expect(p.oy + (p.rows * p.py) / 2).toBeCloseTo(150, 9);
  });

  it('maps a voxel centre to the screen and back to the same voxel in every plane', () => {
    const cursor = { z: 10, y: 20, x: 30 };
    for (const plane of ['xy', 'xz', 'yz'] as const) {
      const p = placeSlice(frame(plane), { zoom: 2.5, panX: 13, panY: -7 });
      const target = { z: 33, y: 41, x: 77 };
      const col = plane === 'yz' ? target.z : target.x;
      const row = plane === 'xz' ? target.z : target.y;
      const { sx, sy } = sliceToScreen(p, col, row);
      const hit = voxelAt(plane, cursor, shape, p, sx, sy);
      const keep = plane === 'xy' ? 'z' : plane === 'xz' ? 'y' : 'x';
      expect(hit).toEqual({ ...target, [keep]: cursor[keep] });
    }
  });

  it('returns null outside the slice and clamps cursor moves to the volume', () => {
    const p = placeSlice(frame('xy'), IDENTITY_TRANSFORM);
    expect(voxelAt('xy', { z: 0, y: 0, x: 0 }, shape, p, p.ox - 1, p.oy + 1)).toBeNull();
    expect(cursorAt('yz', { z: 1, y: 1, x: 9 }, shape, 100, -3)).toEqual({ z: 47, y: 0, x: 9 });
  });
});

describe('zoomAround', () => {
  it('keeps the slice point under the pointer fixed', () => {
    const f = frame('xy');
    const t0 = { zoom: 1.3, panX: 20, panY: -10 };
    const before = placeSlice(f, t0);
    const sx = 250;
    const sy = 90;
    const u = ((sx - before.ox) / before.px);
    const v = ((sy - before.oy) / before.py);
    const t1 = zoomAround(f, t0, sx, sy, 1.7);
    const after = placeSlice(f, t1);
    expect(t1.zoom).toBeCloseTo(1.3 * 1.7, 12);
    expect(after.ox + u * after.px).toBeCloseTo(sx, 9);
    expect(after.oy + v * after.py).toBeCloseTo(sy, 9);
  });

  it('clamps the zoom', () => {
    expect(zoomAround(frame('xy'), IDENTITY_TRANSFORM, 0, 0, 1e9).zoom).toBe(MAX_ZOOM);
  });
});
