/**
 * PERI's PlatonicSpheresCollection: N spheres summed into one platonic field on the padded grid.
 * Parameters `sph-{i}-{z,y,x,a}` (positions in unpadded pixels, drawn at pos + inner.l) then
 * `zscale`. Local updates erase the old image of each touched particle and draw the new one; a
 * zscale change redraws everything. The field is float32; every sphere image is computed in float64.
 */
import { checkShapes, checkUpdateArgs, fieldOnTile, type ComponentParent, type FieldComponent } from '../component';
import { PeriShapeError, PeriValueError } from '../errors';
import { Tile, addTileIn, type Vec3 } from '../tile';
import { exactVolumeSphere, type SphereDrawing } from './exact-volume';
import { SphereDrawingCache, drawingKey, type CachedDrawing } from './sphere-cache';
import { SphereUndoLog } from './sphere-undo';
import type { SphereDraw, SphereStyle } from './sphere-draw.cpu';
import { SPHERE_ALPHA_DEFAULTS, resolveSphereMethod, sphereFunction, type ResolvedSphereMethod, type SphereMethod } from './sphere-functions';
import { sphereBoxValues, sphereDrawBox, sphereUpdateTile } from './sphere-geometry';
import { SphereList } from './sphere-list';
import { touchedParticles, writeParticleValues } from './sphere-params';
import { checkRadii, type ParticleIndex, type SpheresOptions } from './spheres-options';

export type { SpheresOptions } from './spheres-options';

/** How a particle is drawn right now: what erasing it must subtract. */
interface Drawn {
  pos: Vec3;
  box: Tile;
  aEff: number;
  iterations: number;
  /** Its key in the drawing cache. */
  key: string;
}

export class PlatonicSpheresCollection extends SphereList implements FieldComponent {
  readonly category: string;
  readonly method: SphereMethod;
  readonly resolvedMethod: ResolvedSphereMethod;
  readonly alpha: number;
  readonly supportPad: number;
  readonly exactVolume: boolean;
  readonly volumeError: number;
  readonly maxRadiusChange: number;
  readonly keepField: boolean;
  private drawn: (Drawn | null)[];
  private field: Float32Array | null = null;
  private _shape: Tile | null = null;
  private _inner: Tile | null = null;
  private parent: ComponentParent | null = null;
  /** Recent sphere images (a particle moved and put back is not recomputed). */
  readonly drawings: SphereDrawingCache;
  private undo: SphereUndoLog<Drawn | null> | null = null;

  constructor(pos: readonly (readonly number[])[], rad: number | readonly number[], opts: SpheresOptions = {}) {
    super(pos, rad, opts.zscale ?? 1, opts.paramPrefix ?? 'sph', opts.grouping ?? 'particle');
    this.method = opts.method ?? 'exact-gaussian-fast';
    this.resolvedMethod = resolveSphereMethod(this.method);
    this.alpha = opts.alpha ?? SPHERE_ALPHA_DEFAULTS[this.method];
    this.supportPad = opts.supportPad ?? 4;
    this.exactVolume = opts.exactVolume ?? true;
    this.volumeError = opts.volumeError ?? 1e-5;
    this.maxRadiusChange = opts.maxRadiusChange ?? 1e-2;
    this.category = opts.category ?? 'obj';
    this.keepField = opts.keepField ?? true;
    if (!Number.isInteger(this.supportPad) || this.supportPad < 0) {
      throw new PeriValueError(`supportPad must be a non-negative integer, got ${this.supportPad}`);
    }
    this.drawn = this.pos.map(() => null);
    this.drawings = new SphereDrawingCache(opts.drawingCacheBytes);
  }

  get shape(): Tile | null {
    return this._shape;
  }

  get inner(): Tile | null {
    return this._inner;
  }

  setShape(shape: Tile, inner: Tile): void {
    checkShapes(shape, inner, 'PlatonicSpheresCollection');
    if (shape.equals(this._shape) && inner.equals(this._inner)) return;
    this._shape = shape;
    this._inner = inner;
    this.drawings.clear();
    this.initialize();
  }

  /** Redraws every particle from scratch (also clears float32 round-off left by local updates). */
  initialize(): void {
    if (this.undo) this.undo.valid = false;
    const shape = this.requireShape();
    this.field = this.keepField ? new Float32Array(shape.volume) : null;
    this.drawn = this.pos.map(() => null);
    for (let i = 0; i < this.N; i++) this.drawParticle(i);
  }

