/**
 * The model image on the padded grid and PERI's update rules (states.py `update`):
 * - changes to the PSF, scalars or any component whose update tile is the whole grid: the full
 *   expression is evaluated again;
 * - a local change of one component (particles, Barnes ILM columns) whose category has a
 *   d-equation: dX = X_new − X_old on the `outer` tile, the d-equation there (circular PSF on the
 *   tile) and model[inner] += diff[inner];
 * - other local changes (several components, no d-equation): the full expression on `inner` grown
 *   by the PSF reach, copied into model[inner].
 * A full evaluation computes the model only where the residuals need it: on the image grown by the
 * PSF's reach (a quarter of the padded grid at PERI's pad 24). Inside the image that is the same
 * arithmetic as the whole-grid circular convolution (no tap reaches the wrap-around), so the image
 * values are identical for the separable Gaussian; the padding is filled in on demand
 * (`paddedModel`). While the padding is stale, a d-equation patches only the image (its FFT
 * convolution zero-padded to a fast shape, `linearFftTile`): the values there are the same.
 */
import type { ImageModel } from '../models/image-models';
import { blurredPreCpu, evaluateStageCpu, postCpu } from '../models/evaluate.cpu';
import type { ModelStage } from '../models/stage';
import { ComponentCollection } from '../collection';
import { GlobalScalar } from '../fields/global-scalar';
import { Tile, copyBox, copyTileIn, copyTileOut, type Vec3 } from '../tile';
import { BlurredPreCache } from './blurred-pre';
import { WorkArrays } from '../work-arrays';
import { isPsf, type ComponentSet, type ComponentShare } from './component-set';
import { fullEvaluationTile, growToSmooth, halfSupport, linearFftTile, updateTiles, type FftTile } from './io-tiles';
import { separableKernels } from '../models/blur';
import { fftReach } from '../models/fft-blur';
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
  /** Whether the model outside the image is out of date (full evaluations skip it). */
  private paddingStale = false;
  /** H(pre) of the last full evaluation (reused when only post-blur terms change). */
  readonly blurredPre = new BlurredPreCache();
  /** Work buffers of full evaluations and local updates. */
  private readonly scratch = new WorkArrays();
  /** Changes applied per category; the fields a full evaluation gathered, by the version they show. */
  private readonly versions = new Map<string, number>();
  private readonly gathered = new Map<string, { tile: Tile; version: number }>();

  constructor(
    readonly imageModel: ImageModel,
    readonly comps: ComponentSet,
    readonly grid: Tile,
    /** The image inside the grid: the part of the model the residuals read. */
    readonly image: Tile = grid,
  ) {
    this.model = new Float32Array(grid.volume);
  }

  /** The full expression on `tile` (default: the padded grid), exact on `valid` (default: all of it). */
  evaluate(tile: Tile = this.grid, valid?: Tile): Float32Array {
    return this.run(this.imageModel.full((c) => this.comps.scalar(c)), tile, { valid });
  }

  /** Re-evaluates the model on the image (the padding is left stale, see `paddedModel`). */
  evaluateFull(): void {
    const { tile: region, fftShape } = this.imageRegion();
    this.counts.full++;
    const whole = region.equals(this.grid);
    const values = this.evaluateReusing(region, whole ? null : this.image, this.scratch.get('out', region.volume), fftShape);
    if (whole) this.model.set(values);
    else copyBox(values, region, this.model, this.grid, this.image);
    this.paddingStale = !whole;
  }

  /** Forgets cached intermediate results (after components were redrawn from scratch). */
  invalidate(): void {
    this.blurredPre.clear();
    this.gathered.clear();
  }

  /** The full expression on `tile` into `out`, exact on `valid`, with H(pre) reused when it is still current. */
  private evaluateReusing(tile: Tile, valid: Tile | null, out: Float32Array, fftShape?: Vec3): Float32Array {
    const stage = this.imageModel.full((c) => this.comps.scalar(c));
    const fields = (ref: string) => this.gatheredField(ref, tile);
    let h = this.blurredPre.get(stage, tile, valid);
    if (!h) {
      const buffers = { pre: this.scratch.get('pre', tile.volume), h: this.blurredPre.buffer(tile.volume) };
      h = blurredPreCpu(stage, tile, fields, this.comps.psf(), { valid: valid ?? undefined, fftShape }, buffers);
      this.blurredPre.set(stage, tile, valid, h);
    }
    return postCpu(stage, h, fields, out);
  }

  /** The model on the whole padded grid: a stale padding is evaluated now, the image kept as is. */
  paddedModel(): Float32Array {
    if (!this.paddingStale) return this.model;
    const full = this.evaluate();
    const inside = copyTileOut(this.model, this.grid, this.image);
    this.model.set(full);
    copyTileIn(this.model, this.grid, this.image, inside);
    this.paddingStale = false;
    return this.model;
  }

  /**
   * The tile a full evaluation needs: the image grown by the PSF's reach (FFT PSFs: convolved on a
   * fast FFT shape, zero-padded) or half support (others, FFT PSFs of unknown reach: rounded up to
   * smooth sides); the whole grid when that does not fit inside it (the circular convolution over
   * the grid would then wrap into the image).
   */
  private imageRegion(): { tile: Tile; fftShape?: Vec3 } {
    if (this.image.equals(this.grid)) return { tile: this.grid };
    const reach = this.linearReach();
    const linear = reach && linearFftTile(this.image, this.grid, reach, this.grid);
    if (linear) return linear;
    const psf = this.imageModel.usesPsf ? this.comps.psf() : null;
    const region = this.image.pad(halfSupport(psf ? psf.getPaddingSize(this.image) : null));
    if (!this.grid.includes(region)) return { tile: this.grid };
    return { tile: this.fftBlur() ? growToSmooth(region, this.grid) : region };
  }

  /** The kernel reach of an FFT-convolved PSF that can be zero-padded (see models/fft-blur.ts). */
  private linearReach(): Vec3 | null {
    return this.fftBlur() ? fftReach(this.comps.psf()!) : null;
  }

  /**
   * While the padding is stale (only the image is read), a d-equation's patch needs only the image
   * part of `inner`: its convolution tile and FFT shape, or null to patch all of `inner` as PERI.
   */
  private imagePatch(tile: Tile, inner: Tile): (FftTile & { patch: Tile }) | null {
    const reach = this.paddingStale ? this.linearReach() : null;
    if (!reach) return null;
    const patch = Tile.intersection(inner, this.image);
    const linear = linearFftTile(patch, tile, reach, this.grid);
    return linear && { ...linear, patch };
  }

  /**
   * Applies the shares to their components. A full change re-evaluates the model; a local one
   * returns the patch to write back (the model is not touched yet).
   */
  apply(shares: readonly ComponentShare[]): { kind: UpdateKind; patch: LocalPatch | null } {
    for (const s of shares) this.versions.set(s.comp.category, (this.versions.get(s.comp.category) ?? 0) + 1);
    this.blurredPre.touch(this.imageModel.full((c) => this.comps.scalar(c)), shares.map((s) => s.comp.category));
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
      const fast = this.imagePatch(tile, inner);
      if (fast) {
        const src = this.differenceOn(shares[0], diff, fast.tile, { valid: fast.patch, fftShape: fast.fftShape });
        return { kind: 'local', patch: { src, srcTile: fast.tile, patch: fast.patch, mode: 'add' } };
      }
      return { kind: 'local', patch: { src: this.differenceOn(shares[0], diff, outer), srcTile: outer, patch: inner, mode: 'add' } };
    }
    shares.forEach((s) => s.comp.update(s.names, s.values));
    const wide = fullEvaluationTile(inner, this.grid, psfPad);
    const ext = this.fftBlur() ? growToSmooth(wide, this.grid) : wide;
    return { kind: 'local', patch: { src: this.evaluate(ext, inner), srcTile: ext, patch: inner, mode: 'set' } };
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
  private differenceOn(share: ComponentShare, stage: ModelStage, outer: Tile, blur: { valid?: Tile; fftShape?: Vec3 } = {}): Float32Array {
    const comp = share.comp;
    const field = this.changingField(share);
    const n = outer.volume;
    const before = field(outer, this.scratch.get('before', n));
    comp.update(share.names, share.values);
    const d = field(outer, this.scratch.get('diff', n));
    for (let i = 0; i < n; i++) d[i] -= before[i];
    const buffers = { pre: this.scratch.get('pre', n), h: this.scratch.get('h', n) };
    return evaluateStageCpu(stage, outer, this.fieldsOn(outer, new Map([['diff', d]])), this.comps.psf(), { skipZeros: true, ...blur }, buffers);
  }

  /** The part of a category's field that the share can change: in a collection, the members it touches. */
  private changingField(share: ComponentShare): (tile: Tile, out: Float32Array) => Float32Array {
    const comp = share.comp;
    if (!(comp instanceof ComponentCollection)) return (tile, out) => this.comps.fieldInto(comp.category, tile, out);
    const names = new Set(share.names);
    const members = comp.comps.filter((m) => m.params.some((p) => names.has(p)));
    return (tile, out) => this.comps.membersInto(members, tile, out);
  }

  /**
   * A field of a full evaluation, kept from one to the next while its category has not changed
   * (a global Jacobian changes one category at a time; the others are not gathered again).
   */
  private gatheredField(ref: string, tile: Tile): Float32Array {
    const version = this.versions.get(ref) ?? 0;
    const buf = this.scratch.get(`full:${ref}`, tile.volume);
    const g = this.gathered.get(ref);
    if (!g || g.version !== version || !g.tile.equals(tile)) {
      this.comps.fieldInto(ref, tile, buf);
      this.gathered.set(ref, { tile, version });
    }
    return buf;
  }

  /** The fields a stage reads on `tile`, each gathered once into a work buffer ('diff' given). */
  private fieldsOn(tile: Tile, given: Map<string, Float32Array>): (ref: string) => Float32Array {
    return (ref) => {
      let f = given.get(ref);
      if (!f) {
        f = this.comps.fieldInto(ref, tile, this.scratch.get(`field:${ref}`, tile.volume));
        given.set(ref, f);
      }
      return f;
    };
  }

  /** A stage on `tile` in new arrays (renders, the padding, several components at once). */
  private run(stage: ModelStage, tile: Tile, blur: { valid?: Tile }): Float32Array {
    const cache = new Map<string, Float32Array>();
    const fields = (ref: string) => {
      const f = cache.get(ref) ?? this.comps.field(ref, tile);
      cache.set(ref, f);
      return f;
    };
    return evaluateStageCpu(stage, tile, fields, this.comps.psf(), blur);
  }
}
