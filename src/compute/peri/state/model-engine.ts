/**
 * The model image on the padded grid and PERI's update rules (states.py `update`):
 * - changes to the PSF, scalars or any component whose update tile is the whole grid: the full
 *   expression is evaluated again;
 * - a local change of one component (particles, Barnes ILM columns) whose category has a
 *   d-equation: dX = X_new − X_old on the `outer` tile, the d-equation there (circular PSF on the
 *   tile) and model[inner] += diff[inner];
 * - other local changes (several components, no d-equation): the full expression on `inner` grown
 *   by the PSF reach, copied into model[inner].
 */
import type { ImageModel } from '../models/image-models';
import { evaluateStageCpu } from '../models/evaluate.cpu';
import type { ModelStage } from '../models/stage';
import { ComponentCollection } from '../collection';
import { GlobalScalar } from '../fields/global-scalar';
import { Tile } from '../tile';
import { isPsf, type ComponentSet, type ComponentShare } from './component-set';
import { fullEvaluationTile, growToSmooth, updateTiles } from './io-tiles';
import { separableKernels } from '../models/blur';
import { IdentityPSF } from '../psfs/identity';

export type UpdateKind = 'none' | 'local' | 'full';

export interface UpdateOutcome {
  kind: UpdateKind;
  /** Patched tile of the padded grid (the whole grid for 'full'). */
  tile: Tile | null;
}

/** What a local update writes back (see model-patch.cpu.ts / model-patch.wgsl). */
export interface LocalPatch {
  /** Values on `srcTile`: a d-equation's difference ('add') or the full expression ('set'). */
  src: Float32Array;
  srcTile: Tile;
  /** The part of the padded grid to patch. */
  patch: Tile;
  mode: 'add' | 'set';
}

export class ModelEngine {
  readonly model: Float32Array;
  /** Counters for tests and benchmarks. */
  readonly counts = { full: 0, local: 0, localDiff: 0 };

  constructor(
    readonly imageModel: ImageModel,
    readonly comps: ComponentSet,
    readonly grid: Tile,
  ) {
    this.model = new Float32Array(grid.volume);
  }

  /** The full expression on `tile` (default: the padded grid). */
  evaluate(tile: Tile = this.grid): Float32Array {
    return this.run(this.imageModel.full((c) => this.comps.scalar(c)), tile, new Map());
  }

  evaluateFull(): void {
    this.model.set(this.evaluate());
    this.counts.full++;
  }

  /**
   * Applies the shares to their components. A full change re-evaluates the model; a local one
   * returns the patch to write back (the model is not touched yet).
   */
  apply(shares: readonly ComponentShare[]): { kind: UpdateKind; patch: LocalPatch | null } {
    const tile = this.localTile(shares);
    if (tile === 'full') {
      shares.forEach((s) => s.comp.update(s.names, s.values));
      this.evaluateFull();
      return { kind: 'full', patch: null };
    }
    if (tile === null) {
      shares.forEach((s) => s.comp.update(s.names, s.values));
      return { kind: 'none', patch: null };
    }
    const psfPad = this.imageModel.usesPsf ? (this.comps.psf()?.getPaddingSize(tile) ?? null) : null;
    const { inner, outer: tight } = updateTiles(tile, this.grid, psfPad);
    const outer = this.fftBlur() ? growToSmooth(tight, this.grid) : tight;
    const diff = shares.length === 1 ? this.imageModel.diff(shares[0].comp.category, (c) => this.comps.scalar(c)) : null;
    this.counts.local++;
    if (diff) {
      this.counts.localDiff++;
      return { kind: 'local', patch: { src: this.differenceOn(shares[0], diff, outer), srcTile: outer, patch: inner, mode: 'add' } };
    }
    shares.forEach((s) => s.comp.update(s.names, s.values));
    const wide = fullEvaluationTile(inner, this.grid, psfPad);
    const ext = this.fftBlur() ? growToSmooth(wide, this.grid) : wide;
    return { kind: 'local', patch: { src: this.evaluate(ext), srcTile: ext, patch: inner, mode: 'set' } };
  }

  /** Whether H runs through FFTs on the tile (then tile sides are worth rounding up to smooth sizes). */
  private fftBlur(): boolean {
    const psf = this.imageModel.usesPsf ? this.comps.psf() : null;
    return psf !== null && !(psf instanceof IdentityPSF) && separableKernels(psf) === null;
  }

  /** 'full', null (nothing drawn changes) or the bounding update tile. */
  private localTile(shares: readonly ComponentShare[]): Tile | 'full' | null {
    if (shares.some((s) => isPsf(s.comp) || s.comp instanceof GlobalScalar)) return 'full';
    const tiles = shares.map((s) => s.comp.getUpdateTile(s.names, s.values)).filter((t): t is Tile => t !== null);
    if (tiles.length === 0) return null;
    const t = Tile.intersection(Tile.boundingTile(...tiles), this.grid);
    return t.equals(this.grid) ? 'full' : t;
  }

  /** Updates the component and evaluates its d-equation on `outer` with dX = X_new − X_old. */
  private differenceOn(share: ComponentShare, stage: ModelStage, outer: Tile): Float32Array {
    const comp = share.comp;
    const field = this.changingField(share);
    const before = field(outer);
    comp.update(share.names, share.values);
    const d = field(outer);
    for (let i = 0; i < d.length; i++) d[i] -= before[i];
    return this.run(stage, outer, new Map([['diff', d]]));
  }

  /** The part of a category's field that the share can change: in a collection, the members it touches. */
  private changingField(share: ComponentShare): (tile: Tile) => Float32Array {
    const comp = share.comp;
    if (!(comp instanceof ComponentCollection)) return (tile) => this.comps.field(comp.category, tile);
    const names = new Set(share.names);
    const members = comp.comps.filter((m) => m.params.some((p) => names.has(p)));
    return (tile) => {
      const out = members[0].get(tile);
      for (const m of members.slice(1)) {
        const f = m.get(tile);
        for (let i = 0; i < out.length; i++) out[i] += f[i];
      }
      return out;
    };
  }

  private run(stage: ModelStage, tile: Tile, given: Map<string, Float32Array>): Float32Array {
    const cache = given;
    const fields = (ref: string) => {
      let f = cache.get(ref);
      if (!f) {
        f = this.comps.field(ref, tile);
        cache.set(ref, f);
      }
      return f;
    };
    return evaluateStageCpu(stage, tile, fields, this.comps.psf());
  }
}
