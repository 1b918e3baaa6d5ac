/**
 * The components of a state, one per category, with PERI's parameter bookkeeping: the state's
 * parameters are the components' in order, a name shared by two components (the linked `zscale`
 * of spheres and exact PSF) listed once and routed to both.
 */
import { ComponentCollection } from '../collection';
import { checkUpdateArgs, type FieldComponent, type PeriComponent } from '../component';
import { PeriParamError } from '../errors';
import { GlobalScalar } from '../fields/global-scalar';
import { PlatonicSpheresCollection } from '../objects/spheres';
import type { PsfComponent } from '../psfs/psf';
import type { Tile } from '../tile';
import { PeriStateError } from './errors';

export interface ComponentShare {
  comp: PeriComponent;
  names: string[];
  values: number[];
}

export function isPsf(c: PeriComponent): c is PsfComponent {
  return typeof (c as Partial<PsfComponent>).execute === 'function' && typeof (c as Partial<PsfComponent>).getPaddingSize === 'function';
}

export class ComponentSet {
  readonly list: readonly PeriComponent[];
  private owners: Map<string, PeriComponent[]> | null = null;

  constructor(comps: readonly PeriComponent[]) {
    const seen = new Set<string>();
    for (const c of comps) {
      if (seen.has(c.category)) throw new PeriStateError(`two components have the category '${c.category}'; a state takes one per category (group objects with a ComponentCollection)`);
      seen.add(c.category);
    }
    this.list = [...comps];
  }

  get(category: string): PeriComponent | null {
    return this.list.find((c) => c.category === category) ?? null;
  }

  get categories(): string[] {
    return this.list.map((c) => c.category);
  }

  psf(): PsfComponent | null {
    const c = this.get('psf');
    return c && isPsf(c) ? c : null;
  }

  /** The value of a GlobalScalar category (offset, contrast). */
  scalar(category: string): number {
    const c = this.get(category);
    if (!(c instanceof GlobalScalar)) throw new PeriStateError(`the model needs a scalar component '${category}' (GlobalScalar)`);
    return c.get();
  }

  /** A field category's values on `tile`. */
  field(category: string, tile: Tile): Float32Array {
    const c = this.get(category);
    if (!c || typeof (c as Partial<FieldComponent>).get !== 'function' || c instanceof GlobalScalar || isPsf(c)) {
      throw new PeriStateError(`the model needs a field component '${category}'`);
    }
    return (c as FieldComponent).get(tile);
  }

  /** The sphere collection (alone or inside the obj collection), if any. */
  spheres(): PlatonicSpheresCollection | null {
    for (const c of this.list) {
      if (c instanceof PlatonicSpheresCollection) return c;
      if (c instanceof ComponentCollection) {
        const s = c.comps.find((m) => m instanceof PlatonicSpheresCollection);
        if (s) return s as PlatonicSpheresCollection;
      }
    }
    return null;
  }

  get params(): string[] {
    return [...this.ownerMap().keys()];
  }

  /** Values in `params` order (a shared name reads its first owner). */
  getValues(names: readonly string[]): number[] {
    return names.map((n) => this.ownersOf(n)[0].getValues([n])[0]);
  }

  ownersOf(name: string): PeriComponent[] {
    const o = this.ownerMap().get(name);
    if (!o) throw new PeriParamError(`'${name}' is not a parameter of this state`);
    return o;
  }

  /** Splits (names, values) by component; a repeated name keeps its last value. */
  split(names: readonly string[], values: readonly number[]): ComponentShare[] {
    checkUpdateArgs(names, values);
    const last = new Map<string, number>();
    names.forEach((n, i) => {
      this.ownersOf(n);
      last.set(n, values[i]);
    });
    const shares = new Map<PeriComponent, ComponentShare>();
    for (const [n, v] of last) {
      for (const comp of this.ownersOf(n)) {
        const s = shares.get(comp) ?? { comp, names: [], values: [] };
        s.names.push(n);
        s.values.push(v);
        shares.set(comp, s);
      }
    }
    return [...shares.values()];
  }

  /** Parameter names changed (particles added or removed). */
  invalidate(): void {
    this.owners = null;
  }

  private ownerMap(): Map<string, PeriComponent[]> {
    if (!this.owners) {
      const m = new Map<string, PeriComponent[]>();
      for (const c of this.list) for (const p of c.params) m.set(p, [...(m.get(p) ?? []), c]);
      this.owners = m;
    }
    return this.owners;
  }
}
