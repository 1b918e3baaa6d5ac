import { describe, expect, it } from 'vitest';
import { buildTiff, toArrayBuffer } from '../io/testing/tiff-builder';
import { hyperstackFile } from '../io/testing/fixtures';
import { Engine } from './engine';
import { EngineError } from './errors';
import { DISPLAY_PERCENTILES, PLANES, type Plane, type VolumeInfo } from './types';

const [NZ, NY, NX] = [4, 5, 6];

/** Distinct, unordered float32 values so that any index mix-up shows. */
function stackValues(nz = NZ, ny = NY, nx = NX): Float32Array {
  return Float32Array.from({ length: nz * ny * nx }, (_, i) => Math.fround(((i * 37) % 101) * 0.5 - 10));
}

function stackFile(values = stackValues(), nz = NZ, ny = NY, nx = NX): ArrayBuffer {
  const plane = ny * nx;
  const pages = Array.from({ length: nz }, (_, z) => ({ width: nx, height: ny, values: values.subarray(z * plane, (z + 1) * plane) }));
  const description = `ImageJ=1.53t\nimages=${nz}\nslices=${nz}\nspacing=0.5\nunit=um\n`;
  return toArrayBuffer(buildTiff(pages, { dtype: 'float32', description, resolution: { x: [10, 1], y: [10, 1], unit: 1 } }));
}

function cpuEngine(): Engine {
  return new Engine({ gpu: null });
}

/** The section the engine should return, computed straight from the definition. */
function expectedSlice(values: Float32Array, plane: Plane, index: number): { width: number; height: number; data: number[] } {
  const at = (z: number, y: number, x: number) => values[(z * NY + y) * NX + x];
  const data: number[] = [];
  if (plane === 'xy') for (let y = 0; y < NY; y++) for (let x = 0; x < NX; x++) data.push(at(index, y, x));
  if (plane === 'xz') for (let z = 0; z < NZ; z++) for (let x = 0; x < NX; x++) data.push(at(z, index, x));
  if (plane === 'yz') for (let y = 0; y < NY; y++) for (let z = 0; z < NZ; z++) data.push(at(z, y, index));
  const [width, height] = { xy: [NX, NY], xz: [NX, NZ], yz: [NZ, NY] }[plane];
  return { width, height, data };
}

function engineError(code: string, message?: RegExp) {
  return (e: unknown) => e instanceof EngineError && e.code === code && (!message || message.test(e.message));
}

