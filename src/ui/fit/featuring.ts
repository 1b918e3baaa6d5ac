/**
 * The featuring preview: particles found at a radius, shown as dashed markers before the state is
 * made. Requests are debounced while the radius is edited and only the newest answer is shown.
 */
import type { CropBox } from '../../workers/protocol';
import { getEngine } from '../engine/engine';
import type { LucidStore } from '../store';
import { setFeaturePreview } from './fit-cache';
import { errorText } from './session-actions';

export interface FeatureRequest {
  radius: number;
  invert: boolean;
  crop: CropBox;
  minmass?: number | null;
}

export type PreviewStatus = { kind: 'idle' } | { kind: 'busy' } | { kind: 'found'; count: number } | { kind: 'error'; message: string };

const DEBOUNCE_MS = 250;
let timer: ReturnType<typeof setTimeout> | null = null;
let seq = 0;

export function requestPreview(store: LucidStore, req: FeatureRequest, onStatus: (s: PreviewStatus) => void): void {
  if (timer) clearTimeout(timer);
  const mine = ++seq;
  onStatus({ kind: 'busy' });
  timer = setTimeout(async () => {
    const volume = store.getState().volume;
    if (!volume) return onStatus({ kind: 'idle' });
    try {
      const r = await getEngine().periFeature({ volumeId: volume.volumeId, crop: req.crop, radius: req.radius, invert: req.invert, minmass: req.minmass ?? null });
      if (mine !== seq) return;
      setFeaturePreview(store, { pos: r.pos, radius: r.radius, origin: req.crop.l });
      onStatus({ kind: 'found', count: r.pos.length });
    } catch (err) {
      if (mine !== seq) return;
      setFeaturePreview(store, null);
      onStatus({ kind: 'error', message: errorText(err) });
    }
  }, DEBOUNCE_MS);
}

export function cancelPreview(store: LucidStore): void {
  if (timer) clearTimeout(timer);
  seq++;
  setFeaturePreview(store, null);
}
