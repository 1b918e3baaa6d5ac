/**
 * PERI's GlobalScalar: one named number, e.g. the confocal model's `offset` (C, the particles'
 * residual brightness). Its category is its name; any change touches the whole padded grid.
 */
import { MapComponent } from '../component';
import type { Tile } from '../tile';

export class GlobalScalar extends MapComponent {
  constructor(name = 'offset', value = 0) {
    super(name, [name], [value]);
  }

  get name(): string {
    return this.category;
  }

  get(): number {
    return this.value(this.category);
  }

  getUpdateTile(params: readonly string[], values: readonly number[]): Tile | null {
    this.checkOwn(params, values);
    return this.requireShape();
  }

  update(params: readonly string[], values: readonly number[]): void {
    this.setValues(params, values);
  }

  protected initialize(): void {}

  protected describe(): string {
    return `GlobalScalar '${this.category}'`;
  }
}