describe('Engine on the CPU backend', () => {
  it('says it runs on the CPU and why', async () => {
    expect(await cpuEngine().backendInfo()).toEqual({ kind: 'cpu', reason: expect.stringContaining('no WebGPU adapter') });
    const forced = new Engine({ gpu: {} as GPU, forceBackend: 'cpu' });
    expect(await forced.backendInfo()).toEqual({ kind: 'cpu', reason: 'forced' });
  });

  it('opens a TIFF stack with its metadata and display statistics', async () => {
    const values = stackValues();
    const info = await cpuEngine().openTiff(stackFile(values), { name: 'stack.tif' });
    expect(info).toMatchObject({ name: 'stack.tif', shape: [NZ, NY, NX], axis: 'z', dtype: 'float32', statsBackend: 'cpu', warnings: [] });
    expect(info.voxelSize).toMatchObject({ z: 0.5, y: 0.1, x: 0.1 });
    const sorted = [...values].sort((a, b) => a - b);
    const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
    expect(info.rawRange).toEqual([sorted[0], sorted.at(-1)]);
    expect(info.stats).toMatchObject({ count: values.length, nanCount: 0, min: sorted[0], max: sorted.at(-1) });
    expect(info.stats.mean).toBeCloseTo(mean, 5);
    const { histogram, percentiles } = info.stats;
    expect(histogram.counts).toHaveLength(256);
    expect(histogram.counts.reduce((a, b) => a + b, 0)).toBe(values.length);
    const p = DISPLAY_PERCENTILES.map((k) => percentiles[k]);
    expect(p).toHaveLength(6);
    for (let i = 1; i < p.length; i++) expect(p[i]).toBeGreaterThanOrEqual(p[i - 1]);
    expect(percentiles['0.1']).toBeGreaterThanOrEqual(sorted[0]);
    expect(percentiles['99.9']).toBeLessThanOrEqual(sorted.at(-1)!);
    const n = sorted.length;
    expect(percentiles['2']).toBeGreaterThanOrEqual(sorted[Math.floor(n * 0.01)]);
    expect(percentiles['2']).toBeLessThanOrEqual(sorted[Math.ceil(n * 0.03)]);
    expect(percentiles['98']).toBeGreaterThanOrEqual(sorted[Math.floor(n * 0.97)]);
    expect(percentiles['98']).toBeLessThanOrEqual(sorted[Math.ceil(n * 0.99)]);
  });

  it('returns slices in all three planes equal to the data, and voxel values', async () => {
    const values = stackValues();
    const engine = cpuEngine();
    const { volumeId } = await engine.openTiff(stackFile(values), { name: 'stack.tif' });
    for (const plane of PLANES) {
      const count = { xy: NZ, xz: NY, yz: NX }[plane];
      for (let index = 0; index < count; index++) {
        const slice = engine.getSlice(volumeId, plane, index);
        const expected = expectedSlice(values, plane, index);
        expect({ width: slice.width, height: slice.height, data: [...slice.data] }).toEqual(expected);
      }
    }
    expect(engine.getVoxel(volumeId, 3, 4, 5)).toBe(values[(3 * NY + 4) * NX + 5]);
    expect(engine.getVoxel(volumeId, 1, 2, 0)).toBe(values[(1 * NY + 2) * NX]);
  });

  it('refuses out-of-range indices, unknown planes and unknown volumes with clear messages', async () => {
    const engine = cpuEngine();
    const { volumeId } = await engine.openTiff(stackFile(), { name: 'stack.tif' });
    expect(() => engine.getSlice(volumeId, 'xy', NZ)).toThrow(expect.objectContaining({ code: 'out-of-range', message: 'xy slice index 4 is outside 0…3.' }));
    expect(() => engine.getSlice(volumeId, 'yz', 1.5)).toThrow(expect.objectContaining({ code: 'out-of-range' }));
    expect(() => engine.getSlice(volumeId, 'zz' as Plane, 0)).toThrow(expect.objectContaining({ code: 'invalid-request' }));
    expect(() => engine.getVoxel(volumeId, 0, -1, 0)).toThrow(expect.objectContaining({ code: 'out-of-range', message: 'y -1 is outside 0…4.' }));
    expect(() => engine.getVoxel('vol-99', 0, 0, 0)).toThrow(expect.objectContaining({ code: 'unknown-volume' }));
  });

  it('reports progress up to 1 with the stages named', async () => {
    const seen: [number, string][] = [];
    await cpuEngine().openTiff(stackFile(), { name: 's.tif' }, { onProgress: (f, s) => seen.push([f, s]) });
    const fractions = seen.map(([f]) => f);
    for (let i = 1; i < fractions.length; i++) expect(fractions[i]).toBeGreaterThanOrEqual(fractions[i - 1]);
    expect(fractions.at(-1)).toBe(1);
    expect(seen.map(([, s]) => s)).toContain('computing statistics');
  });

  it('a cancelled open rejects with a cancellation error and leaves the open volume intact', async () => {
    const values = stackValues();
    const engine = cpuEngine();
    const first = await engine.openTiff(stackFile(values), { name: 'first.tif' });
    const abort = new AbortController();
    const second = engine.openTiff(stackFile(stackValues(8, 5, 6), 8, 5, 6), { name: 'second.tif' }, {
      signal: abort.signal,
      onProgress: () => abort.abort(),
    });
    await expect(second).rejects.toSatisfy(engineError('cancelled', /second\.tif was cancelled/));
    expect([...engine.getSlice(first.volumeId, 'xy', 2).data]).toEqual(expectedSlice(values, 'xy', 2).data);
    const already = new AbortController();
    already.abort();
    await expect(engine.openTiff(stackFile(), { name: 'x.tif' }, { signal: already.signal })).rejects.toSatisfy(engineError('cancelled'));
  });

  it('a broken file yields the TIFF error code and the previous volume still answers', async () => {
    const values = stackValues();
    const engine = cpuEngine();
    const first = await engine.openTiff(stackFile(values), { name: 'first.tif' });
    const text = new TextEncoder().encode('this is not a TIFF file at all').buffer as ArrayBuffer;
    await expect(engine.openTiff(text, { name: 'notes.tif' })).rejects.toSatisfy(engineError('not-tiff'));
    const truncated = stackFile().slice(0, 200);
    await expect(engine.openTiff(truncated, { name: 'cut.tif' })).rejects.toSatisfy(engineError('truncated'));
    await expect(engine.openTiff(new ArrayBuffer(0), { name: 'empty.tif' })).rejects.toSatisfy(engineError('empty'));
    await expect(engine.openTiff(42 as unknown as ArrayBuffer, { name: 'n.tif' })).rejects.toSatisfy(engineError('invalid-request', /ArrayBuffer, got number/));
    expect(engine.getVoxel(first.volumeId, 2, 3, 4)).toBe(values[(2 * NY + 3) * NX + 4]);
  });

  it('asks for a channel with the file summary, then opens the chosen one', async () => {
    const engine = cpuEngine();
    const file = hyperstackFile({ c: 2, z: 3, width: 5, height: 6 });
    const summary = await engine.inspectTiff(file);
    expect(summary.dims).toMatchObject({ c: 2, z: 3, y: 6, x: 5 });
    const err = await engine.openTiff(file, { name: 'two.tif' }).catch((e: unknown) => e);
    expect(err).toSatisfy(engineError('choice-required'));
    expect((err as EngineError).details).toMatchObject({ summary: { dims: { c: 2, z: 3 } }, missing: ['channel'] });
    const info: VolumeInfo = await engine.openTiff(file, { name: 'two.tif', channel: 1 });
    expect(info.shape).toEqual([3, 6, 5]);
    // The fixtures encode the plane in the value: c·10000 + z·100 + (7y + x) mod 100.
    expect(engine.getVoxel(info.volumeId, 2, 1, 3)).toBe(10000 + 200 + 10);
  });

  it('closes volumes (twice is harmless) and opens float arrays directly', async () => {
    const engine = cpuEngine();
    const data = stackValues();
    const info = await engine.openArray(data, { name: 'generated', shape: [NZ, NY, NX] });
    expect(info).toMatchObject({ dtype: 'float32', rawRange: [Math.min(...data), Math.max(...data)] });
    expect(engine.getVoxel(info.volumeId, 1, 1, 1)).toBe(data[(NY + 1) * NX + 1]);
    engine.closeVolume(info.volumeId);
    engine.closeVolume(info.volumeId);
    expect(() => engine.getSlice(info.volumeId, 'xy', 0)).toThrow(expect.objectContaining({ code: 'unknown-volume' }));
    await expect(engine.openArray(data, { name: 'bad', shape: [2, 2, 2] })).rejects.toSatisfy(engineError('invalid-request', /2×2×2 holds 8 voxels but the array has 120/));
    await expect(engine.openArray([1, 2] as unknown as Float32Array, { name: 'bad', shape: [1, 1, 2] })).rejects.toSatisfy(engineError('invalid-request'));
  });

  it('has no device to lose on the CPU, and switches backends with an event', async () => {
    const engine = new Engine({ gpu: null });
    await expect(engine.simulateDeviceLoss()).rejects.toSatisfy(engineError('no-gpu', /CPU fallback/));
    const events: unknown[] = [];
    engine.onEvent((e) => events.push(e));
    expect(await engine.setBackend('cpu')).toEqual({ kind: 'cpu', reason: 'forced' });
    expect(events).toEqual([{ type: 'backend', backend: { kind: 'cpu', reason: 'forced' }, message: 'Backend set to cpu.' }]);
    expect(() => engine.setBackend('gpu' as 'cpu')).toThrow(expect.objectContaining({ code: 'invalid-request' }));
  });
});
