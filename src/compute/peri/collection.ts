/**
 * PERI's ComponentCollection with the default (additive) reduce: the `obj` category is spheres +
 * slab, summed. Parameters are the members' parameters in order; an update goes to every member
 * owning one of its names; the update tile is the bounding tile of the members' tiles.
 */
import { checkShapes, checkUpdateArgs, type ComponentParent, type FieldComponent } from './component';
import { PeriParamError, PeriValueError } from './errors';
import { Tile } from './tile';

export class ComponentCollection implements FieldComponent, ComponentParent {
  private parent: ComponentParent | null = null;
  private ownerCache: Map<string, FieldComponent[]> | null = null;

  constructor(
    readonly comps: readonly FieldComponent[],
    readonly category = 'obj',
  ) {
    if (comps.length === 0) throw new PeriValueError('a ComponentCollection needs at least one component');
    comps.forEach((c) => c.register(this));
  }

  get params(): string[] {
    return [...this.owners().keys()];
  }

  get values(): number[] {
    return this.getValues(this.params);
  }

  get shape(): Tile | null {
    return this.comps[0].shape;
  }

  getValues(params: readonly string[]): number[] {
    return params.map((p) => this.ownersOf(p)[0].getValues([p])[0]);
  }

  setValues(params: readonly string[], values: readonly number[]): void {
    this.split(params, values).forEach(([c, p, v]) => c.setValues(p, v));
  }

  setShape(shape: Tile, inner: Tile): void {
    checkShapes(shape, inner, 'ComponentCollection');
    this.comps.forEach((c) => c.setShape(shape, inner));
  }

  getUpdateTile(params: readonly string[], values: readonly number[]): Tile | null {
    const tiles = this.split(params, values)
      .map(([c, p, v]) => c.getUpdateTile(p, v))
      .filter((t): t is Tile => t !== null);
    return tiles.length ? Tile.boundingTile(...tiles) : null;
  }

  update(params: readonly string[], values: readonly number[]): void {
    this.split(params, values).forEach(([c, p, v]) => c.update(p, v));
  }

  /** The sum of the members' fields on `tile`. */
  get(tile?: Tile): Float32Array {
    const out = this.comps[0].get(tile);
    for (const c of this.comps.slice(1)) {
      const f = c.get(tile);
      for (let i = 0; i < out.length; i++) out[i] += f[i];
    }
    return out;
  }

  register(parent: ComponentParent | null): void {
    this.parent = parent;
  }

  triggerParameterChange(): void {
    this.ownerCache = null;
    this.parent?.triggerParameterChange();
  }

  triggerUpdate(params: string[], values: number[]): void {
    if (this.parent) this.parent.triggerUpdate(params, values);
    else this.update(params, values);
  }

  /** The members owning some of `params`, each with its share of (params, values). */
  private split(params: readonly string[], values: readonly number[]): [FieldComponent, string[], number[]][] {
    checkUpdateArgs(params, values);
    params.forEach((p) => this.ownersOf(p));
    return this.comps.flatMap((c) => {
      const idx = params.map((p, i) => (this.ownersOf(p).includes(c) ? i : -1)).filter((i) => i >= 0);
      return idx.length ? [[c, idx.map((i) => params[i]), idx.map((i) => values[i])] as [FieldComponent, string[], number[]]] : [];
    });
  }

  private ownersOf(p: string): FieldComponent[] {
    const o = this.owners().get(p);
    if (!o) throw new PeriParamError(`'${p}' is not a parameter of the '${this.category}' collection`);
    return o;
  }

  private owners(): Map<string, FieldComponent[]> {
    if (!this.ownerCache) {
      const m = new Map<string, FieldComponent[]>();
      for (const c of this.comps) for (const p of c.params) m.set(p, [...(m.get(p) ?? []), c]);
      this.ownerCache = m;
    }
    return this.ownerCache;
  }
}
