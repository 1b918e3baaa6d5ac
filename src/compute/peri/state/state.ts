/**
 * PERI's ImageState: an image, the components of a model on the image padded by `pad` (data
 * zero-padded, every field defined on the padded grid), the model image, residuals, error and
 * log-likelihood, kept up to date by `update` (local tile updates for particles, full redraws for
 * globals). Parameters are PERI's names; see the README ("Models and state").
 */
import { exportParticlesCsv, exportParticlesJson, type ParticlesExport } from '../config/export';
import type { PeriConfig, PeriStateFile } from '../config/schema';
import { stateToFile } from '../config/state-file';
import type { ComponentParent, PeriComponent } from '../component';
import { checkUpdateArgs } from '../component';
import { PeriValueError } from '../errors';
import { DEFAULT_MODEL, type ImageModel } from '../models/image-models';
import type { PlatonicSpheresCollection } from '../objects/spheres';
import { particleParams } from '../params';
import { Tile, copyTileOut, type Vec3 } from '../tile';
import { ComponentSet } from './component-set';
import { PeriStateError } from './errors';
import { ModelEngine, type UpdateOutcome } from './model-engine';
import { modelPatchCpu } from './model-patch.cpu';
import { linearModelDerivatives } from './linear-derivatives';
import { probeUpdate } from './probe';
import type { PeriImage } from './raw-image';
import { ResidualTracker } from './residuals';

export const DEFAULT_PAD = 24;
export const DEFAULT_SIGMA = 0.04;

export interface PeriStateOptions {
  model?: ImageModel;
  pad?: number;
  sigma?: number;
  /** Image shape when there is no image (PERI's NullImage: the model becomes the data). */
  shape?: Vec3;
  /** The configuration the components were built from (needed by toStateFile). */
  config?: PeriConfig | null;
}

export class PeriState implements ComponentParent {
  readonly imageModel: ImageModel;
  readonly pad: number;
  /** The padded grid, l = 0. */
  readonly oshape: Tile;
  /** The image inside the padded grid. */
  readonly ishape: Tile;
  readonly image: PeriImage | null;
  readonly comps: ComponentSet;
  /** Components the model does not use (PERI warns and keeps them). */
  readonly unused: string[];
  readonly config: PeriConfig | null;
  private sigmaValue: number;
  private bars = new Map<string, number>();
  private readonly engine: ModelEngine;
  private readonly tracker: ResidualTracker;
  private readonly stack: { names: string[]; values: number[] }[] = [];

  constructor(comps: readonly PeriComponent[], image: PeriImage | null, opts: PeriStateOptions = {}) {
    this.imageModel = opts.model ?? DEFAULT_MODEL;
    this.pad = checkPad(opts.pad ?? DEFAULT_PAD);
    this.sigmaValue = checkSigma(opts.sigma ?? DEFAULT_SIGMA);
    this.image = image;
    this.config = opts.config ?? null;
    const shape = image ? image.shape : opts.shape;
    if (!shape) throw new PeriStateError('a state without an image needs opts.shape (z, y, x)');
    this.ishape = new Tile(shape).translate(this.pad);
    this.oshape = new Tile(this.ishape.r.map((v) => v + this.pad));
    this.comps = new ComponentSet(comps);
    const missing = Object.entries(this.imageModel.varmap).filter(([, cat]) => !this.comps.get(cat));
    if (missing.length) {
      const list = missing.map(([sym, cat]) => `${sym} = '${cat}'`).join(', ');
      throw new PeriStateError(`${this.imageModel.name} needs components ${list}; the state has ${this.comps.categories.join(', ') || 'none'}`);
    }
    const used = new Set(Object.values(this.imageModel.varmap));
    this.unused = this.comps.categories.filter((c) => !used.has(c));
    for (const c of this.comps.list) {
      c.register(this);
      c.setShape(this.oshape, this.ishape);
    }
    this.engine = new ModelEngine(this.imageModel, this.comps, this.oshape, this.ishape);
    this.engine.evaluateFull();
    const data = image ? image.data : copyTileOut(this.engine.model, this.oshape, this.ishape);
    this.tracker = new ResidualTracker(data, this.ishape, this.oshape);
    this.tracker.recomputeAll(this.engine.model);
  }

