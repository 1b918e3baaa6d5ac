/**
 * The components of a state, one per category, with PERI's parameter bookkeeping: the state's
 * parameters are the components' in order, a name shared by two components (the linked `zscale`
 * of spheres and exact PSF) listed once and routed to both.
 */
import { ComponentCollection } from '../collection';
import { checkUpdateArgs, type FieldComponent, type PeriComponent } from '../component';
import { PeriParamError } from '../errors';
import { BarnesStreakLegPoly2P1D } from '../fields/barnes-ilm';
import { GlobalScalar } from '../fields/global-scalar';
import { SeparableComponent } from '../fields/separable-component';
import type { SeparableField } from '../fields/separable-field.cpu';
import { Slab } from '../objects/slab';
import { PlatonicSpheresCollection } from '../objects/spheres';
import type { PsfComponent } from '../psfs/psf';
import { copyBox, copyTileOut, type Tile } from '../tile';
import { PeriStateError } from './errors';
import { expandSeparable } from './separable-expand';

export interface ComponentShare {
  comp: PeriComponent;
  names: string[];
  values: number[];
}

/** A field's values readable in place: `data` laid out on `holder`, which contains the tile asked for. */
interface FieldView {
  data: Float32Array;
  holder: Tile;
}

/** out (laid out on `tile`) = or += the view's values on `tile`, row by row. */
function readView(view: FieldView, tile: Tile, out: Float32Array, add: boolean): void {
  const { data, holder } = view;
  if (!add) return copyBox(data, holder, out, tile, tile);
  const [, hy, hx] = holder.shape;
  const [tz, ty, tx] = tile.shape;
  let t = 0;
  for (let z = 0; z < tz; z++) {
    for (let y = 0; y < ty; y++) {
      const at = ((tile.l[0] + z - holder.l[0]) * hy + (tile.l[1] + y - holder.l[1])) * hx + (tile.l[2] - holder.l[2]);
      for (let x = 0; x < tx; x++) out[t + x] += data[at + x];
      t += tx;
    }
  }
}

export function isPsf(c: PeriComponent): c is PsfComponent {
  return typeof (c as Partial<PsfComponent>).execute === 'function' && typeof (c as Partial<PsfComponent>).getPaddingSize === 'function';
}

export class ComponentSet {
  readonly list: readonly PeriComponent[];
  private owners: Map<string, PeriComponent[]> | null = null;
  /** Planes and profiles of the polynomial fields with the values they were made from, and the last tile expanded. */
  private readonly planes = new Map<PeriComponent, { values: number[]; field: SeparableField; last: { tile: Tile; values: Float32Array } | null }>();

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

  /** A field category's values on `tile` (a new array). */
  field(category: string, tile: Tile): Float32Array {
    const c = this.get(category);
    if (!c || typeof (c as Partial<FieldComponent>).get !== 'function' || c instanceof GlobalScalar || isPsf(c)) {
      throw new PeriStateError(`the model needs a field component '${category}'`);
    }
    if (c instanceof SeparableComponent && !(c instanceof BarnesStreakLegPoly2P1D)) {
      const v = this.separableView(c, tile);
      return copyTileOut(v.data, v.holder, tile);
    }
    return (c as FieldComponent).get(tile);
  }

  /**
   * The same values as `field` written into `out` (tile.volume values), without allocating for
   * spheres, slab and polynomial fields. A collection's members are summed in order, as its get.
   */
  fieldInto(category: string, tile: Tile, out: Float32Array): Float32Array {
    const c = this.get(category);
    if (c instanceof ComponentCollection) return this.membersInto(c.comps, tile, out);
    if (c && !(c instanceof GlobalScalar) && !isPsf(c)) return this.membersInto([c as FieldComponent], tile, out);
    out.set(this.field(category, tile));
    return out;
  }

  /** Σ of the members' fields on `tile` into `out` (first copied, the others added in order). */
  membersInto(members: readonly FieldComponent[], tile: Tile, out: Float32Array): Float32Array {
    members.forEach((m, k) => {
      const view = this.viewOf(m, tile);
      if (view) readView(view, tile, out, k > 0);
      else if (k === 0) out.set(m.get(tile));
      else readView({ data: m.get(tile), holder: tile }, tile, out, true);
    });
    return out;
  }

  private viewOf(c: FieldComponent, tile: Tile): FieldView | null {
    if (c instanceof PlatonicSpheresCollection) return c.keepField ? { data: c.fieldView(), holder: c.shape! } : null;
    if (c instanceof Slab) return c.view(tile);
    if (c instanceof SeparableComponent && !(c instanceof BarnesStreakLegPoly2P1D)) return this.separableView(c, tile);
    return null;
  }

  /**
   * A polynomial field (every change global) is expanded from its planes on the tile asked for,
   * not on the whole padded grid first: a full evaluation needs the image and the PSF's reach, a
   * quarter of the grid. Same per-voxel arithmetic as the component's own field, same values.
   * (The Barnes ILM keeps its own field: it updates x columns locally.)
   */
  private separableView(c: SeparableComponent, tile: Tile): FieldView {
    const values = c.values;
    const shape = c.shape?.shape;
    let hit = this.planes.get(c);
    if (!hit || !hit.values.every((v, i) => v === values[i]) || !hit.field.shape.every((n, i) => n === shape?.[i])) {
      hit = { values, field: c.separable(), last: null };
      this.planes.set(c, hit);
    }
    if (hit.last?.tile.includes(tile)) return { data: hit.last.values, holder: hit.last.tile };
    const data = expandSeparable(hit.field, tile);
    // Keep the largest tile (a full evaluation's); a particle's tile usually lies inside it.
    if (!hit.last || tile.volume >= hit.last.tile.volume) hit.last = { tile, values: data };
    return { data, holder: tile };
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
