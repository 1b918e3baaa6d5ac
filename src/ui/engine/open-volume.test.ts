import { afterEach, describe, expect, it } from 'vitest';
import { EngineError } from '../../compute/engine/errors';
import type { OpenTiffOptions, VolumeInfo } from '../../workers/protocol';
import { createLucidStore } from '../store';
import { setEngine, type UiEngine } from './engine';
import { cancelOpen, openSource, openWithChoice, type Source } from './open-volume';

function info(id: string, name: string): VolumeInfo {
  return {
    volumeId: id, name, shape: [4, 5, 6], axis: 'z', voxelSize: { z: 1, y: 1, x: 1, unit: 'µm' }, dtype: 'uint8',
    rawRange: [0, 9], metadata: {}, statsBackend: 'cpu', warnings: [],
    stats: {
      count: 120, nanCount: 0, min: 0, max: 9, mean: 4, std: 2,
      percentiles: { '0.1': 0, '1': 0, '2': 1, '98': 8, '99': 9, '99.9': 9 },
      histogram: { min: 0, max: 9, counts: [1, 2] },
    },
  };
}

type OpenImpl = (bytes: ArrayBuffer, opts: OpenTiffOptions, ctl: { signal?: AbortSignal }) => Promise<VolumeInfo>;

function fakeEngine(open: OpenImpl) {
  const closed: string[] = [];
  const calls: OpenTiffOptions[] = [];
  const engine = {
    openTiff: (bytes: ArrayBuffer, opts: OpenTiffOptions, ctl: { signal?: AbortSignal } = {}) => {
      calls.push(opts);
      return open(bytes, opts, ctl);
    },
    closeVolume: async (id: string) => {
      closed.push(id);
    },
  } as unknown as UiEngine;
  setEngine(engine);
  return { closed, calls };
}

const source = (name: string, bytes = new Uint8Array([1, 2, 3]).buffer): Source => ({ name, read: async () => bytes });

afterEach(() => setEngine(null));

describe('opening files', () => {
  it('shows the new volume and closes the previous one in the engine', async () => {
    const store = createLucidStore();
    let n = 0;
    const fake = fakeEngine(async (_b, opts) => info(`vol-${++n}`, opts.name));
    await openSource(store, source('a.tif'));
    await openSource(store, source('b.tif'));
    expect(store.getState().volume?.name).toBe('b.tif');
    expect(fake.closed).toEqual(['vol-1']);
    expect(store.getState().progress).toBeNull();
  });

  it('keeps the previous volume and shows the engine message when a file is bad', async () => {
    const store = createLucidStore();
    fakeEngine(async (_b, opts) => {
      if (opts.name === 'bad.tif') throw new EngineError('not-tiff', 'This is not a TIFF file.');
      return info('vol-1', opts.name);
    });
    await openSource(store, source('good.tif'));
    const result = await openSource(store, source('bad.tif'));
    expect(result).toBeNull();
    expect(store.getState().volume?.name).toBe('good.tif');
    expect(store.getState().notices.map((x) => [x.kind, x.message])).toEqual([['error', 'bad.tif: This is not a TIFF file.']]);
  });

  it('reports a source that cannot be read', async () => {
    const store = createLucidStore();
    fakeEngine(async () => info('x', 'x'));
    await openSource(store, { name: 'gone.tif', read: async () => { throw new Error('The file could not be read.'); } });
    expect(store.getState().notices[0].message).toBe('gone.tif: The file could not be read.');
  });

  it('asks for a choice, then opens the same bytes with it', async () => {
    const store = createLucidStore();
    const bytes = new Uint8Array([7, 7]).buffer;
    const fake = fakeEngine(async (b, opts) => {
      expect(b).toBe(bytes);
      if (opts.channel === undefined) {
        throw new EngineError('choice-required', 'Pick a channel.', { summary: null, missing: ['channel'] });
      }
      return info('vol-9', opts.name);
    });
    await openSource(store, source('multi.tif', bytes));
    expect(store.getState().choice).toMatchObject({ fileName: 'multi.tif', missing: ['channel'] });
    expect(store.getState().volume).toBeNull();
    await openWithChoice(store, { channel: 2 });
    expect(store.getState().choice).toBeNull();
    expect(store.getState().volume?.volumeId).toBe('vol-9');
    expect(fake.calls.at(-1)).toEqual({ name: 'multi.tif', channel: 2 });
  });

  it('treats Cancel as information, not as an error', async () => {
    const store = createLucidStore();
    fakeEngine((_b, _o, ctl) => new Promise((_resolve, reject) => {
      ctl.signal?.addEventListener('abort', () => reject(new EngineError('cancelled', 'opening was cancelled.')));
    }));
    const pending = openSource(store, source('slow.tif'));
    await new Promise((r) => setTimeout(r, 0));
    expect(store.getState().progress?.label).toBe('Opening slow.tif');
    cancelOpen();
    expect(await pending).toBeNull();
    expect(store.getState().progress).toBeNull();
    expect(store.getState().notices.map((x) => x.kind)).toEqual(['info']);
  });
});

describe('cancelling', () => {
  it('frees the UI at once and closes a volume the engine finishes anyway', async () => {
    const store = createLucidStore();
    let finish: (v: VolumeInfo) => void = () => undefined;
    const fake = fakeEngine(() => new Promise((resolve) => { finish = resolve; }));
    const pending = openSource(store, source('big.tif'));
    await new Promise((r) => setTimeout(r, 0));
    cancelOpen();
    expect(await pending).toBeNull();
    expect(store.getState().progress).toBeNull();
    finish(info('vol-late', 'big.tif'));
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.closed).toEqual(['vol-late']);
    expect(store.getState().volume).toBeNull();
  });
});
