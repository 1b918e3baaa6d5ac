import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../compute/engine/engine';
import { EngineError } from '../compute/engine/errors';
import type { FitRunner } from '../compute/engine/peri-session-adapters';
import { smallConfig, smallState, SMALL_SHAPE } from '../compute/peri/state/testing';
import { closeAll, connectEngine } from './testing/engine-channel';

afterEach(closeAll);

const slowRunner: FitRunner = {
  async run(state, _schedule, o) {
    for (let loop = 1; loop < 1000; loop++) {
      if (o.signal?.aborted) return { stoppedEarly: true };
      state.update('offset', state.getValue('offset') + 1e-4);
      await o.onProgress?.({ stage: 'polish', loop, error: state.error });
      await new Promise((r) => setTimeout(r, 1));
    }
    return { stoppedEarly: false };
  },
};

async function connect(fitRunner: FitRunner | null = null) {
  const { client, transfers } = connectEngine(new Engine({ gpu: null, fitRunner }));
  const vol = await client.openArray(smallState().data.slice(), { name: 'small.tif', shape: [...SMALL_SHAPE] });
  const info = await client.periCreate({ volumeId: vol.volumeId, config: smallConfig(), exposure: [0, 1], particles: { source: 'config' } });
  return { client, transfers, info, volumeId: vol.volumeId };
}

describe('PERI session requests over a MessageChannel', () => {
  it('edits particles, undoes, and exports JSON whose positions equal the engine list', async () => {
    const { client, info } = await connect();
    const added = await client.periEdit(info.sessionId, { type: 'add', pos: [6, 10, 12], rad: 3 });
    expect(added.info.particleCount).toBe(6);
    await client.periEdit(info.sessionId, { type: 'remove-closest', pos: [7, 10.5, 11] });
    const undone = await client.periUndo(info.sessionId);
    expect(undone.info.particleCount).toBe(6);
    const list = await client.periParticles(info.sessionId);
    const file = await client.periExport({ sessionId: info.sessionId, kind: 'particles-json' });
    const parsed = JSON.parse(file.text!);
    expect(parsed.count).toBe(6);
    expect(parsed.particles.map((p: { z: number; y: number; x: number; a: number }) => [p.z, p.y, p.x, p.a])).toEqual(list.particles.map((p) => [p.z, p.y, p.x, p.a]));
  });

  it('transfers slices and TIFF bytes, and answers with the engine error for bad requests', async () => {
    const { client, transfers, info } = await connect();
    const slice = await client.periSlice(info.sessionId, { kind: 'residuals', fourier: true }, 'xz', 3);
    expect([slice.width, slice.height]).toEqual([SMALL_SHAPE[2], SMALL_SHAPE[0]]);
    expect(transfers.at(-1)).toHaveLength(1);
    const tiff = await client.periExport({ sessionId: info.sessionId, kind: 'model-tiff' });
    expect(tiff.bytes).toBeInstanceOf(ArrayBuffer);
    expect(transfers.at(-1)).toHaveLength(1);
    await expect(client.periSlice(info.sessionId, { kind: 'model' }, 'xy', 99)).rejects.toSatisfy((e: unknown) => e instanceof EngineError && e.code === 'out-of-range');
    await expect(client.periUndo(info.sessionId)).rejects.toSatisfy((e: unknown) => e instanceof EngineError && e.code === 'nothing-to-undo');
    await expect(client.periRunFit({ sessionId: info.sessionId, schedule: 'finish_state' })).rejects.toSatisfy((e: unknown) => e instanceof EngineError && e.code === 'not-available');
  });

  it('streams fit progress with detail and stops on abort, keeping the state reached', async () => {
    const { client, info } = await connect(slowRunner);
    const abort = new AbortController();
    const seen: Record<string, unknown>[] = [];
    const out = await client.periRunFit({ sessionId: info.sessionId, schedule: 'polish' }, {
      signal: abort.signal,
      onProgress: (_f, _s, d) => {
        seen.push(d!);
        if (seen.length === 3) abort.abort();
      },
    });
    expect(seen.slice(0, 3).map((d) => [d.stage, d.loop])).toEqual([['polish', 1], ['polish', 2], ['polish', 3]]);
    expect(out.stoppedEarly).toBe(true);
    const params = await client.periParams(info.sessionId);
    expect(params.find((p) => p.name === 'offset')!.value).toBeGreaterThan(0.1);
  });
});