  register(parent: ComponentParent | null): void {
    this.parent = parent;
  }

  /** The whole grid for zscale; else the bounding tile of each touched particle before and after. */
  getUpdateTile(params: readonly string[], values: readonly number[]): Tile | null {
    checkUpdateArgs(params, values);
    const shape = this.requireShape();
    const parsed = params.map((p) => this.parse(p));
    if (parsed.includes('zscale')) return shape;
    const particles = touchedParticles(parsed);
    if (particles.length === 0) return null;
    const before = particles.map((n) => this.particleTile(this.pos[n], this.rad[n]));
    const pos = this.positions();
    const rad = this.radii();
    writeParticleValues(parsed, clipRadii(params, values), pos, rad);
    return Tile.boundingTile(...before, ...particles.map((n) => this.particleTile(pos[n], rad[n])));
  }

  update(params: readonly string[], values: readonly number[]): void {
    checkUpdateArgs(params, values);
    const clipped = clipRadii(params, values);
    const parsed = params.map((p) => this.parse(p));
    if (parsed.includes('zscale')) {
      this.setValues(params, clipped);
      if (this._shape) this.initialize();
      return;
    }
    const particles = touchedParticles(parsed);
    particles.forEach((n) => this.undo?.saveParticle(n, { pos: this.pos[n], rad: this.rad[n], drawn: this.drawn[n] }));
    if (this._shape) particles.forEach((n) => this.eraseParticle(n));
    this.setValues(params, clipped);
    if (this._shape) particles.forEach((n) => this.drawParticle(n));
  }

  /** Starts recording particle updates so that `rollBack` can undo them exactly (see SphereUndoLog). */
  beginUndo(): void {
    this.undo = new SphereUndoLog();
  }

  /**
   * Puts the field, positions, radii and drawings back as they were at beginUndo and stops
   * recording. False (nothing restored) when the changes were not undoable.
   */
  rollBack(): boolean {
    const log = this.undo;
    this.undo = null;
    if (!log || !log.valid) return false;
    if (this.field) log.restoreField(this.field, this.requireShape());
    for (const [n, p] of log.particles) {
      this.pos[n] = p.pos;
      this.rad[n] = p.rad;
      this.drawn[n] = p.drawn;
    }
    return true;
  }

  /** Stops recording and keeps the changes. */
  endUndo(): void {
    this.undo = null;
  }

  get(tile?: Tile): Float32Array {
    return fieldOnTile(this.fieldView(), this.requireShape(), tile);
  }

  /** The platonic field over the whole padded grid (the live array, do not modify). */
  fieldView(): Float32Array {
    this.requireShape();
    if (!this.field) {
      throw new PeriShapeError('this PlatonicSpheresCollection keeps no CPU field (keepField: false); draw it with drawSpheresGpu');
    }
    return this.field;
  }

  /** Radius each particle is drawn with after the exact-volume correction (NaN if not drawn). */
  effectiveRadii(): number[] {
    return this.drawn.map((d) => (d ? d.aEff : NaN));
  }

  /** Exact-volume iterations each particle took (NaN if not drawn). */
  volumeIterations(): number[] {
    return this.drawn.map((d) => (d ? d.iterations : NaN));
  }

  style(): SphereStyle {
    return { method: this.resolvedMethod, alpha: this.alpha, zscale: this.zscale };
  }

  /** Draw records for the sphere-draw kernel, of the particles as they are drawn now. */
  drawRecords(indices: readonly number[] = this.pos.map((_, i) => i), sign = 1): SphereDraw[] {
    indices.forEach((i) => this.checkIndex(i));
    return indices.flatMap((i) => {
      const d = this.drawn[i];
      return d ? [{ pos: d.pos, aEff: d.aEff, box: d.box, sign }] : [];
    });
  }

  /**
   * Appends particles with radius 0, rebuilds the parameter list (telling the parent), then sets
   * their radii through the parent (a local update). Returns the new indices.
   */
  addParticle(pos: readonly number[] | readonly (readonly number[])[], rad: number | readonly number[]): number[] {
    const rows = typeof pos[0] === 'number' ? [pos as readonly number[]] : (pos as readonly (readonly number[])[]);
    const radii = checkRadii(rad, rows.length);
    if (this.undo) this.undo.valid = false;
    const inds = this.appendRows(rows);
    this.drawn.push(...rows.map(() => null));
    this.parent?.triggerParameterChange();
    this.triggerUpdate(this.paramParticleRad(inds), radii);
    return inds;
  }

