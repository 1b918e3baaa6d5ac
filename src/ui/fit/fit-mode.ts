/**
 * Wires the fit mode into the app once at start: the particle overlay on the data views, the mouse
 * modes, autosave, the restore offer, and what happens to a session when the engine restarts.
 */
import type { LucidStore } from '../store';
import { setInteraction } from '../views/interaction';
import { offerRestore, startAutosave } from './autosave';
import { setCachedParticles } from './fit-cache';
import { fitInteraction } from './mouse-modes';
import { attachFitOverlay } from './overlay';

export function attachFitMode(store: LucidStore): () => void {
  const detachOverlay = attachFitOverlay();
  setInteraction(fitInteraction(store));
  const stopAutosave = startAutosave(store);
  void offerRestore(store);
  // A session belongs to its volume: when that volume goes, so does the session.
  const unsubscribe = store.subscribe((s) => s.volume?.volumeId, (id) => {
    const session = store.getState().session;
    if (session && session.volumeId !== id) {
      store.getState().setSession(null);
      setCachedParticles(store, []);
    }
  });
  return () => {
    detachOverlay();
    setInteraction(null);
    stopAutosave();
    unsubscribe();
  };
}

/** After an engine crash the session is gone; the autosaved copy is offered back. */
export function onEngineRestarted(store: LucidStore): void {
  if (!store.getState().session) return;
  store.getState().setSession(null);
  setCachedParticles(store, []);
  void offerRestore(store);
}
