/**
 * The volumes the fitting views show, computed on demand from the state and cached per state
 * version: data, model, residuals, a component's field on the image, and the Fourier view of any
 * of them. All are shaped like the fitted crop.
 */
import { fourierMagnitudeView } from '../peri/inspect/fourier-view';
import { GlobalScalar } from '../peri/fields/global-scalar';
import type { FieldComponent } from '../peri/component';
import { isPsf } from '../peri/state/component-set';
import type { PeriState } from '../peri/state';
import { EngineError } from './errors';
import type { PeriView } from './peri-session-types';

export interface ViewVolume {
  data: Float32Array;
  range: [number, number];
}

const CACHE_ENTRIES = 6;

/** Categories whose `get()` is a field (what the manipulator's C cycles through; not psf, not scalars). */
export function fieldCategories(state: PeriState): string[] {
  return state.comps.list
    .filter((c) => !(c instanceof GlobalScalar) && !isPsf(c) && typeof (c as Partial<FieldComponent>).get === 'function')
    .map((c) => c.category);
}

export function rangeOf(data: Float32Array): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < data.length; i++) {
    const v = data[i];
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return Number.isFinite(lo) ? [lo, hi] : [0, 0];
}

function viewKey(v: PeriView): string {
  return `${v.kind}|${v.component ?? ''}|${v.fourier ? 'k' : 'r'}`;
}

export class ViewCache {
  private readonly entries = new Map<string, { version: number; volume: ViewVolume }>();

  constructor(private readonly state: PeriState) {}

  get(view: PeriView, version: number): ViewVolume {
    const key = viewKey(view);
    const hit = this.entries.get(key);
    if (hit && hit.version === version) return hit.volume;
    const data = this.compute(view);
    const volume = { data, range: rangeOf(data) };
    this.entries.delete(key);
    this.entries.set(key, { version, volume });
    if (this.entries.size > CACHE_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    return volume;
  }

  private compute(view: PeriView): Float32Array {
    const real = this.real(view);
    return view.fourier ? fourierMagnitudeView(real, this.state.ishape.shape) : real;
  }

  private real(view: PeriView): Float32Array {
    const st = this.state;
    switch (view.kind) {
      case 'data': return st.data;
      case 'model': return st.model;
      case 'residuals': return st.residuals;
      case 'component': {
        const cat = view.component ?? '';
        if (!fieldCategories(st).includes(cat)) {
          throw new EngineError('invalid-request', `The state has no field component "${cat}"; it has ${fieldCategories(st).join(', ') || 'none'}.`);
        }
        return (st.component(cat) as FieldComponent).get(st.ishape);
      }
      default:
        throw new EngineError('invalid-request', `Unknown view "${String((view as { kind?: unknown }).kind)}": use data, model, residuals or component.`);
    }
  }
}
