/**
 * Base of the ILM / background fields: a parameter map plus a lazily evaluated float32 field on the
 * padded grid. Subclasses describe the field as a `SeparableField` (float64 planes and profiles),
 * which the TS twin expands on the CPU and the separable-field kernel expands on the GPU.
 */
import { MapComponent, fieldOnTile, type FieldComponent } from '../component';
import { PeriValueError } from '../errors';
import type { Tile } from '../tile';
import { evaluateSeparableCpu, type SeparableField } from './separable-field.cpu';

export abstract class SeparableComponent extends MapComponent implements FieldComponent {
  protected field: Float32Array | null = null;

  /** The field as planes × profiles (needs the shape). */
  abstract separable(): SeparableField;

  /** Global fields: every change touches the whole padded grid. */
  getUpdateTile(params: readonly string[], values: readonly number[]): Tile | null {
    this.checkOwn(params, values);
    return this.requireShape();
  }

  update(params: readonly string[], values: readonly number[]): void {
    this.setValues(params, values);
    this.field = null;
  }

  get(tile?: Tile): Float32Array {
    const shape = this.requireShape();
    if (!this.field) this.field = evaluateSeparableCpu(this.separable());
    return fieldOnTile(this.field, shape, tile);
  }

  protected initialize(): void {
    this.field = null;
  }
}

export type Order3 = readonly [number, number, number];

/** Checks an (oz, oy, ox) order; `minZ` is the smallest number of z terms allowed. */
export function checkOrder(order: Order3, who: string, minZ: number): [number, number, number] {
  if (order.length !== 3 || !order.every((o) => Number.isInteger(o) && o >= 0)) {
    throw new PeriValueError(`${who}: order must be 3 non-negative integers (z, y, x), got [${order.join(', ')}]`);
  }
  if (order[0] < minZ || order[1] < 1 || order[2] < 1) {
    throw new PeriValueError(`${who}: order needs at least ${minZ} z and 1 y and x term, got [${order.join(', ')}]`);
  }
  return [order[0], order[1], order[2]];
}
