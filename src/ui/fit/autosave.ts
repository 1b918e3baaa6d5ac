/**
 * The session saves itself in the browser (IndexedDB): the state file and the image it was fitted
 * to (a URL for served files, the bytes for files the user opened), a moment after each change.
 * After a reload or a crash a banner offers it back; restoring opens the image and loads the state.
 */
import type { FileChoice, Source } from '../engine/open-volume';
import { currentSource, openSource, urlSource } from '../engine/open-volume';
import { getEngine } from '../engine/engine';
import type { LucidStore } from '../store';
import { idbDelete, idbGet, idbPut } from './idb';
import { loadStateText, report } from './session-actions';

const KEY = 'session';
const DELAY_MS = 800;

type SavedImage = { kind: 'url'; url: string; name: string } | { kind: 'bytes'; name: string; bytes: ArrayBuffer };

export interface SavedSession {
  savedAt: string;
  name: string;
  particles: number;
  stateText: string;
  image: SavedImage;
  choice: FileChoice;
}

let bytesFor: { source: Source; bytes: ArrayBuffer } | null = null;

async function imageOf(source: Source): Promise<SavedImage> {
  if (source.url) return { kind: 'url', url: source.url, name: source.name };
  if (bytesFor?.source !== source) bytesFor = { source, bytes: await source.read() };
  return { kind: 'bytes', name: source.name, bytes: bytesFor.bytes };
}

export async function saveNow(store: LucidStore): Promise<void> {
  const { session, volume } = store.getState();
  const opened = currentSource();
  if (!session || !volume || !opened) return;
  const file = await getEngine().periExport({ sessionId: session.sessionId, kind: 'state' });
  const saved: SavedSession = {
    savedAt: new Date().toISOString(),
    name: volume.name,
    particles: session.particleCount,
    stateText: file.text ?? '',
    image: await imageOf(opened.source),
    choice: opened.choice,
  };
  await idbPut(KEY, saved);
}

/** Saves a moment after every change of the session; returns the unsubscribe. */
export function startAutosave(store: LucidStore): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let warned = false;
  return store.subscribe((s) => [s.session?.sessionId, s.session?.version] as const, ([id]) => {
    if (timer) clearTimeout(timer);
    if (!id || store.getState().fitProgress) return;
    timer = setTimeout(() => {
      saveNow(store).catch((err: unknown) => {
        if (!warned) report(store, 'The session could not be saved in the browser', err);
        warned = true;
      });
    }, DELAY_MS);
  }, { equalityFn: (a, b) => a[0] === b[0] && a[1] === b[1] });
}

/** Looks for a saved session and offers it in a banner. */
export async function offerRestore(store: LucidStore): Promise<void> {
  try {
    const saved = await idbGet<SavedSession>(KEY);
    if (saved?.stateText) store.getState().setRestoreOffer({ savedAt: saved.savedAt, name: saved.name, particles: saved.particles });
  } catch {
    // No IndexedDB (private mode): nothing to offer.
  }
}

export async function restoreSaved(store: LucidStore): Promise<boolean> {
  store.getState().setRestoreOffer(null);
  try {
    const saved = await idbGet<SavedSession>(KEY);
    if (!saved) return false;
    const img = saved.image;
    const source: Source = img.kind === 'url' ? urlSource(img.url, img.name) : { name: img.name, read: async () => img.bytes.slice(0) };
    const info = await openSource(store, source, saved.choice);
    if (!info) return false;
    store.getState().setFitMode(true);
    return (await loadStateText(store, saved.stateText, `the session saved ${saved.savedAt}`)) !== null;
  } catch (err) {
    report(store, 'The saved session could not be restored', err);
    return false;
  }
}

export async function discardSaved(store: LucidStore): Promise<void> {
  store.getState().setRestoreOffer(null);
  await idbDelete(KEY).catch(() => undefined);
}
