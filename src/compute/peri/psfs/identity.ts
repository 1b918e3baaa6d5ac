/** PERI's IdentityPSF: a delta function. One inert parameter `psf` (value 0); padding 1 pixel. */
import { Tile } from '../tile';
import { PsfBase } from './psf';

export class IdentityPSF extends PsfBase {
  constructor() {
    super(['psf'], [0]);
  }

  getPaddingSize(): Tile {
    return new Tile([1, 1, 1]);
  }

  execute(field: ArrayLike<number>, tile: Tile): Float32Array {
    this.checkField(field, tile);
    return Float32Array.from(field);
  }

  protected invalidate(): void {}

  protected describe(): string {
    return 'IdentityPSF';
  }
}
