/**
 * The fit mode's requests to the engine: create or load a session, particle edits with undo/redo,
 * parameter changes. Edits run one after another (a fast series of clicks never interleaves), and
 * every failure becomes a notice while the session stays as it was.
 */
import type { EditResult, PeriCreateArgs, PeriEdit, PeriSessionInfo } from '../../workers/protocol';
import { getEngine } from '../engine/engine';
import type { LucidStore } from '../store';
import { setCachedParticles, setFeaturePreview } from './fit-cache';

let queue: Promise<unknown> = Promise.resolve();

/** Runs `task` after the previous one finished (whatever its outcome). */
export function serial<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export function report(store: LucidStore, what: string, err: unknown): void {
  store.getState().notify('error', `${what}: ${errorText(err)}`);
}

export async function refreshParticles(store: LucidStore): Promise<void> {
  const s = store.getState().session;
  if (!s) return setCachedParticles(store, []);
  const list = await getEngine().periParticles(s.sessionId);
  if (store.getState().session?.sessionId === s.sessionId) setCachedParticles(store, list.particles);
}

/** Shows a new session (closing the previous one in the engine). */
export async function showSession(store: LucidStore, info: PeriSessionInfo): Promise<void> {
  const previous = store.getState().session;
  store.getState().setSession(info);
  setFeaturePreview(store, null);
  store.getState().selectParticle(null);
  if (previous && previous.sessionId !== info.sessionId) getEngine().periClose(previous.sessionId).catch(() => undefined);
  await refreshParticles(store);
}

export function createSession(store: LucidStore, args: PeriCreateArgs): Promise<PeriSessionInfo | null> {
  return serial(async () => {
    store.getState().setProgress({ label: 'Creating the PERI state', fraction: null, stage: 'building the model' });
    try {
      const info = await getEngine().periCreate(args, {
        onProgress: (fraction, stage) => store.getState().setProgress({ label: 'Creating the PERI state', fraction, stage }),
      });
      await showSession(store, info);
      return info;
    } catch (err) {
      report(store, 'The state could not be created', err);
      return null;
    } finally {
      store.getState().setProgress(null);
    }
  });
}

/** Loads a state file onto the open volume; a bad file leaves the current session as it is. */
export function loadStateText(store: LucidStore, text: string, fileName: string): Promise<PeriSessionInfo | null> {
  return serial(async () => {
    const volume = store.getState().volume;
    if (!volume) {
      store.getState().notify('error', `${fileName}: open the image the state was fitted to first.`);
      return null;
    }
    try {
      const info = await getEngine().periLoadState(volume.volumeId, text);
      await showSession(store, info);
      store.getState().notify('info', `Loaded ${fileName}: ${info.particleCount} particles, error ${info.error.toPrecision(6)}.`);
      return info;
    } catch (err) {
      report(store, `${fileName} was not loaded`, err);
      return null;
    }
  });
}

async function afterEdit(store: LucidStore, r: EditResult): Promise<EditResult> {
  store.getState().setSession(r.info);
  await refreshParticles(store);
  return r;
}

export function applyEdit(store: LucidStore, edit: PeriEdit): Promise<EditResult | null> {
  return serial(async () => {
    const s = store.getState().session;
    if (!s) return null;
    try {
      return await afterEdit(store, await getEngine().periEdit(s.sessionId, edit));
    } catch (err) {
      report(store, 'The particle edit failed', err);
      return null;
    }
  });
}

export function undoRedo(store: LucidStore, which: 'undo' | 'redo'): Promise<EditResult | null> {
  return serial(async () => {
    const s = store.getState().session;
    if (!s) return null;
    if ((which === 'undo' ? s.undo : s.redo) === null) {
      store.getState().notify('info', `Nothing to ${which}.`);
      return null;
    }
    try {
      const e = getEngine();
      return await afterEdit(store, await (which === 'undo' ? e.periUndo(s.sessionId) : e.periRedo(s.sessionId)));
    } catch (err) {
      report(store, `${which === 'undo' ? 'Undo' : 'Redo'} failed`, err);
      return null;
    }
  });
}

export function setParams(store: LucidStore, names: string[], values: number[]): Promise<boolean> {
  return serial(async () => {
    const s = store.getState().session;
    if (!s) return false;
    try {
      store.getState().setSession(await getEngine().periSetParams(s.sessionId, names, values));
      await refreshParticles(store);
      return true;
    } catch (err) {
      report(store, 'The parameters were not changed', err);
      return false;
    }
  });
}

/** Leaves the fit: the engine forgets the session, the views show the data alone. */
export async function closeSession(store: LucidStore): Promise<void> {
  const s = store.getState().session;
  store.getState().setSession(null);
  setCachedParticles(store, []);
  if (s) await getEngine().periClose(s.sessionId).catch(() => undefined);
}
