/**
 * The engine's fitting sessions: creating a PERI state from a configuration, an open volume and
 * initial particles; loading a state file; featuring previews; and running fits with progress.
 * PERI's own errors become `EngineError`s with their message (code `invalid-config` / `peri`).
 */
import type { Volume } from '../io/volume';
import { PeriConfigError } from '../peri/config/errors';
import { parseConfig } from '../peri/config/parse-config';
import type { PeriConfig } from '../peri/config/schema';
import { PeriError } from '../peri/errors';
import { createState, fromStateFile, rawImage, type PeriState } from '../peri/state';
import { stateCrb } from '../peri/fit';
import { Tile } from '../peri/tile';
import { EngineError, throwIfAborted } from './errors';
import { configRadius, statemakerConfig, withZscale, type StatemakerChoices } from './peri-session-config';
import { defaultFeaturer, defaultFitRunner, notAvailable, type Featurer, type FitRunner } from './peri-session-adapters';
import { runFitOnSession } from './peri-session-fit';
import { parsePositions } from './peri-session-positions';
import { PeriSession } from './peri-session';
import type { CropBox, FeatureArgs, FeatureResult, FitArgs, FitResult, PeriCreateArgs, PeriSessionInfo, Vec3 } from './peri-session-types';
import type { RequestControl } from './types';

export interface PeriSessionDeps {
  volume: (id: string) => Volume;
  featurer?: Featurer | null;
  fitRunner?: FitRunner | null;
}

/** Maps PERI's errors onto engine errors that keep their message. */
export function periError(err: unknown): unknown {
  if (err instanceof PeriConfigError) return new EngineError('invalid-config', err.message);
  if (err instanceof PeriError) return new EngineError('peri', err.message);
  return err;
}

async function guarded<T>(f: () => T | Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (err) {
    throw periError(err);
  }
}

function cropTile(volume: Volume, crop: CropBox | null | undefined): Tile {
  const full = new Tile([...volume.shape]);
  if (!crop) return full;
  const ok = [crop.l, crop.r].every((v) => Array.isArray(v) && v.length === 3 && v.every(Number.isInteger));
  const tile = ok ? new Tile(crop.l, crop.r) : null;
  if (!tile || tile.isEmpty || !full.includes(tile)) {
    throw new EngineError('invalid-request', `The crop ${JSON.stringify(crop)} must be integer corners l < r inside the volume [0, 0, 0]–[${volume.shape.join(', ')}].`);
  }
  return tile;
}

function defaultExposure(volume: Volume): [number, number] {
  if (volume.dtype === 'uint8') return [0, 255];
  const [lo, hi] = volume.rawRange;
  return hi > lo ? [lo, hi] : [lo, lo + 1];
}

/** The (0.1 %, 99.9 %) values of the data: limits for the data and model views. */
function displayRange(data: Float32Array): [number, number] {
  const step = Math.max(1, Math.floor(data.length / 200_000));
  const sample = Float32Array.from({ length: Math.ceil(data.length / step) }, (_, i) => data[i * step]).sort();
  const at = (q: number) => sample[Math.min(sample.length - 1, Math.floor(q * sample.length))];
  const lo = at(0.001);
  const hi = at(0.999);
  return hi > lo ? [lo, hi] : [lo, lo + 1];
}

export class PeriSessions {
  private readonly sessions = new Map<string, PeriSession>();
  private nextId = 1;
  private readonly featurer: Featurer | null;
  private readonly fitRunner: FitRunner | null;

  constructor(private readonly deps: PeriSessionDeps) {
    this.featurer = deps.featurer === undefined ? defaultFeaturer : deps.featurer;
    this.fitRunner = deps.fitRunner === undefined ? defaultFitRunner : deps.fitRunner;
  }

  get(id: string): PeriSession {
    const s = this.sessions.get(id);
    if (!s) throw new EngineError('unknown-session', `No fitting session with id "${id}" (it was closed, or the engine restarted).`);
    return s;
  }

  /** Runs `f` on a session; PERI's errors become engine errors. */
  call<T>(id: string, f: (s: PeriSession) => T): T {
    const session = this.get(id);
    try {
      return f(session);
    } catch (err) {
      throw periError(err);
    }
  }

  close(id: string): void {
    this.sessions.delete(id);
  }

  /** Closes the sessions on a volume that is being closed. */
  closeVolume(volumeId: string): void {
    for (const [id, s] of this.sessions) if (s.volumeId === volumeId) this.sessions.delete(id);
  }

  defaultConfig(shape: Vec3, choices: StatemakerChoices = {}): Promise<PeriConfig> {
    return guarded(() => {
      if (!Array.isArray(shape) || shape.length !== 3 || !shape.every((n) => Number.isInteger(n) && n > 0)) {
        throw new EngineError('invalid-request', `The image shape must be three positive integers (z, y, x), got ${JSON.stringify(shape)}.`);
      }
      return statemakerConfig(shape, choices ?? {});
    });
  }

