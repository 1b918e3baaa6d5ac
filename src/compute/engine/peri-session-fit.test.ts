import { describe, expect, it } from 'vitest';
import { cancelledError, EngineError } from './errors';
import type { FitRunner } from './peri-session-adapters';
import { createArgs, engineWithVolume } from './peri-session.fixtures';

/** A stand-in fitter: nudges particle 0 along x each loop and reports the error, or stops when aborted. */
function fakeRunner(loops: number, opts: { failAt?: number } = {}): FitRunner & { seen: string[] } {
  const seen: string[] = [];
  return {
    seen,
    async run(state, schedule, o) {
      seen.push(`${schedule}:${(o.particles ?? []).join(',')}`);
      for (let loop = 1; loop <= loops; loop++) {
        if (o.signal?.aborted) throw cancelledError('fitting');
        if (loop === opts.failAt) throw new Error('singular matrix');
        state.update('sph-0-x', state.getValue('sph-0-x') + 0.01);
        await o.onProgress?.({ stage: 'burn', loop, error: state.error });
        await new Promise((r) => setTimeout(r, 0));
      }
      return { stoppedEarly: false };
    },
  };
}

describe('fitting a session', () => {
  it('says plainly that fitting is not available without the fitter', async () => {
    const { engine, volumeId } = await engineWithVolume({ fitRunner: null });
    const info = await engine.peri.create(createArgs(volumeId));
    expect(info.fitAvailable).toBe(false);
    await expect(engine.peri.runFit({ sessionId: info.sessionId, schedule: 'optimize_from_initial' })).rejects.toSatisfy(
      (e: unknown) => e instanceof EngineError && e.code === 'not-available' && /Fitting \(optimize_from_initial\) is not available yet/.test(e.message),
    );
  });

  it('reports stage, loop, error and the state version, and returns the error trace', async () => {
    const runner = fakeRunner(3);
    const { engine, volumeId } = await engineWithVolume({ fitRunner: runner });
    const info = await engine.peri.create(createArgs(volumeId));
    const details: Record<string, unknown>[] = [];
    const out = await engine.peri.runFit(
      { sessionId: info.sessionId, schedule: 'particles', ids: [3, 1] },
      { onProgress: (f, stage, d) => { expect(f).toBeGreaterThan(0); expect(stage).toMatch(/^burn, loop \d/); details.push(d!); } },
    );
    expect(runner.seen).toEqual(['particles:2,0']);
    expect(details.map((d) => d.loop)).toEqual([1, 2, 3]);
    expect(details.map((d) => d.version)).toEqual([1, 2, 3]);
    expect(out.trace.map((t) => t.stage)).toEqual(['initial', 'burn', 'burn', 'burn', 'done']);
    expect(out.info.fitRunning).toBe(false);
    expect(out.info.version).toBeGreaterThan(3);
    expect(engine.peri.get(info.sessionId).particles().particles[0].x).toBeCloseTo(11.33, 6);
  });

  it('stops on cancel keeping the state reached, and refuses a second fit while one runs', async () => {
    const { engine, volumeId } = await engineWithVolume({ fitRunner: fakeRunner(50) });
    const info = await engine.peri.create(createArgs(volumeId));
    const abort = new AbortController();
    let loops = 0;
    const run = engine.peri.runFit({ sessionId: info.sessionId, schedule: 'burn' }, { signal: abort.signal, onProgress: () => { if (++loops === 2) abort.abort(); } });
    await expect(engine.peri.runFit({ sessionId: info.sessionId, schedule: 'burn' })).rejects.toThrow(/already running/);
    expect(() => engine.peri.get(info.sessionId).edit({ type: 'add', pos: [1, 1, 1] })).toThrow(/pause or cancel it/);
    const out = await run;
    expect(out.stoppedEarly).toBe(true);
    expect(engine.peri.get(info.sessionId).particles().particles[0].x).toBeCloseTo(11.32, 6);
  });

  it('passes a fitter failure on and frees the session', async () => {
    const { engine, volumeId } = await engineWithVolume({ fitRunner: fakeRunner(5, { failAt: 2 }) });
    const info = await engine.peri.create(createArgs(volumeId));
    await expect(engine.peri.runFit({ sessionId: info.sessionId, schedule: 'polish' })).rejects.toThrow(/singular matrix/);
    expect(engine.peri.get(info.sessionId).info().fitRunning).toBe(false);
    await expect(engine.peri.runFit({ sessionId: info.sessionId, schedule: 'sideways' as never })).rejects.toThrow(/Unknown fit schedule "sideways"/);
  });
});