  // ── parameters ────────────────────────────────────────────────────────────

  get params(): string[] {
    return this.comps.params;
  }

  get values(): number[] {
    return this.comps.getValues(this.params);
  }

  get(names: string | readonly string[]): number[] {
    return this.comps.getValues(typeof names === 'string' ? [names] : names);
  }

  getValue(name: string): number {
    return this.comps.getValues([name])[0];
  }

  /** Sets parameters by name and updates the model, residuals and error (PERI's `update`). */
  update(names: string | readonly string[], values: number | readonly number[]): UpdateOutcome {
    const n = typeof names === 'string' ? [names] : [...names];
    const v = typeof values === 'number' ? [values] : [...values];
    checkUpdateArgs(n, v);
    const { kind, patch } = this.engine.apply(this.comps.split(n, v));
    if (kind === 'full') this.tracker.recomputeAll(this.engine.model);
    if (!patch) return { kind, tile: kind === 'full' ? this.oshape : null };
    const t = this.tracker;
    t.addToError(modelPatchCpu({ ...patch, model: this.engine.model, grid: this.oshape, data: t.data, residuals: t.residuals, image: this.ishape }));
    return { kind, tile: patch.patch };
  }

  /**
   * Sets `names` to `values`, calls `read` with the outcome (it must not change the state), and
   * puts the state back as it was (finite differences; probe.ts): a particle update exactly.
   */
  probe<T>(names: readonly string[], values: readonly number[], read: (out: UpdateOutcome) => T): T {
    return probeUpdate({ state: this, engine: this.engine, tracker: this.tracker }, names, values, read);
  }

  /**
   * ∂model/∂θ on the image (row-major) for the parameters the model is linear in (polynomial
   * field coefficients, scalars such as the offset), null for the others; with `dl`, earlier
   * coefficients of the same field moved by dl (PERI's rts=False): linear-derivatives.ts.
   */
  linearDerivatives(names: readonly string[], dl = 0): (Float32Array | null)[] {
    names.forEach((n) => this.comps.ownersOf(n));
    return linearModelDerivatives(this, names, dl);
  }

  /** Saves the current values of `names` on a stack, then updates (PERI's push_update). */
  pushUpdate(names: readonly string[], values: readonly number[]): void {
    this.stack.push({ names: [...names], values: this.get(names) });
    this.update(names, values);
  }

  /** Restores the values saved by the last pushUpdate. */
  popUpdate(): void {
    const last = this.stack.pop();
    if (!last) throw new PeriStateError('popUpdate: no pushed update to undo');
    this.update(last.names, last.values);
  }

  /** Recomputes everything from scratch (also drops float32 drift of many local updates). */
  reset(): void {
    this.comps.spheres()?.initialize();
    this.engine.invalidate();
    this.engine.evaluateFull();
    this.tracker.recomputeAll(this.engine.model);
  }

  // ── images and statistics ─────────────────────────────────────────────────

  /** The model on the image (inner region), a copy. */
  get model(): Float32Array {
    return copyTileOut(this.engine.model, this.oshape, this.ishape);
  }

  /** The model on the padded grid (live array: do not modify); a stale padding is evaluated here. */
  get paddedModel(): Float32Array {
    return this.engine.paddedModel();
  }

  get data(): Float32Array {
    return this.tracker.data;
  }

  /** data − model on the image (live array: do not modify). */
  get residuals(): Float32Array {
    return this.tracker.residuals;
  }

  /** Σ (data − model)² over the image, float64. */
  get error(): number {
    return this.tracker.error;
  }

  /** Number of pixels the error is summed over. */
  get npix(): number {
    return this.ishape.volume;
  }

  get sigma(): number {
    return this.sigmaValue;
  }

  setSigma(sigma: number): void {
    this.sigmaValue = checkSigma(sigma);
  }

