/**
 * The engine on the WebGPU backend (Dawn + SwiftShader in Node): statistics agree with the CPU twin,
 * and a lost device is recreated, whether the loss happens between requests or during one.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { GpuContext } from '../gpu/context';
import { createNodeGpu, lastNodeGpuError } from '../gpu/node-gpu';
import { buildTiff, toArrayBuffer } from '../io/testing/tiff-builder';
import { Engine } from './engine';
import type { EngineEvent, VolumeInfo } from './types';

const gpu = await createNodeGpu();
const skipReason = `skipped: no WebGPU adapter (${lastNodeGpuError()})`;
const engines: Engine[] = [];

afterAll(() => {
  for (const e of engines) e.dispose();
});

const SHAPE: [number, number, number] = [6, 17, 19];

/** Smooth structure plus a few outliers, float32, with a NaN to check it is left out everywhere. */
function values(): Float32Array {
  const [nz, ny, nx] = SHAPE;
  const out = new Float32Array(nz * ny * nx);
  for (let i = 0; i < out.length; i++) {
    const x = i % nx;
    const y = Math.floor(i / nx) % ny;
    const z = Math.floor(i / (nx * ny));
    out[i] = 100 * Math.sin(x / 3) * Math.cos(y / 4) + 7 * z + (i % 97 === 0 ? 900 : 0);
  }
  out[5] = Number.NaN;
  return out;
}

function tiff(data: Float32Array): ArrayBuffer {
  const [nz, ny, nx] = SHAPE;
  const plane = ny * nx;
  const pages = Array.from({ length: nz }, (_, z) => ({ width: nx, height: ny, values: data.subarray(z * plane, (z + 1) * plane) }));
  return toArrayBuffer(buildTiff(pages, { dtype: 'float32' }));
}

function makeEngine(opts: { gpu: GPU | null; createContext?: (gpu: GPU) => Promise<GpuContext> }) {
  const engine = new Engine(opts);
  engines.push(engine);
  const events: EngineEvent[] = [];
  engine.onEvent((e) => events.push(e));
  return { engine, events };
}

function expectSameStats(gpuInfo: VolumeInfo, cpuInfo: VolumeInfo): void {
  const g = gpuInfo.stats;
  const c = cpuInfo.stats;
  expect(gpuInfo.statsBackend).toBe('webgpu');
  expect(cpuInfo.statsBackend).toBe('cpu');
  expect({ count: g.count, nanCount: g.nanCount, min: g.min, max: g.max }).toEqual({ count: c.count, nanCount: c.nanCount, min: c.min, max: c.max });
  expect(g.nanCount).toBe(1);
  expect(Math.abs(g.mean - c.mean)).toBeLessThanOrEqual(1e-5 * Math.abs(c.mean));
  expect(Math.abs(g.std - c.std)).toBeLessThanOrEqual(1e-5 * c.std);
  expect(g.histogram).toEqual(c.histogram);
  expect(g.percentiles).toEqual(c.percentiles);
}

describe.skipIf(!gpu)('Engine on WebGPU', () => {
  const data = values();
  let cpuInfo: VolumeInfo;

  it('reports the adapter and computes the same statistics as the CPU twin', async () => {
    const { engine } = makeEngine({ gpu });
    const info = await engine.backendInfo();
    expect(info.kind).toBe('webgpu');
    expect(info.kind === 'webgpu' && info.adapterName.length).toBeGreaterThan(0);
    cpuInfo = await makeEngine({ gpu: null }).engine.openTiff(tiff(data), { name: 'v.tif' });
    const gpuInfo = await engine.openTiff(tiff(data), { name: 'v.tif' });
    expectSameStats(gpuInfo, cpuInfo);
    expect(engine.getVoxel(gpuInfo.volumeId, 2, 3, 4)).toBe(data[(2 * SHAPE[1] + 3) * SHAPE[2] + 4]);
  });

  it('recreates the device after simulateDeviceLoss; the next request runs on the new device', async () => {
    const { engine, events } = makeEngine({ gpu });
    const before = await engine.openTiff(tiff(data), { name: 'before.tif' });
    const after = await engine.simulateDeviceLoss();
    expect(after.kind).toBe('webgpu');
    expect(events).toEqual([{ type: 'backend', backend: after, message: expect.stringMatching(/lost \(simulated\).*new device was created/) }]);
    const again = await engine.openTiff(tiff(data), { name: 'after.tif' });
    expectSameStats(again, cpuInfo);
    expect(engine.getSlice(before.volumeId, 'xy', 1).data).toEqual(data.subarray(SHAPE[1] * SHAPE[2], 2 * SHAPE[1] * SHAPE[2]));
  });

  it('retries an operation that hit a device loss once, on a recreated device', async () => {
    const contexts: GpuContext[] = [];
    const createContext = async (g: GPU) => {
      const ctx = await GpuContext.create(g, { label: `engine-test-${contexts.length + 1}` });
      if (contexts.length === 0) {
        // The first device dies as the first kernel is submitted, as a driver reset would.
        const run = ctx.run.bind(ctx);
        ctx.run = (kernel, record) => {
          ctx.device.destroy();
          return run(kernel, record);
        };
      }
      contexts.push(ctx);
      return ctx;
    };
    const { engine, events } = makeEngine({ gpu, createContext });
    const info = await engine.openTiff(tiff(data), { name: 'during.tif' });
    expectSameStats(info, cpuInfo);
    expect(contexts).toHaveLength(2);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'backend', backend: { kind: 'webgpu' } });
  });
});

if (!gpu) {
  describe('Engine on WebGPU', () => {
    it.skip(skipReason, () => {});
  });
}
