/**
 * The component contract shared by objects (spheres, slab), fields (ILM, background), the offset
 * and, later, PSFs. A state owns components, hands each the padded grid with `setShape`, asks
 * `getUpdateTile` which region a change touches, applies it with `update` and reads fields with
 * `get(tile)`. Components tell their parent (the state) about structural changes through
 * `ComponentParent`, as PERI's `trigger_parameter_change` / `trigger_update` do.
 */
import { PeriParamError, PeriShapeError, PeriValueError } from './errors';
import { Tile, copyTileOut } from './tile';

export interface ComponentParent {
  /** The list of parameter names changed (particles added or removed). */
  triggerParameterChange(): void;
  /** Apply a change through the parent so the model follows (PERI's `trigger_update`). */
  triggerUpdate(params: string[], values: number[]): void;
}

export interface PeriComponent {
  /** 'obj', 'ilm', 'bkg', 'offset', 'psf'… */
  readonly category: string;
  readonly params: string[];
  readonly values: number[];
  getValues(params: readonly string[]): number[];
  /** Stores values without recomputing anything (PERI's `set_values`). */
  setValues(params: readonly string[], values: readonly number[]): void;
  /** `shape`: the padded grid, l = 0. `inner`: the image inside it (l = pad). */
  setShape(shape: Tile, inner: Tile): void;
  readonly shape: Tile | null;
  /** The region of the padded grid this change touches; null when nothing changes. */
  getUpdateTile(params: readonly string[], values: readonly number[]): Tile | null;
  update(params: readonly string[], values: readonly number[]): void;
  register(parent: ComponentParent | null): void;
}

/** A component whose `get` is a field on the padded grid. */
export interface FieldComponent extends PeriComponent {
  /** The field on `tile` (default: the whole padded grid), as a new row-major float32 array. */
  get(tile?: Tile): Float32Array;
}

export function checkUpdateArgs(params: readonly string[], values: readonly number[]): void {
  if (params.length !== values.length) {
    throw new PeriValueError(`${params.length} parameter names but ${values.length} values`);
  }
  values.forEach((v, i) => {
    if (!Number.isFinite(v)) throw new PeriValueError(`value of '${params[i]}' must be finite, got ${v}`);
  });
}

/** Checks the (shape, inner) pair a state passes to `setShape`. */
export function checkShapes(shape: Tile, inner: Tile, who: string): void {
  if (shape.isEmpty) throw new PeriShapeError(`${who}: the padded shape ${shape} is empty`);
  if (!shape.includes(inner)) throw new PeriShapeError(`${who}: inner ${inner} is not inside ${shape}`);
}

/** Base for components whose parameters are a fixed, ordered name → value map. */
export abstract class MapComponent implements PeriComponent {
  protected readonly paramMap = new Map<string, number>();
  protected parent: ComponentParent | null = null;
  protected _shape: Tile | null = null;
  protected _inner: Tile | null = null;

  constructor(
    readonly category: string,
    names: readonly string[],
    values: readonly number[],
  ) {
    checkUpdateArgs(names, values);
    names.forEach((n, i) => this.paramMap.set(n, values[i]));
  }

  get params(): string[] {
    return [...this.paramMap.keys()];
  }

  get values(): number[] {
    return [...this.paramMap.values()];
  }

  get shape(): Tile | null {
    return this._shape;
  }

  get inner(): Tile | null {
    return this._inner;
  }

  getValues(params: readonly string[]): number[] {
    return params.map((p) => this.value(p));
  }

  setValues(params: readonly string[], values: readonly number[]): void {
    checkUpdateArgs(params, values);
    params.forEach((p) => this.value(p));
    params.forEach((p, i) => this.paramMap.set(p, values[i]));
  }

  setShape(shape: Tile, inner: Tile): void {
    checkShapes(shape, inner, this.describe());
    if (shape.equals(this._shape) && inner.equals(this._inner)) return;
    this._shape = shape;
    this._inner = inner;
    this.initialize();
  }

  register(parent: ComponentParent | null): void {
    this.parent = parent;
  }

  abstract getUpdateTile(params: readonly string[], values: readonly number[]): Tile | null;
  abstract update(params: readonly string[], values: readonly number[]): void;

  /** Recomputes everything after a shape change. */
  protected abstract initialize(): void;

  protected abstract describe(): string;

  protected value(name: string): number {
    const v = this.paramMap.get(name);
    if (v === undefined) throw new PeriParamError(`'${name}' is not a parameter of ${this.describe()}`);
    return v;
  }

  /** Throws unless every name is a parameter of this component and the values are usable. */
  protected checkOwn(params: readonly string[], values: readonly number[]): void {
    checkUpdateArgs(params, values);
    params.forEach((p) => this.value(p));
  }

  protected requireShape(): Tile {
    if (!this._shape) {
      throw new PeriShapeError(`${this.describe()} has no shape yet: call setShape(paddedShape, innerTile) first`);
    }
    return this._shape;
  }
}

/** Copies `tile` (default: all) out of a field stored over `shape`. */
export function fieldOnTile(field: Float32Array, shape: Tile, tile?: Tile): Float32Array {
  return tile ? copyTileOut(field, shape, tile) : field.slice();
}
