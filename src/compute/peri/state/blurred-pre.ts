/**
 * H(pre) of the last full evaluation, kept so that a change of post-blur terms only (PERI's
 * background B in `H(I·(1−P) + C·P) + B`, a scalar folded into the post-blur coefficients) costs
 * the element-wise post expression instead of a convolution: a sixth of a global Jacobian's
 * columns for the confocal model. Reusing H(pre) is the same arithmetic as recomputing it.
 * Any change of a field the pre-blur expression reads, of the PSF, or of the pre-blur
 * coefficients (scalars such as the offset C) forgets it.
 */
import type { ModelStage } from '../models/stage';
import type { Tile } from '../tile';
import { WorkArrays } from '../work-arrays';

interface Entry {
  key: string;
  tile: Tile;
  valid: Tile | null;
  h: Float32Array;
}

export class BlurredPreCache {
  private entry: Entry | null = null;
  private readonly own = new WorkArrays();
  /** Evaluations that reused H(pre), for tests and benchmarks. */
  hits = 0;

  /** The cached H(pre) if it was made by `stage`'s pre-blur half on (tile, valid). */
  get(stage: ModelStage, tile: Tile, valid: Tile | null): Float32Array | null {
    const e = this.entry;
    if (!e || e.key !== preKey(stage) || !e.tile.equals(tile) || !(e.valid === valid || (valid !== null && valid.equals(e.valid)))) return null;
    this.hits++;
    return e.h;
  }

  /** A buffer of n values to compute the next H(pre) into (forgets the current one). */
  buffer(n: number): Float32Array {
    this.entry = null;
    return this.own.get('h', n);
  }

  set(stage: ModelStage, tile: Tile, valid: Tile | null, h: Float32Array): void {
    this.entry = { key: preKey(stage), tile, valid, h };
  }

  /** Forgets H(pre) when one of the changed categories feeds it (a pre-blur field or the PSF). */
  touch(stage: ModelStage, categories: readonly string[]): void {
    if (!this.entry) return;
    const feeds = new Set([stage.pre.a, stage.pre.b, 'psf']);
    if (categories.some((c) => feeds.has(c))) this.entry = null;
  }

  clear(): void {
    this.entry = null;
  }

  /** The current entry, to put back with `restore` after a change that was undone exactly. */
  save(): unknown {
    return this.entry;
  }

  restore(saved: unknown): void {
    this.entry = saved as Entry | null;
  }
}

function preKey(stage: ModelStage): string {
  return JSON.stringify([stage.pre, stage.blur]);
}
