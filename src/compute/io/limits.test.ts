import { describe, expect, it } from 'vitest';
import { checkGpuFit, checkVolumeFits, DEFAULT_MAX_VOXELS, formatBytes } from './limits';
import { TiffError } from './tiff-errors';

describe('checkGpuFit', () => {
  const limits = { maxStorageBufferBindingSize: 128 * 2 ** 20, maxBufferSize: 256 * 2 ** 20 };

  it('accepts buffers up to the binding limit', () => {
    expect(checkGpuFit(128 * 2 ** 20, limits)).toBeNull();
  });

  it('names the binding limit and its value when exceeded', () => {
    expect(checkGpuFit(200 * 2 ** 20, limits)).toBe(
      "The volume needs 200.0 MiB (209,715,200 bytes) in one GPU buffer, but this GPU's maxStorageBufferBindingSize is 128.0 MiB (134,217,728 bytes).",
    );
  });

  it('names maxBufferSize when that is the smaller limit', () => {
    const msg = checkGpuFit(3 * 2 ** 30, { maxStorageBufferBindingSize: 4 * 2 ** 30, maxBufferSize: 2 ** 31 });
    expect(msg).toMatch(/maxBufferSize is 2\.00 GiB \(2,147,483,648 bytes\)/);
  });
});

describe('checkVolumeFits', () => {
  it('allows 2 GiB of float32 by default', () => {
    expect(DEFAULT_MAX_VOXELS * 4).toBe(2 ** 31);
    expect(() => checkVolumeFits([512, 1024, 1024])).not.toThrow();
  });

  it('refuses larger volumes with shape, voxels and sizes in the message', () => {
    let err: unknown;
    try {
      checkVolumeFits([1000, 1024, 1024]);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(TiffError);
    expect((err as TiffError).code).toBe('too-large');
    expect((err as TiffError).message).toMatch(/1000×1024×1024 = 1,048,576,000 voxels \(3\.91 GiB as float32\).*536,870,912 voxels \(2\.00 GiB\)/);
  });

  it('formats byte counts', () => {
    expect(formatBytes(512)).toBe('512 bytes');
    expect(formatBytes(1536)).toBe('1.50 KiB');
  });
});
