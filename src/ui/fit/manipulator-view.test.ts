import { describe, expect, it } from 'vitest';
import type { PeriSessionInfo } from '../../workers/protocol';
import { manipulatorDisplay } from './manipulator-view';

const info = { sessionId: 'peri-1', version: 7, dataRange: [0.1, 0.9] } as PeriSessionInfo;
const base = { manipulatorView: 'model' as const, component: 'ilm', fourier: false, residualRange: 0.1 };

describe('manipulatorDisplay', () => {
  it('shows the model in bone over the data range, residuals diverging over ±range', () => {
    expect(manipulatorDisplay(base, info)).toMatchObject({ view: { kind: 'model', fourier: false }, lut: 'bone', limits: [0.1, 0.9] });
    expect(manipulatorDisplay({ ...base, manipulatorView: 'residuals', residualRange: 0.2 }, info)).toMatchObject({ lut: 'diverging', limits: [-0.2, 0.2], label: 'residuals ±0.2' });
  });

  it('auto-scales components and the Fourier view, and keys the cache by view and version', () => {
    const comp = manipulatorDisplay({ ...base, manipulatorView: 'component' }, info);
    expect(comp).toMatchObject({ view: { kind: 'component', component: 'ilm' }, limits: null, key: 'peri-1|component|ilm|r|7' });
    const k = manipulatorDisplay({ ...base, manipulatorView: 'residuals', fourier: true }, info);
    expect(k).toMatchObject({ view: { kind: 'residuals', fourier: true }, lut: 'bone', limits: null, key: 'peri-1|residuals||k|7' });
    expect(manipulatorDisplay({ ...base, manipulatorView: 'component', component: null }, info).view.kind).toBe('model');
  });
});
