import { describe, expect, it } from 'vitest';
import type { PeriSessionInfo } from '../../workers/protocol';
import { createLucidStore } from './index';

function session(fields: string[], id = 'peri-1'): PeriSessionInfo {
  const comps = ['obj', 'ilm', 'bkg', 'offset', 'psf'].map((category) => ({ category, className: 'X', params: 1, hasField: fields.includes(category) }));
  return { sessionId: id, components: comps } as unknown as PeriSessionInfo;
}

describe('fit slice', () => {
  it('Q cycles model → residuals → component → model, skipping the component view without fields', () => {
    const store = createLucidStore();
    store.getState().setSession(session(['obj', 'ilm', 'bkg']));
    const seen = Array.from({ length: 4 }, () => {
      store.getState().cycleManipulatorView();
      return store.getState().manipulatorView;
    });
    expect(seen).toEqual(['residuals', 'component', 'model', 'residuals']);
    store.getState().setSession(session([]));
    expect(store.getState().component).toBeNull();
    store.getState().cycleManipulatorView();
    expect(store.getState().manipulatorView).toBe('model');
  });

  it('C shows the component view first, then steps through the fields (not the psf or scalars)', () => {
    const store = createLucidStore();
    store.getState().setSession(session(['obj', 'ilm', 'bkg']));
    const seen = Array.from({ length: 4 }, () => {
      store.getState().cycleComponent();
      return `${store.getState().manipulatorView}:${store.getState().component}`;
    });
    expect(seen).toEqual(['component:obj', 'component:ilm', 'component:bkg', 'component:obj']);
  });

  it('keeps the chosen component across sessions that have it, and resets the mouse mode when leaving', () => {
    const store = createLucidStore();
    store.getState().setSession(session(['obj', 'ilm']));
    store.getState().cycleComponent();
    store.getState().cycleComponent();
    store.getState().setSession(session(['obj', 'ilm'], 'peri-2'));
    expect(store.getState().component).toBe('ilm');
    store.getState().setFitMode(true);
    store.getState().setMouseMode('grab');
    store.getState().setFitMode(false);
    expect(store.getState().mouseMode).toBe('view');
    store.getState().setResidualRange(-1);
    expect(store.getState().residualRange).toBe(0.1);
  });
});
