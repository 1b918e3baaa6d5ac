/**
 * PERI's runner.fit_comp(new, old): fit a new field component (e.g. an illumination of another
 * class or order) to an old one's field. The old field on its padded grid becomes the data of a
 * SmoothFieldModel state (pad 0) whose only component is the new one, seen as category 'ilm' as
 * PERI does by switching its category for the fit; `do_levmarq` then fits all its parameters.
 */
import type { ComponentParent, FieldComponent, PeriComponent } from '../component';
import { doLevmarq, type LevmarqOptions } from '../fit/levmarq';
import { resolveControl, type FitControl, type ResolvedControl } from '../fit/control';
import type { TerminationStats } from '../fit/lm-engine';
import { imageModel } from '../models/image-models';
import { rawImage } from '../state/raw-image';
import { PeriState } from '../state/state';
import type { Tile, Vec3 } from '../tile';
import { RunnerInputError } from './errors';

/** The component under another category; everything else is the component's own. */
class AsCategory implements FieldComponent {
  constructor(readonly inner: FieldComponent, readonly category: string) {}
  get params(): string[] { return this.inner.params; }
  get values(): number[] { return this.inner.values; }
  get shape(): Tile | null { return this.inner.shape; }
  getValues(params: readonly string[]): number[] { return this.inner.getValues(params); }
  setValues(params: readonly string[], values: readonly number[]): void { this.inner.setValues(params, values); }
  setShape(shape: Tile, inner: Tile): void { this.inner.setShape(shape, inner); }
  getUpdateTile(params: readonly string[], values: readonly number[]): Tile | null { return this.inner.getUpdateTile(params, values); }
  update(params: readonly string[], values: readonly number[]): void { this.inner.update(params, values); }
  register(parent: ComponentParent | null): void { this.inner.register(parent); }
  get(tile?: Tile): Float32Array { return this.inner.get(tile); }
}

function asField(c: PeriComponent, which: string): FieldComponent {
  if (typeof (c as Partial<FieldComponent>).get !== 'function' || c.category === 'psf') {
    throw new RunnerInputError(`fit_comp fits fields (illumination, background): the ${which} component '${c.category}' has no field`);
  }
  return c as FieldComponent;
}

export interface FitCompResult {
  /** Σ (old − new)² over the padded grid after the fit. */
  error: number;
  initialError: number;
  params: string[];
  values: number[];
  stats: TerminationStats;
}

/** Fits `newComp`'s parameters so that its field matches `oldComp`'s (both on the old padded grid). */
export function fitComp(newComp: PeriComponent, oldComp: PeriComponent, opts: LevmarqOptions = {}, control: FitControl | ResolvedControl = {}): FitCompResult {
  const target = asField(oldComp, 'old');
  const fresh = asField(newComp, 'new');
  if (!target.shape) throw new RunnerInputError('fit_comp: the old component has no grid yet (it is not part of a state)');
  if (fresh.params.length === 0) throw new RunnerInputError('fit_comp: the new component has no parameters to fit');
  const field = target.get();
  const shape = [...target.shape.shape] as Vec3;
  const image = rawImage({ data: Float32Array.from(field), shape }, { exposure: [0, 1] });
  const wrapped = fresh.category === 'ilm' ? fresh : new AsCategory(fresh, 'ilm');
  const st = new PeriState([wrapped], image, { model: imageModel('SmoothFieldModel'), pad: 0 });
  const initialError = st.error;
  try {
    const stats = doLevmarq(st, st.params, { stage: 'fit_comp', ...opts }, resolveControl(control));
    return { error: st.error, initialError, params: st.params, values: st.values, stats };
  } finally {
    fresh.register(null);
  }
}
