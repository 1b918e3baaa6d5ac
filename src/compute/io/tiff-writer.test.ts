import { describe, expect, it } from 'vitest';
import { toRational, writeTiff, type WritableVolume } from './tiff-writer';
import { readTiff } from './tiff-read';
import { inspectTiff } from './tiff-inspect';
import { TiffError } from './tiff-errors';
import { toArrayBuffer } from './testing/tiff-builder';

function volume(over: Partial<WritableVolume> = {}): WritableVolume {
  const shape: [number, number, number] = over.shape ?? [4, 6, 5];
  const data = over.data ?? Float32Array.from({ length: shape[0] * shape[1] * shape[2] }, (_, i) => Math.sin(i) * 100 + 0.125);
  return { data, shape, axis: 'z', voxelSize: { x: 0.065, y: 0.065, z: 0.2, unit: 'µm' }, ...over };
}

function descriptionOf(bytes: Uint8Array): string {
  const text = new TextDecoder().decode(bytes);
  const start = text.indexOf('ImageJ=');
  return text.slice(start, text.indexOf('\0', start));
}

describe('writeTiff round trip', () => {
  it('float32 z stack: data, voxel size and unit', async () => {
    const vol = volume();
    const bytes = writeTiff(vol);
    const back = await readTiff(toArrayBuffer(bytes));
    expect(back.data).toEqual(vol.data);
    expect(back.shape).toEqual(vol.shape);
    expect(back.axis).toBe('z');
    expect(back.dtype).toBe('float32');
    expect(back.voxelSize.unit).toBe('µm');
    expect(back.voxelSize.x).toBeCloseTo(0.065, 12);
    expect(back.voxelSize.z).toBeCloseTo(0.2, 12);
    expect(back.metadata.source).toBe('imagej');
  });

  it('writes an ImageJ hyperstack description with min and max', () => {
    const text = descriptionOf(writeTiff(volume({ data: Float32Array.from({ length: 120 }, (_, i) => i / 2) })));
    expect(text).toBe('ImageJ=1.11a\nimages=4\nslices=4\nhyperstack=true\nmode=grayscale\nunit=um\nspacing=0.2\nloop=false\nmin=0.0\nmax=59.5\n');
  });

  it('time series: frames and frame interval', async () => {
    const vol = volume({ axis: 't', voxelSize: { x: 0.1, y: 0.1, z: null, unit: 'µm' }, metadata: { frameInterval: 0.05 } });
    const bytes = writeTiff(vol);
    expect(descriptionOf(bytes)).toMatch(/frames=4\n.*finterval=0.05/s);
    const back = await readTiff(toArrayBuffer(bytes));
    expect(back.axis).toBe('t');
    expect(back.metadata.frameInterval).toBe(0.05);
  });

  it('uint16 and uint8 round and clamp', async () => {
    const data = Float32Array.from([-5, 0.4, 0.6, 254.5, 300, 70000, NaN, 42]);
    const vol = volume({ shape: [2, 2, 2], data });
    const u16 = await readTiff(toArrayBuffer(writeTiff(vol, { dtype: 'uint16' })));
    expect(u16.dtype).toBe('uint16');
    expect(Array.from(u16.data)).toEqual([0, 0, 1, 255, 300, 65535, 0, 42]);
    const u8 = await readTiff(toArrayBuffer(writeTiff(vol, { dtype: 'uint8' })));
    expect(Array.from(u8.data)).toEqual([0, 0, 1, 255, 255, 255, 0, 42]);
  });

  it('lays the planes out contiguously, readable as the single-IFD ImageJ layout', async () => {
    const vol = volume();
    const summary = await inspectTiff(toArrayBuffer(writeTiff(vol)));
    expect(summary.pageCount).toBe(4);
    expect(summary.littleEndian).toBe(true);
    const bytes = writeTiff(vol);
    const view = new DataView(bytes.buffer);
    expect(view.getUint32(4, true)).toBeGreaterThan(8 + vol.data.byteLength - 1);
    expect(new Float32Array(bytes.buffer.slice(8, 8 + vol.data.byteLength))).toEqual(vol.data);
  });

  it('writes no resolution when the voxel size is unknown', async () => {
    const back = await readTiff(toArrayBuffer(writeTiff(volume({ voxelSize: { x: null, y: null, z: null, unit: null } }))));
    expect(back.voxelSize).toEqual({ x: null, y: null, z: null, unit: null });
  });
});

describe('writeTiff refuses bad volumes', () => {
  it('shape and data that disagree', () => {
    expect(() => writeTiff(volume({ shape: [2, 2, 2], data: new Float32Array(7) }))).toThrow(/needs 8 values but the data has 7/);
    expect(() => writeTiff(volume({ shape: [0, 2, 2], data: new Float32Array(0) }))).toThrow(TiffError);
  });

  it('sample types it cannot write', () => {
    expect(() => writeTiff(volume(), { dtype: 'int8' as never })).toThrow(/'int8'.*float32, uint8 or uint16/);
  });

  it('volumes over the 4 GiB classic TIFF limit, before allocating', () => {
    const huge = { data: { length: 1200 * 1024 * 1024 } as Float32Array, shape: [1200, 1024, 1024] as [number, number, number], axis: 'z' as const, voxelSize: volume().voxelSize };
    expect(() => writeTiff(huge)).toThrow(/4\.69 GiB as float32, more than a classic TIFF can hold/);
  });
});

describe('toRational', () => {
  it('finds exact small fractions and bounded approximations', () => {
    expect(toRational(1 / 0.065)).toEqual([200, 13]);
    expect(toRational(10)).toEqual([10, 1]);
    const [p, q] = toRational(Math.PI);
    expect(p < 2 ** 32 && q < 2 ** 32).toBe(true);
    expect(Math.abs(p / q - Math.PI)).toBeLessThan(1e-15);
  });
});
