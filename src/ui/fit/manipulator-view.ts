/**
 * What the right-hand (OrthoManipulator) views show for the store's settings: the engine view,
 * its LUT and limits. PERI: model and components 0…1 in bone (here the data's range), residuals
 * in a diverging map over ±vrange_diff, the Fourier view auto-scaled in bone.
 */
import type { PeriSessionInfo, PeriView } from '../../workers/protocol';
import type { LutName } from '../render/lut';
import type { LucidState } from '../store';

export interface ManipulatorDisplay {
  view: PeriView;
  /** Cache key: changes with the session, the view and the state version. */
  key: string;
  lut: LutName;
  /** Fixed limits, or null for the view volume's own range (auto-scaled). */
  limits: [number, number] | null;
  label: string;
}

export function manipulatorDisplay(s: Pick<LucidState, 'manipulatorView' | 'component' | 'fourier' | 'residualRange'>, info: PeriSessionInfo): ManipulatorDisplay {
  const kind = s.manipulatorView === 'component' && s.component ? 'component' : s.manipulatorView === 'component' ? 'model' : s.manipulatorView;
  const view: PeriView = { kind, ...(kind === 'component' ? { component: s.component! } : {}), fourier: s.fourier };
  const key = `${info.sessionId}|${kind}|${view.component ?? ''}|${s.fourier ? 'k' : 'r'}|${info.version}`;
  const name = kind === 'component' ? `component ${view.component}` : kind;
  if (s.fourier) return { view, key, lut: 'bone', limits: null, label: `${name}, |FFT|^0.2` };
  if (kind === 'residuals') return { view, key, lut: 'diverging', limits: [-s.residualRange, s.residualRange], label: `residuals ±${s.residualRange}` };
  if (kind === 'model') return { view, key, lut: 'bone', limits: info.dataRange, label: 'model' };
  return { view, key, lut: 'bone', limits: null, label: name };
}
