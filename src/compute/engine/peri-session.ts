/**
 * One fitting session in the engine: a PERI state on a crop of an open volume, stable particle ids
 * with an undo/redo history of particle edits, and the views, noise and files the UI asks for.
 * DOM-free. Positions are in crop pixels (the UI adds the crop origin).
 */
import { examineUnexplainedNoise, type NoiseOptions } from '../peri/inspect/noise';
import { maximumIntensityProjection, type ProjectionAxis } from '../peri/inspect/mip';
import type { PeriState } from '../peri/state';
import { EngineError } from './errors';
import { exportSession } from './peri-session-export';
import { EditHistory, ParticleIds, inverseOp, type ParticleOp } from './peri-session-history';
import type {
  CropBox, EditResult, NoiseExamination, ParticleList, ParticleRow, PeriEdit, PeriExportKind, PeriExportResult,
  PeriSessionInfo, PeriSlice, PeriView, Projection, Vec3,
} from './peri-session-types';
import { ViewCache, fieldCategories } from './peri-session-views';
import { extractSlice } from './slices';
import type { Plane } from './types';

export interface SessionSetup {
  id: string;
  volumeId: string;
  state: PeriState;
  crop: CropBox;
  dataRange: [number, number];
  fitAvailable: boolean;
}

const DEFAULT_ADD_RADIUS = 5;

function checkVec3(v: unknown, what: string): Vec3 {
  if (!Array.isArray(v) || v.length !== 3 || !v.every((x) => typeof x === 'number' && Number.isFinite(x))) {
    throw new EngineError('invalid-request', `${what} must be three finite numbers (z, y, x), got ${JSON.stringify(v)}.`);
  }
  return [v[0], v[1], v[2]];
}

function checkRadius(r: unknown): number {
  if (typeof r !== 'number' || !Number.isFinite(r) || r <= 0 || r > 1000) {
    throw new EngineError('invalid-request', `A particle radius must be a number in (0, 1000] px, got ${JSON.stringify(r)}.`);
  }
  return r;
}

export class PeriSession {
  readonly id: string;
  readonly volumeId: string;
  readonly state: PeriState;
  readonly crop: CropBox;
  fitRunning = false;
  private version = 0;
  private readonly dataRange: [number, number];
  private readonly fitAvailable: boolean;
  private readonly ids: ParticleIds;
  private readonly history = new EditHistory();
  private readonly views: ViewCache;

  constructor(s: SessionSetup) {
    this.id = s.id;
    this.volumeId = s.volumeId;
    this.state = s.state;
    this.crop = s.crop;
    this.dataRange = s.dataRange;
    this.fitAvailable = s.fitAvailable;
    this.ids = new ParticleIds(s.state.spheres?.N ?? 0);
    this.views = new ViewCache(s.state);
  }

  info(): PeriSessionInfo {
    const st = this.state;
    const cfg = st.config;
    const spheres = st.spheres;
    return {
      sessionId: this.id,
      volumeId: this.volumeId,
      name: cfg?.name ?? 'PERI state',
      model: st.imageModel.name,
      shape: [...st.ishape.shape] as Vec3,
      crop: this.crop,
      pad: st.pad,
      components: st.comps.list.map((c, i) => ({
        category: c.category,
        className: className(cfg?.components[i]) ?? c.constructor.name,
        params: c.params.length,
        hasField: fieldCategories(st).includes(c.category),
      })),
      paramCount: st.params.length,
      particleCount: spheres?.N ?? 0,
      zscale: spheres ? spheres.getValues(['zscale'])[0] : null,
      error: st.error,
      sigma: st.sigma,
      loglikelihood: st.loglikelihood,
      npix: st.npix,
      residualRms: Math.sqrt(st.error / st.npix),
      dataRange: this.dataRange,
      undo: this.history.undoLabel,
      redo: this.history.redoLabel,
      version: this.version,
      fitAvailable: this.fitAvailable,
      fitRunning: this.fitRunning,
    };
  }

  particles(): ParticleList {
    const s = this.state.spheres;
    if (!s) return { version: this.version, particles: [] };
    const pos = s.positions();
    const rad = s.radii();
    const shape = this.state.ishape.shape;
    const bars = this.state.errorBars;
    const bar = (i: number, c: string) => bars.get(`${s.paramPrefix}-${i}-${c}`) ?? null;
    const particles = pos.map((p, i): ParticleRow => {
      const errors = { z: bar(i, 'z'), y: bar(i, 'y'), x: bar(i, 'x'), a: bar(i, 'a') };
      return {
        id: this.ids.idAt(i),
        index: i,
        z: p[0], y: p[1], x: p[2], a: rad[i],
        errors: Object.values(errors).some((e) => e !== null) ? errors : null,
        inImage: rad[i] > 0 && p.every((v, k) => v > 0 && v < shape[k]),
      };
    });
    return { version: this.version, particles };
  }

  /** Index of the particle with this id now. */
  indexOf(id: number): number {
    return this.ids.indexOf(id);
  }

  closest(pos: Vec3): number | null {
    const i = this.state.closestParticle(checkVec3(pos, 'The position'));
    return i < 0 ? null : this.ids.idAt(i);
  }

  edit(e: PeriEdit): EditResult {
    this.requireIdle('edit particles');
    const op = this.toOp(e);
    if (!op) return { info: this.info(), id: null };
    this.apply(op);
    this.history.record({ label: describeOp(op), op, merge: 'merge' in e ? e.merge : undefined });
    return { info: this.info(), id: op.id };
  }

  undo(): EditResult {
    return this.replay('undo');
  }

