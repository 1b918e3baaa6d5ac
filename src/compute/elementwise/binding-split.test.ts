import { describe, expect, it } from 'vitest';
import { bindingLimits, elementsPerSegment, splitForBinding } from './binding-split';

const limits = (max: number, align = 256) => ({ maxStorageBufferBindingSize: max, minStorageBufferOffsetAlignment: align });

describe('binding splitting', () => {
  it('keeps an array that fits in one piece', () => {
    expect(splitForBinding(1000, 4, limits(4096))).toEqual([{ start: 0, count: 1000, byteOffset: 0, byteSize: 4000 }]);
  });

  it('cuts a long array into aligned pieces that each fit', () => {
    const segs = splitForBinding(10_000, 4, limits(4000))!;
    // 4000 bytes hold 1000 floats; pieces are multiples of 64 floats (256-byte alignment): 960.
    expect(segs.map((s) => s.count)).toEqual([...Array(10).fill(960), 400]);
    for (const s of segs) {
      expect(s.byteOffset % 256).toBe(0);
      expect(s.byteSize).toBeLessThanOrEqual(4000);
      expect(s.byteOffset).toBe(s.start * 4);
    }
    expect(segs.reduce((a, s) => a + s.count, 0)).toBe(10_000);
  });

  it('respects a granule (whole workgroup chunks per piece)', () => {
    expect(elementsPerSegment(4, limits(10_000), 1024)).toBe(2048);
    expect(splitForBinding(5000, 4, limits(10_000), 1024)!.map((s) => s.start)).toEqual([0, 2048, 4096]);
  });

  it('returns null when one granule does not fit', () => {
    expect(splitForBinding(5000, 4, limits(2048), 1024)).toBeNull();
  });

  it('takes the smaller of the device limit and a test override, rounded down to 4 bytes', () => {
    const ctx = { limits: { maxStorageBufferBindingSize: 1 << 20, minStorageBufferOffsetAlignment: 256 } };
    expect(bindingLimits(ctx).maxStorageBufferBindingSize).toBe(1 << 20);
    expect(bindingLimits(ctx, 1001).maxStorageBufferBindingSize).toBe(1000);
    expect(bindingLimits(ctx, 1 << 30).maxStorageBufferBindingSize).toBe(1 << 20);
  });
});