  /** −½·error/σ² − N·log(√(2π)·σ). */
  get loglikelihood(): number {
    const s = this.sigmaValue;
    return -0.5 * this.error / (s * s) - this.npix * Math.log(Math.sqrt(2 * Math.PI) * s);
  }

  /** Counters of full evaluations and local updates since creation. */
  get updateCounts(): Readonly<{ full: number; local: number; localDiff: number }> {
    return this.engine.counts;
  }

  /** The full expression evaluated on a tile of the padded grid (for checks and renders). */
  evaluateOn(tile: Tile): Float32Array {
    return this.engine.evaluate(tile);
  }

  /** 1-σ error bars by parameter name (e.g. the CRB from a fit); cleared when particles change. */
  get errorBars(): ReadonlyMap<string, number> {
    return this.bars;
  }

  setErrorBars(bars: Readonly<Record<string, number>>): void {
    for (const [name, v] of Object.entries(bars)) {
      this.comps.ownersOf(name);
      if (!(Number.isFinite(v) && v >= 0)) throw new PeriValueError(`error bar of '${name}' must be finite and ≥ 0, got ${v}`);
    }
    this.bars = new Map(Object.entries(bars));
  }

  // ── particles ─────────────────────────────────────────────────────────────

  get spheres(): PlatonicSpheresCollection | null {
    return this.comps.spheres();
  }

  private requireSpheres(): PlatonicSpheresCollection {
    const s = this.spheres;
    if (!s) throw new PeriStateError('this state has no PlatonicSpheresCollection');
    return s;
  }

  /** Adds particles (positions in image pixels, z y x) with a local update; returns their indices. */
  addParticles(pos: readonly number[] | readonly (readonly number[])[], rad: number | readonly number[]): number[] {
    return this.requireSpheres().addParticle(pos, rad);
  }

  /** Removes particles (local update); later particles are renumbered, as in PERI. */
  removeParticles(indices: number | readonly number[]): { pos: Vec3[]; rad: number[] } {
    return this.requireSpheres().removeParticle(indices);
  }

  /** Index of the particle whose centre is nearest to `pos` (image pixels), or −1 without particles. */
  closestParticle(pos: readonly number[]): number {
    const s = this.spheres;
    if (!s || s.N === 0) return -1;
    if (pos.length !== 3 || !pos.every(Number.isFinite)) throw new PeriValueError(`closestParticle needs a finite (z, y, x), got [${pos.join(', ')}]`);
    return s.closestParticle(pos);
  }

  /** [sph-i-z, sph-i-y, sph-i-x, sph-i-a] (PERI's param_particle). */
  paramParticle(indices: number | readonly number[]): string[] {
    return particleParams(indices, this.requireSpheres().paramPrefix);
  }

  // ── files ───────────────────────────────────────────────────────────────

  /** The versioned state file (needs a state made by createState / fromStateFile). */
  toStateFile(): PeriStateFile {
    return stateToFile(this);
  }

  /** Positions and radii as the JSON export object or TrackMate-style CSV text. */
  exportParticles(format: 'json'): ParticlesExport;
  exportParticles(format: 'csv'): string;
  exportParticles(format: 'json' | 'csv'): ParticlesExport | string {
    return format === 'csv' ? exportParticlesCsv(this) : exportParticlesJson(this);
  }

  // ── ComponentParent ───────────────────────────────────────────────────────

  triggerParameterChange(): void {
    this.comps.invalidate();
    this.bars.clear();
  }

  triggerUpdate(params: string[], values: number[]): void {
    this.update(params, values);
  }

  /** The component of a category, if any (PERI's st.get('psf')). */
  component(category: string): PeriComponent | null {
    return this.comps.get(category);
  }
}

function checkPad(pad: number): number {
  if (!Number.isInteger(pad) || pad < 0) throw new PeriStateError(`pad must be a non-negative integer, got ${pad}`);
  return pad;
}

function checkSigma(sigma: number): number {
  if (!Number.isFinite(sigma) || sigma <= 0) throw new PeriStateError(`sigma must be finite and > 0, got ${sigma}`);
  return sigma;
}
