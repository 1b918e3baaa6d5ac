import { describe, expect, it } from 'vitest';
import { BufferPool, BufferPoolError, sizeClass } from './buffer-pool';
import { GpuLimitError } from './errors';
import { FakeDevice, type FakeBuffer } from './fake-device';
import { BufferUsage } from './usage';

const STORAGE = BufferUsage.STORAGE | BufferUsage.COPY_SRC;
const READBACK = BufferUsage.MAP_READ | BufferUsage.COPY_DST;

describe('sizeClass', () => {
  it('rounds up to 2^k · {1, 1.25, 1.5, 1.75} with a 256-byte floor', () => {
    expect(sizeClass(1)).toBe(256);
    expect(sizeClass(256)).toBe(256);
    expect(sizeClass(257)).toBe(320);
    expect(sizeClass(1000)).toBe(1024);
    expect(sizeClass(1025)).toBe(1280);
    expect(sizeClass(1 << 20)).toBe(1 << 20);
    expect(sizeClass((1 << 20) + 1)).toBe(1.25 * (1 << 20));
  });

  it('never wastes more than 25 % above 256 bytes', () => {
    for (let bytes = 257; bytes < 1 << 16; bytes += 97) {
      const cls = sizeClass(bytes);
      expect(cls).toBeGreaterThanOrEqual(bytes);
      expect(cls / bytes).toBeLessThanOrEqual(1.25);
      expect(cls % 4).toBe(0);
    }
  });
});

describe('BufferPool', () => {
  it('reuses a released buffer for a request of the same usage and size class', () => {
    const device = new FakeDevice();
    const pool = new BufferPool(device);
    const a = pool.acquire(1000, STORAGE);
    pool.release(a);
    const b = pool.acquire(900, STORAGE, 'second');
    expect(b).toBe(a);
    expect(b.label).toBe('second');
    expect(device.buffers).toHaveLength(1);
    expect(pool.pooledBytes).toBe(0);
  });

  it('keys idle buffers by usage', () => {
    const device = new FakeDevice();
    const pool = new BufferPool(device);
    pool.release(pool.acquire(1000, STORAGE));
    const other = pool.acquire(1000, READBACK);
    expect(device.buffers).toHaveLength(2);
    expect(other.usage).toBe(READBACK);
  });

  it('does not hand out the same buffer twice', () => {
    const pool = new BufferPool(new FakeDevice());
    const a = pool.acquire(512, STORAGE);
    const b = pool.acquire(512, STORAGE);
    expect(a).not.toBe(b);
    expect(pool.inUseCount).toBe(2);
  });

  it('bounds idle bytes, evicting and destroying the oldest buffers', () => {
    const device = new FakeDevice();
    const pool = new BufferPool(device, { maxPooledBytes: 3 * 1024 });
    const bufs = [0, 1, 2, 3].map(() => pool.acquire(1024, STORAGE));
    for (const b of bufs) pool.release(b);
    expect(pool.pooledBytes).toBe(3 * 1024);
    const fakes = device.buffers as FakeBuffer[];
    expect(fakes.map((b) => b.destroyed)).toEqual([true, false, false, false]);
  });

  it('destroys a released buffer larger than the whole bound instead of pooling it', () => {
    const device = new FakeDevice();
    const pool = new BufferPool(device, { maxPooledBytes: 1024 });
    pool.release(pool.acquire(4096, STORAGE));
    expect((device.buffers[0] as FakeBuffer).destroyed).toBe(true);
    expect(pool.pooledBytes).toBe(0);
  });

  it('trim destroys idle buffers down to the given size', () => {
    const device = new FakeDevice();
    const pool = new BufferPool(device);
    const bufs = [256, 512, 1024].map((s) => pool.acquire(s, STORAGE));
    for (const b of bufs) pool.release(b);
    pool.trim(1024);
    expect(pool.pooledBytes).toBe(1024);
    pool.trim();
    expect(pool.pooledBytes).toBe(0);
    expect((device.buffers as FakeBuffer[]).every((b) => b.destroyed)).toBe(true);
    expect(pool.acquire(256, STORAGE)).not.toBe(bufs[0]);
  });

  it('unmaps a mapped buffer when it comes back', () => {
    const device = new FakeDevice();
    const pool = new BufferPool(device);
    const buf = pool.acquire(256, READBACK) as unknown as FakeBuffer;
    buf.mapState = 'mapped';
    pool.release(buf as unknown as GPUBuffer);
    expect(buf.mapState).toBe('unmapped');
  });

  it('rejects releasing a foreign or already released buffer', () => {
    const device = new FakeDevice();
    const pool = new BufferPool(device);
    const buf = pool.acquire(256, STORAGE);
    pool.release(buf);
    expect(() => pool.release(buf)).toThrow(BufferPoolError);
    const foreign = device.createBuffer({ size: 256, usage: STORAGE, label: 'foreign' });
    expect(() => pool.release(foreign)).toThrow(/"foreign" was not acquired from this pool/);
  });

  it('rejects sizes past maxBufferSize and never rounds past it', () => {
    const pool = new BufferPool(new FakeDevice(), { maxBufferSize: 1100 });
    expect(() => pool.acquire(2000, STORAGE, 'big')).toThrow(GpuLimitError);
    expect(() => pool.acquire(2000, STORAGE, 'big')).toThrow(/maxBufferSize is 1,100 bytes/);
    expect(pool.acquire(1030, STORAGE).size).toBe(1100);
    expect(() => pool.acquire(0, STORAGE)).toThrow(BufferPoolError);
  });

  it('destroy frees idle buffers and later releases', () => {
    const device = new FakeDevice();
    const pool = new BufferPool(device);
    const idle = pool.acquire(256, STORAGE);
    const busy = pool.acquire(256, STORAGE);
    pool.release(idle);
    pool.destroy();
    expect((idle as unknown as FakeBuffer).destroyed).toBe(true);
    expect((busy as unknown as FakeBuffer).destroyed).toBe(false);
    pool.release(busy);
    expect((busy as unknown as FakeBuffer).destroyed).toBe(true);
  });
});
