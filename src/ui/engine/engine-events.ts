/** Reports what the engine says unasked: backend changes, stray errors, restarts after a crash. */
import type { BackendChoice, EngineEvent } from '../../compute/engine/types';
import type { LucidStore } from '../store';
import type { UiEngine } from './engine';
import { onEngineRestarted } from '../fit/fit-mode';
import { reopenLast } from './open-volume';

/**
 * `forced` is the backend the page asked for (?backend=…): switching to it is expected and shown only
 * in the status bar; any other change (device lost, fell back to the CPU) also gets a notice.
 */
export function handleEngineEvent(store: LucidStore, engine: UiEngine, event: EngineEvent, forced?: BackendChoice): void {
  const s = store.getState();
  switch (event.type) {
    case 'backend':
      s.setBackend(event.backend);
      if (event.backend.kind !== forced) s.notify(event.backend.kind === 'cpu' ? 'warning' : 'info', event.message);
      return;
    case 'engine-error':
      s.notify('error', event.message);
      return;
    case 'engine-restarted': {
      const name = s.volume?.name;
      s.notify('warning', name ? `${event.message} Reopening ${name}…` : event.message);
      onEngineRestarted(store);
      s.clearVolume();
      engine.backend().then(s.setBackend, () => undefined);
      void reopenLast(store);
      return;
    }
  }
}

/** Asks the engine for its backend (switching first when the URL forces one) and shows it. */
export async function showBackend(store: LucidStore, engine: UiEngine, force?: BackendChoice): Promise<void> {
  try {
    store.getState().setBackend(force ? await engine.setBackend(force) : await engine.backend());
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    store.getState().notify('error', `The compute backend could not be started: ${message}`);
  }
}