  create(args: PeriCreateArgs, ctl: RequestControl = {}): Promise<PeriSessionInfo> {
    return guarded(() => {
      const volume = this.zVolume(args?.volumeId);
      let config: PeriConfig = parseConfig(args.config);
      if (args.zscale !== undefined && args.zscale !== null) config = withZscale(config, args.zscale);
      const tile = cropTile(volume, args.crop);
      ctl.onProgress?.(0.1, 'scaling the image');
      const image = rawImage(
        { data: volume.data, shape: volume.shape, voxelSize: volume.voxelSize, metadata: { name: volume.metadata.name } },
        { tile, exposure: args.exposure ?? config.image?.exposure ?? defaultExposure(volume), invert: args.invert ?? config.image?.invert ?? false, path: volume.metadata.name ?? null },
      );
      const particles = this.initialParticles(args, config, tile);
      throwIfAborted(ctl.signal, 'creating the state');
      ctl.onProgress?.(0.3, 'drawing the model');
      const state = createState(config, image, particles ? { particles } : {});
      ctl.onProgress?.(1, 'done');
      return this.add(args.volumeId, state, tile);
    });
  }

  /** A state file (JSON text) on an open volume; the volume must be the image the state was fitted to. */
  loadState(volumeId: string, text: string): Promise<PeriSessionInfo> {
    return guarded(() => {
      const volume = this.zVolume(volumeId);
      let json: unknown;
      try {
        json = JSON.parse(String(text));
      } catch (e) {
        throw new EngineError('invalid-config', `The state file is not valid JSON (${(e as Error).message}).`);
      }
      const state = fromStateFile(json, { data: volume.data, shape: volume.shape, voxelSize: volume.voxelSize, metadata: { name: volume.metadata.name } });
      return this.add(volumeId, state, state.image?.tile ?? new Tile([...volume.shape]));
    });
  }

  feature(args: FeatureArgs): Promise<FeatureResult> {
    return guarded(() => {
      if (!this.featurer) throw notAvailable('Featuring by radius', 'the featuring of issue 5 (src/compute/peri/featuring/)');
      const volume = this.zVolume(args?.volumeId);
      const radius = args.radius;
      if (typeof radius !== 'number' || !(radius > 0 && radius < 200)) throw new EngineError('invalid-request', `The featuring radius must be a number in (0, 200) px, got ${JSON.stringify(radius)}.`);
      const tile = cropTile(volume, args.crop);
      const image = rawImage({ data: volume.data, shape: volume.shape }, { tile, exposure: defaultExposure(volume) });
      const pos = this.featurer({ image: image.data, shape: image.shape as Vec3, radius, invert: args.invert !== false, minmass: args.minmass ?? null });
      return { pos, radius };
    });
  }

  runFit(args: FitArgs, ctl: RequestControl = {}): Promise<FitResult> {
    return guarded(async () => {
      const session = this.get(args?.sessionId);
      if (!this.fitRunner) throw notAvailable(`Fitting (${args.schedule})`, 'the fitter of issue 5 (src/compute/peri/fit/)');
      return runFitOnSession(session, this.fitRunner, args, ctl);
    });
  }

  /**
   * 1-σ error bars of every particle's z, y, x, a: PERI's `state.crb` over those parameters with σ
   * the residuals' RMS; shown in the particle table and written to exports and state files.
   */
  errorBars(sessionId: string, ctl: RequestControl = {}): Promise<PeriSessionInfo> {
    return guarded(() => {
      const session = this.get(sessionId);
      if (session.fitRunning) throw new EngineError('busy', 'A fit is running: error bars are computed on a state at rest.');
      const spheres = session.state.spheres;
      if (!spheres || spheres.N === 0) throw new EngineError('invalid-request', 'There are no particles to compute error bars for.');
      const params = session.state.paramParticle(Array.from({ length: spheres.N }, (_, i) => i));
      ctl.onProgress?.(0, 'Cramér–Rao bound');
      const { crb } = stateCrb(session.state, params, { signal: ctl.signal });
      session.state.setErrorBars(Object.fromEntries(params.map((p, i) => [p, crb[i]])));
      session.changed();
      return session.info();
    });
  }

  private zVolume(id: string): Volume {
    const volume = this.deps.volume(id);
    if (volume.axis !== 'z') throw new EngineError('invalid-request', `${volume.metadata.name ?? id} is a time series (t × y × x); a PERI state needs a z stack.`);
    return volume;
  }

  private initialParticles(args: PeriCreateArgs, config: PeriConfig, tile: Tile): { pos: Vec3[]; rad: number | number[] } | null {
    const p = args.particles ?? { source: 'config' };
    if (p.source === 'config') return null;
    if (p.source === 'list') return { pos: p.pos, rad: p.rad };
    if (p.source === 'positions') {
      const parsed = parsePositions(p.text, p.fileName);
      const o = tile.l;
      const pos = parsed.pos.map((v): Vec3 => [v[0] - o[0], v[1] - o[1], v[2] - o[2]]);
      return { pos, rad: parsed.rad ?? parsed.radiusGuess ?? p.radius ?? configRadius(config) };
    }
    throw new EngineError('invalid-request', `Unknown particle source ${JSON.stringify((p as { source?: unknown }).source)}: use config, list or positions.`);
  }

  private add(volumeId: string, state: PeriState, tile: Tile): PeriSessionInfo {
    const id = `peri-${this.nextId++}`;
    const crop: CropBox = { l: [...tile.l] as Vec3, r: [...tile.r] as Vec3 };
    const session = new PeriSession({ id, volumeId, state, crop, dataRange: displayRange(state.data), fitAvailable: this.fitRunner !== null });
    this.sessions.set(id, session);
    return session.info();
  }
}
