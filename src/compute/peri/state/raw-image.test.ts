import { describe, expect, it } from 'vitest';
import { Tile } from '../tile';
import { rawImage } from './raw-image';

const SHAPE: [number, number, number] = [2, 3, 4];
const RAW = Float32Array.from({ length: 24 }, (_, i) => i * 10);

describe("PERI's RawImage semantics", () => {
  it('scales by the exposure, default (0, 255), not by min/max', () => {
    const im = rawImage({ data: RAW, shape: SHAPE });
    expect(im.exposure).toEqual([0, 255]);
    expect(im.data[23]).toBeCloseTo(230 / 255, 6);
    expect(rawImage({ data: RAW, shape: SHAPE }, { exposure: [30, 130] }).data[3]).toBeCloseTo(0, 6);
    expect(rawImage({ data: RAW, shape: SHAPE }, { exposure: [30, 130] }).data[13]).toBeCloseTo(1, 6);
  });

  it('invert maps out → max + min − out over the whole stack, then crops', () => {
    const tile = new Tile([1, 1, 1], [2, 3, 3]);
    const im = rawImage({ data: RAW, shape: SHAPE }, { invert: true, tile, exposure: [0, 230] });
    expect(im.shape).toEqual([1, 2, 2]);
    expect(im.tile).toBe(tile);
    // voxel (1,1,1) is raw 170: out 170/230, inverted 1 + 0 − 170/230
    expect(im.data[0]).toBeCloseTo(1 - 170 / 230, 6);
    expect(im.fullShape).toEqual(SHAPE);
  });

  it('rejects bad crops and exposures with clear messages', () => {
    expect(() => rawImage({ data: RAW, shape: SHAPE }, { tile: new Tile([0, 0, 0], [3, 1, 1]) })).toThrow(/crop .* not inside the image/);
    expect(() => rawImage({ data: RAW, shape: SHAPE }, { exposure: [5, 5] })).toThrow(/exposure must be two different/);
    expect(() => rawImage({ data: RAW.subarray(1), shape: SHAPE })).toThrow(/23 values but its shape 2×3×4 holds 24/);
  });
});
