import { describe, expect, it } from 'vitest';
import type { BackendInfo } from '../../workers/protocol';
import { createLucidStore } from '../store';
import type { UiEngine } from './engine';
import { handleEngineEvent } from './engine-events';

const cpu: BackendInfo = { kind: 'cpu', reason: 'device lost' };
const engine = { backend: async () => cpu } as unknown as UiEngine;

describe('engine events', () => {
  it('warns about an unasked fall-back to the CPU but not about a forced one', () => {
    const store = createLucidStore();
    handleEngineEvent(store, engine, { type: 'backend', backend: cpu, message: 'Backend set to cpu.' }, 'cpu');
    expect(store.getState().backend).toEqual(cpu);
    expect(store.getState().notices).toEqual([]);
    handleEngineEvent(store, engine, { type: 'backend', backend: cpu, message: 'The device was lost; continuing on the CPU.' });
    expect(store.getState().notices.map((n) => n.kind)).toEqual(['warning']);
  });

  it('reports a crash and clears the lost volume', () => {
    const store = createLucidStore();
    handleEngineEvent(store, engine, { type: 'engine-restarted', message: 'The engine was restarted.' });
    expect(store.getState().volume).toBeNull();
    expect(store.getState().notices[0]).toMatchObject({ kind: 'warning', message: 'The engine was restarted.' });
  });
});
