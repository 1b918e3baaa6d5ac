import { afterEach, describe, expect, it, vi } from 'vitest';
import { Engine } from '../compute/engine/engine';
import { EngineError } from '../compute/engine/errors';
import type { EngineEvent } from '../compute/engine/types';
import { hyperstackFile } from '../compute/io/testing/fixtures';
import { EngineClient } from './engine-client';
import { EngineServer } from './engine-server';
import { closeAll, connectEngine, onClose } from './testing/engine-channel';
import type { MessagePortLike } from './protocol';

afterEach(closeAll);

/** Client and CPU engine in one process, joined by a MessageChannel; records what the engine transfers. */
function connect() {
  const engine = new Engine({ gpu: null });
  return { ...connectEngine(engine), engine };
}

/** z-stack of 3 planes of 6×5 whose values say where they come from (c·10000 + z·100 + (7y + x) mod 100). */
const stack = () => hyperstackFile({ z: 3, width: 5, height: 6 }, ['spacing=0.3', 'unit=um']);

const rejectsWith = (code: string) => (e: unknown) => e instanceof EngineError && e.code === code;

describe('EngineClient ↔ Engine over a MessageChannel', () => {
  it('answers the backend query', async () => {
    const { client } = connect();
    expect(await client.backend()).toEqual({ kind: 'cpu', reason: expect.stringContaining('no WebGPU adapter') });
  });

  it('opens a file, reports progress and returns slices and voxels', async () => {
    const { client } = connect();
    const progress: number[] = [];
    const info = await client.openTiff(stack(), { name: 'stack.tif' }, { onProgress: (f) => progress.push(f) });
    expect(info).toMatchObject({ name: 'stack.tif', shape: [3, 6, 5], dtype: 'uint16', voxelSize: { z: 0.3 } });
    expect(info.stats.histogram.counts).toHaveLength(256);
    expect(progress.at(-1)).toBe(1);
    const xz = await client.getSlice(info.volumeId, 'xz', 4);
    expect(xz.data).toBeInstanceOf(Float32Array);
    expect({ width: xz.width, height: xz.height }).toEqual({ width: 5, height: 3 });
    expect([...xz.data.subarray(5, 10)]).toEqual([128, 129, 130, 131, 132]);
    expect(await client.getVoxel(info.volumeId, 2, 5, 4)).toBe(200 + 39);
  });

  it('transfers slice buffers instead of copying them', async () => {
    const { client, transfers } = connect();
    const { volumeId } = await client.openTiff(stack(), { name: 'stack.tif' });
    transfers.length = 0;
    const slice = await client.getSlice(volumeId, 'yz', 0);
    const [sent] = transfers;
    expect(sent).toHaveLength(1);
    expect((sent[0] as ArrayBuffer).byteLength).toBe(0); // detached on the engine's side
    expect(slice.data.byteLength).toBe(3 * 6 * 4);
  });

  it('copies TIFF bytes (the caller keeps them) but transfers openArray data', async () => {
    const { client } = connect();
    const bytes = stack();
    await client.inspectTiff(bytes);
    expect(bytes.byteLength).toBeGreaterThan(0);
    const data = new Float32Array(24).map((_, i) => i);
    const info = await client.openArray(data, { name: 'ramp', shape: [2, 3, 4] });
    expect(data.byteLength).toBe(0);
    expect(await client.getVoxel(info.volumeId, 1, 2, 3)).toBe(23);
  });

  it('rejects with EngineError carrying the TIFF code, and the open volume survives', async () => {
    const { client } = connect();
    const first = await client.openTiff(stack(), { name: 'stack.tif' });
    const junk = new TextEncoder().encode('GIF89a not a tiff').buffer as ArrayBuffer;
    const err = await client.openTiff(junk, { name: 'junk.tif' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EngineError);
    expect(err).toMatchObject({ code: 'not-tiff', message: expect.any(String) });
    expect(await client.getVoxel(first.volumeId, 1, 0, 0)).toBe(100);
    await expect(client.getSlice('vol-42', 'xy', 0)).rejects.toSatisfy(rejectsWith('unknown-volume'));
  });

  it('passes the file summary with choice-required errors', async () => {
    const { client } = connect();
    const file = hyperstackFile({ c: 3, z: 2 });
    const err = (await client.openTiff(file, { name: 'c3.tif' }).catch((e: unknown) => e)) as EngineError;
    expect(err.code).toBe('choice-required');
    expect(err.details).toMatchObject({ summary: { dims: { c: 3, z: 2 } }, missing: ['channel'] });
    const info = await client.openTiff(file, { name: 'c3.tif', channel: 2 });
    expect(await client.getVoxel(info.volumeId, 1, 0, 0)).toBe(20000 + 100);
  });

  it('cancels a long request through its AbortSignal and keeps the previous volume', async () => {
    const { client } = connect();
    const first = await client.openTiff(stack(), { name: 'first.tif' });
    const abort = new AbortController();
    const opening = client.openTiff(hyperstackFile({ z: 40, width: 64, height: 64 }), { name: 'big.tif' }, {
      signal: abort.signal,
      onProgress: () => abort.abort(),
    });
    await expect(opening).rejects.toSatisfy(rejectsWith('cancelled'));
    expect(await client.getVoxel(first.volumeId, 2, 0, 1)).toBe(201);
    const aborted = new AbortController();
    aborted.abort();
    await expect(client.openTiff(stack(), { name: 's' }, { signal: aborted.signal })).rejects.toSatisfy(rejectsWith('cancelled'));
  });

  it('answers an unknown request type with an error instead of hanging', async () => {
    const { channel } = connect();
    const reply = new Promise<unknown>((resolve) => channel.port1.addEventListener('message', (ev) => resolve(ev.data), { once: true }));
    channel.port1.postMessage({ type: 'formatDisk', id: 7 });
    expect(await reply).toMatchObject({ type: 'error', id: 7, error: { code: 'invalid-request' } });
  });

  it('delivers engine events until the listener unsubscribes', async () => {
    const { client } = connect();
    const events: EngineEvent[] = [];
    const stop = client.onEvent((e) => events.push(e));
    await client.setBackend('cpu');
    expect(events).toEqual([{ type: 'backend', backend: { kind: 'cpu', reason: 'forced' }, message: 'Backend set to cpu.' }]);
    stop();
    await client.setBackend('auto');
    expect(events).toHaveLength(1);
  });

  it('terminate rejects pending and later requests', async () => {
    const { client } = connect();
    const pending = client.openTiff(stack(), { name: 's.tif' });
    client.terminate();
    await expect(pending).rejects.toSatisfy(rejectsWith('engine-closed'));
    await expect(client.backend()).rejects.toSatisfy(rejectsWith('engine-closed'));
  });
});

/** A stand-in for a module Worker: messages go to a CPU engine over a MessageChannel. */
class FakeWorker extends EventTarget {
  private readonly channel = new MessageChannel();
  private readonly server: EngineServer;
  terminated = false;

  constructor() {
    super();
    this.server = new EngineServer(new Engine({ gpu: null }), this.channel.port2 as unknown as MessagePortLike);
    this.channel.port1.addEventListener('message', (ev) => this.dispatchEvent(Object.assign(new Event('message'), { data: ev.data })));
    this.channel.port1.start();
  }

  postMessage(msg: unknown, transfer: Transferable[] = []): void {
    if (!this.terminated) this.channel.port1.postMessage(msg, transfer as never);
  }

  crash(message: string): void {
    this.dispatchEvent(Object.assign(new Event('error', { cancelable: true }), { message }));
  }

  terminate(): void {
    this.terminated = true;
    this.server.close();
    this.channel.port1.close();
    this.channel.port2.close();
  }
}

describe('EngineClient worker crashes', () => {
  function startFake() {
    const workers: FakeWorker[] = [];
    const spawn = vi.fn(() => {
      const w = new FakeWorker();
      workers.push(w);
      return w as unknown as Worker;
    });
    const client = EngineClient.startWith(spawn);
    const events: EngineEvent[] = [];
    client.onEvent((e) => events.push(e));
    onClose(() => client.terminate());
    return { client, workers, spawn, events };
  }

  it('rejects pending requests with a clear error, restarts the worker and says so', async () => {
    const { client, workers, spawn, events } = startFake();
    const pending = client.openTiff(stack(), { name: 's.tif' });
    workers[0].crash('out of memory');
    await expect(pending).rejects.toSatisfy((e: unknown) => rejectsWith('worker-crashed')(e) && /out of memory/.test((e as Error).message));
    expect(spawn).toHaveBeenCalledTimes(2);
    expect(workers[0].terminated).toBe(true);
    expect(events).toEqual([{ type: 'engine-restarted', message: expect.stringContaining('volumes were lost') }]);
    expect(await client.backend()).toMatchObject({ kind: 'cpu' });
  });

  it('stops restarting a worker that keeps crashing', async () => {
    const { client, workers, spawn, events } = startFake();
    for (let i = 0; i < 4; i++) workers[i].crash(`crash ${i}`);
    expect(spawn).toHaveBeenCalledTimes(4);
    expect(events.at(-1)).toMatchObject({ type: 'engine-error', message: expect.stringContaining('not restarted') });
    await expect(client.backend()).rejects.toSatisfy(rejectsWith('engine-closed'));
  });
});
