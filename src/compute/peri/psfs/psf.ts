/**
 * PERI's PSF components. A PSF lists its parameters like every component, gets the padded grid
 * with `setShape`, tells the state how far it reaches (`getPaddingSize`, the support the update
 * tiles must be padded by) and blurs a field given on a tile of the padded grid (`execute`, PERI's
 * `H(field)`: a circular convolution on that tile). Any parameter change touches the whole grid.
 */
import { MapComponent, type PeriComponent } from '../component';
import { PeriShapeError } from '../errors';
import { Tile, type Vec3 } from '../tile';

export interface PsfComponent extends PeriComponent {
  /** PERI's `get_padding_size(tile)`: a tile [0, support) whose shape is the PSF's reach. */
  getPaddingSize(tile?: Tile): Tile;
  /** The PSF applied to `field` (row-major, shaped like `tile`, a tile of the padded grid). */
  execute(field: ArrayLike<number>, tile: Tile): Float32Array;
}

export abstract class PsfBase extends MapComponent implements PsfComponent {
  constructor(names: readonly string[], values: readonly number[]) {
    super('psf', names, values);
  }

  getUpdateTile(params: readonly string[], values: readonly number[]): Tile | null {
    this.checkOwn(params, values);
    return this.requireShape();
  }

  update(params: readonly string[], values: readonly number[]): void {
    this.checkOwn(params, values);
    this.setValues(params, values);
    this.afterValues();
    this.invalidate();
  }

  protected initialize(): void {
    this.afterValues();
    this.invalidate();
  }

  /** Hook after new values (e.g. PERI's clipping of the exact PSF's parameters). */
  protected afterValues(): void {}

  /** Drops whatever depends on the parameter values. */
  protected abstract invalidate(): void;

  abstract getPaddingSize(tile?: Tile): Tile;
  abstract execute(field: ArrayLike<number>, tile: Tile): Float32Array;

  protected checkField(field: ArrayLike<number>, tile: Tile): void {
    if (tile.isEmpty) throw new PeriShapeError(`${this.describe()}: cannot execute on the empty ${tile}`);
    if (field.length !== tile.volume) {
      throw new PeriShapeError(`${this.describe()}: field has ${field.length} values but ${tile} holds ${tile.volume}`);
    }
  }

  /** PERI raises when a convolution tile is smaller than the kernel's support. */
  protected checkSupport(tile: Tile, support: Vec3): void {
    if (tile.shape.some((n, i) => n < support[i])) {
      throw new PeriShapeError(
        `${this.describe()}: tile shape [${tile.shape.join(', ')}] is smaller than the PSF support [${support.join(', ')}]`,
      );
    }
  }
}

/**
 * The centred kernel (offset 0 at index ⌊n/2⌋ per axis) zero-padded onto a tile and ifftshifted:
 * element j lands at (j − ⌊n/2⌋) mod S, so offset 0 sits at index 0. This is what PERI's
 * zero-pad-centred + ifftshift does for every parity of n and S, and psf2otf's pad-and-circshift.
 */
export { wrapPsf as wrapCentredKernel } from '../../conv/kernel';

/** The field as float32, copied only when it is not already. */
export function asFloat32(field: ArrayLike<number>): Float32Array {
  return field instanceof Float32Array ? field : Float32Array.from(field);
}

export function tileKey(tile: Tile): string {
  return `${tile.l.join(',')}|${tile.r.join(',')}`;
}

/** Even-rounded support (PERI: `min_support += min_support % 2`). */
export function evenSupport(padding: Vec3): Vec3 {
  return padding.map((n) => n + (n % 2)) as Vec3;
}
