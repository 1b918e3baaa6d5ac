/**
 * Recently drawn sphere images, keyed by exactly what determines them: the centre on the padded
 * grid, the nominal radius and zscale (the method, α, support pad and exact-volume settings are
 * fixed per collection; the grid is fixed until `clear`). A fit moves a particle by +dl and back,
 * or tries a step and returns to the best values: the return, and the erase of the drawing being
 * replaced, then reuse the float64 values instead of recomputing the exact-volume iteration, with
 * the same bits. Least recently used entries go first once the byte budget is exceeded.
 */
import { PeriValueError } from '../errors';
import type { Tile, Vec3 } from '../tile';

export interface CachedDrawing {
  box: Tile;
  aEff: number;
  iterations: number;
  /** f over the box, float64, row-major; shared, never modified. */
  values: Float64Array;
}

/** Default budget: ~600 spheres of radius 5 (box 22×20×20). */
export const DEFAULT_DRAWING_CACHE_BYTES = 32 * 2 ** 20;

export function drawingKey(pos: Vec3, a: number, zscale: number): string {
  return `${pos[0]},${pos[1]},${pos[2]},${a},${zscale}`;
}

export class SphereDrawingCache {
  private readonly entries = new Map<string, CachedDrawing>();
  private bytes = 0;
  /** Lookups that found a drawing, for tests and benchmarks. */
  hits = 0;

  constructor(readonly budgetBytes = DEFAULT_DRAWING_CACHE_BYTES) {
    if (!(budgetBytes >= 0)) throw new PeriValueError(`drawingCacheBytes must be a number ≥ 0, got ${budgetBytes}`);
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string): CachedDrawing | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    this.entries.delete(key);
    this.entries.set(key, hit);
    this.hits++;
    return hit;
  }

  set(key: string, drawing: CachedDrawing): void {
    const old = this.entries.get(key);
    if (old) {
      this.bytes -= old.values.byteLength;
      this.entries.delete(key);
    }
    if (drawing.values.byteLength > this.budgetBytes) return;
    this.entries.set(key, drawing);
    this.bytes += drawing.values.byteLength;
    for (const [k, d] of this.entries) {
      if (this.bytes <= this.budgetBytes) break;
      this.entries.delete(k);
      this.bytes -= d.values.byteLength;
    }
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }
}