  /**
   * Sets the radii of the particles to 0 (a local update), then deletes them. The names are
   * re-indexed: afterwards `sph-k-*` may refer to a different particle, as in PERI.
   */
  removeParticle(ind: ParticleIndex): { pos: Vec3[]; rad: number[] } {
    if (this.undo) this.undo.valid = false;
    const inds = this.indices(ind);
    const removed = { pos: inds.map((i) => [...this.pos[i]] as Vec3), rad: inds.map((i) => this.rad[i]) };
    if (inds.length === 0) return removed;
    this.triggerUpdate(this.paramParticleRad(inds), inds.map(() => 0));
    const gone = new Set(inds);
    this.drawn = this.drawn.filter((_, i) => !gone.has(i));
    this.deleteRows(inds);
    this.parent?.triggerParameterChange();
    return removed;
  }

  private triggerUpdate(params: string[], values: number[]): void {
    if (this.parent) this.parent.triggerUpdate(params, values);
    else this.update(params, values);
  }

  private drawParticle(n: number): void {
    const shape = this.requireShape();
    if (this.rad[n] === 0) return;
    const pos = this.padded(this.pos[n]);
    const key = drawingKey(pos, this.rad[n], this.zscale);
    const drawing = this.drawings.get(key) ?? this.drawNew(key, pos, this.rad[n]);
    if (this.field) {
      this.undo?.saveRegion(this.field, shape, drawing.box);
      addTileIn(this.field, shape, drawing.box, drawing.values, +1);
    }
    this.drawn[n] = { pos, box: drawing.box, aEff: drawing.aEff, iterations: drawing.iterations, key };
  }

  private drawNew(key: string, pos: Vec3, a: number): CachedDrawing {
    const box = sphereDrawBox(pos, a, this.zscale, this.supportPad, this.requireShape());
    const drawing = { box, ...this.drawSphere(box, pos, a) };
    this.drawings.set(key, drawing);
    return drawing;
  }

  /** Subtracts exactly what drawParticle added: same box, centre and effective radius. */
  private eraseParticle(n: number): void {
    const d = this.drawn[n];
    if (!d) return;
    if (this.field && !d.box.isEmpty) {
      const values = this.drawings.get(d.key)?.values ?? sphereBoxValues(d.box, d.pos, d.aEff, this.zscale, sphereFunction(this.resolvedMethod), this.alpha);
      this.undo?.saveRegion(this.field, this.requireShape(), d.box);
      addTileIn(this.field, this.requireShape(), d.box, values, -1);
    }
    this.drawn[n] = null;
  }

  private drawSphere(box: Tile, pos: Vec3, a: number): SphereDrawing {
    const fn = sphereFunction(this.resolvedMethod);
    if (box.isEmpty) return { values: new Float64Array(0), aEff: a, iterations: 0 };
    if (!this.exactVolume) return { values: sphereBoxValues(box, pos, a, this.zscale, fn, this.alpha), aEff: a, iterations: 0 };
    return exactVolumeSphere(box, pos, a, this.zscale, fn, this.alpha, this);
  }

  private particleTile(pos: Vec3, a: number): Tile {
    return sphereUpdateTile(this.padded(pos), a, this.zscale, this.supportPad);
  }

  private padded(pos: Vec3): Vec3 {
    const l = this.requireInner().l;
    return [pos[0] + l[0], pos[1] + l[1], pos[2] + l[2]];
  }

  private requireShape(): Tile {
    if (!this._shape) throw new PeriShapeError('PlatonicSpheresCollection has no shape yet: call setShape(paddedShape, innerTile) first');
    return this._shape;
  }

  private requireInner(): Tile {
    this.requireShape();
    return this._inner!;
  }
}

/** PERI clips negative radii to 0; a radius of 0 is not drawn. */
function clipRadii(params: readonly string[], values: readonly number[]): number[] {
  return params.map((p, i) => (p.endsWith('-a') && values[i] < 0 ? 0 : values[i]));
}
