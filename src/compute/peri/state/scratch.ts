/**
 * Named float32 work buffers reused from one model evaluation to the next: a full evaluation
 * needs half a dozen arrays of a quarter of the padded grid (~1 MB each) and runs hundreds of
 * times per fit; allocating them each time made the collector a tenth of the fit's time.
 * `get` returns a view of exactly n values; its contents are whatever the last user left.
 */
import type { Tile } from '../tile';

export class Scratch {
  private readonly buffers = new Map<string, Float32Array>();

  get(name: string, n: number): Float32Array {
    let buf = this.buffers.get(name);
    if (!buf || buf.length < n) {
      buf = new Float32Array(n);
      this.buffers.set(name, buf);
    }
    return buf.length === n ? buf : buf.subarray(0, n);
  }
}

/** A field's values readable in place: `data` laid out on `holder`, which contains the tile asked for. */
export interface FieldView {
  data: Float32Array;
  holder: Tile;
}

/** out (laid out on `tile`) = or += the view's values on `tile`, row by row. */
export function readView(view: FieldView, tile: Tile, out: Float32Array, add: boolean): void {
  const { data, holder } = view;
  const [, hy, hx] = holder.shape;
  const [tz, ty, tx] = tile.shape;
  let t = 0;
  for (let z = 0; z < tz; z++) {
    for (let y = 0; y < ty; y++) {
      const at = ((tile.l[0] + z - holder.l[0]) * hy + (tile.l[1] + y - holder.l[1])) * hx + (tile.l[2] - holder.l[2]);
      if (add) for (let x = 0; x < tx; x++) out[t + x] += data[at + x];
      else out.set(data.subarray(at, at + tx), t);
      t += tx;
    }
  }
}