  redo(): EditResult {
    return this.replay('redo');
  }

  setParams(names: string[], values: number[]): PeriSessionInfo {
    this.requireIdle('change parameters');
    if (!Array.isArray(names) || !Array.isArray(values)) throw new EngineError('invalid-request', 'setParams needs lists of names and values.');
    this.state.update(names, values);
    this.changed();
    return this.info();
  }

  params(): { name: string; value: number; error: number | null }[] {
    const bars = this.state.errorBars;
    const names = this.state.params;
    const values = this.state.values;
    return names.map((name, i) => ({ name, value: values[i], error: bars.get(name) ?? null }));
  }

  slice(view: PeriView, plane: Plane, index: number): PeriSlice {
    const vol = this.views.get(view, this.version);
    const s = extractSlice({ data: vol.data, shape: this.state.ishape.shape }, plane, index);
    return { ...s, range: vol.range, version: this.version };
  }

  noise(opts: NoiseOptions = {}): NoiseExamination {
    return examineUnexplainedNoise(this.state.residuals, this.state.ishape.shape, opts);
  }

  projection(source: 'data' | 'model', axis: ProjectionAxis): Projection {
    const vol = this.views.get({ kind: source === 'model' ? 'model' : 'data' }, this.version);
    return maximumIntensityProjection(vol.data, this.state.ishape.shape, axis);
  }

  exportFile(kind: PeriExportKind, component?: string): PeriExportResult {
    return exportSession(this.state, this.views, this.version, kind, component);
  }

  /** Marks a change made from outside (a fit step): views and lists are recomputed on request. */
  changed(particlesChanged = false): void {
    this.version++;
    if (particlesChanged) {
      this.ids.reset(this.state.spheres?.N ?? 0);
      this.history.clear();
    }
  }

  private requireIdle(what: string): void {
    if (this.fitRunning) throw new EngineError('busy', `A fit is running: pause or cancel it before you ${what}.`);
  }

  private toOp(e: PeriEdit): ParticleOp | null {
    const s = this.state.spheres;
    if (!s) throw new EngineError('invalid-request', 'This model has no particles (no PlatonicSpheresCollection) to edit.');
    switch (e?.type) {
      case 'add': {
        const pos = checkVec3(e.pos, 'The position of a new particle');
        const rads = s.radii();
        const mean = rads.length ? rads.reduce((a, b) => a + b, 0) / rads.length : DEFAULT_ADD_RADIUS;
        return { kind: 'add', id: -1, pos, rad: e.rad === undefined ? mean : checkRadius(e.rad) };
      }
      case 'remove':
      case 'remove-closest': {
        const id = e.type === 'remove' ? e.id : this.closest(e.pos);
        if (id === null) return null;
        const i = this.ids.indexOf(id);
        return { kind: 'remove', id, pos: s.positions()[i] as Vec3, rad: s.radii()[i] };
      }
      case 'move':
        return { kind: 'move', id: e.id, from: s.positions()[this.ids.indexOf(e.id)] as Vec3, to: checkVec3(e.pos, 'The new position') };
      case 'resize':
        return { kind: 'resize', id: e.id, from: s.radii()[this.ids.indexOf(e.id)], to: checkRadius(e.rad) };
      default:
        throw new EngineError('invalid-request', `Unknown particle edit ${JSON.stringify((e as { type?: unknown } | null)?.type)}: use add, remove, remove-closest, move or resize.`);
    }
  }

  /** Applies an operation to the state; an 'add' with id −1 gets a fresh id (written back). */
  private apply(op: ParticleOp): void {
    const st = this.state;
    switch (op.kind) {
      case 'add':
        st.addParticles([op.pos], [op.rad]);
        op.id = this.ids.append(op.id < 0 ? undefined : op.id);
        break;
      case 'remove': {
        const i = this.ids.indexOf(op.id);
        st.removeParticles([i]);
        this.ids.removeAt(i);
        break;
      }
      case 'move':
        st.update(st.paramParticle(this.ids.indexOf(op.id)).slice(0, 3), op.to);
        break;
      case 'resize':
        st.update(st.paramParticle(this.ids.indexOf(op.id))[3], op.to);
        break;
    }
    this.changed();
  }

  private replay(which: 'undo' | 'redo'): EditResult {
    this.requireIdle(which);
    const entry = which === 'undo' ? this.history.takeUndo() : this.history.takeRedo();
    if (!entry) throw new EngineError('nothing-to-' + which, `Nothing to ${which}.`);
    try {
      const op = which === 'undo' ? inverseOp(entry.op) : entry.op;
      this.apply(op);
      return { info: this.info(), id: op.id };
    } catch (err) {
      if (which === 'undo') this.history.restoreUndo(entry);
      else this.history.restoreRedo(entry);
      throw err;
    }
  }
}

/** PERI's class name from the configuration (components are built in its order); minified builds mangle constructor names. */
function className(spec: { class: string; components?: { class: string }[] } | undefined): string | null {
  if (!spec) return null;
  return spec.components ? `${spec.class}(${spec.components.map((m) => m.class).join(' + ')})` : spec.class;
}

function fmt(v: readonly number[]): string {
  return v.map((x) => x.toFixed(1)).join(', ');
}

export function describeOp(op: ParticleOp): string {
  switch (op.kind) {
    case 'add': return `add particle #${op.id} at (${fmt(op.pos)})`;
    case 'remove': return `remove particle #${op.id}`;
    case 'move': return `move particle #${op.id} to (${fmt(op.to)})`;
    case 'resize': return `resize particle #${op.id} to ${op.to.toFixed(2)} px`;
  }
}
