/**
 * PERI's OrthoManipulator mouse modes on every slice view: V view (the viewer's own click), A add a
 * particle at the click (then fit it, when the fitter is there), R remove the closest, G grab (drag
 * moves the closest particle, the wheel changes its radius by 1/18 px a step), E fit the closest.
 */
import type { Plane } from '../../compute/engine/types';
import type { Cursor } from '../render/plane-geometry';
import type { LucidStore } from '../store';
import type { VoxelInteraction } from '../views/interaction';
import { cachedParticles, featurePreview, setFeaturePreview } from './fit-cache';
import { runFit } from './fit-run';
import { toCrop } from './particle-marks';
import { applyEdit } from './session-actions';

/** PERI's incsize: the wheel changes a grabbed radius by 1/18 px per step. */
export const RADIUS_STEP = 1 / 18;

/** The cached particle nearest to a crop-pixel point, or null. */
export function closestCached(pos: readonly number[]): number | null {
  let best: number | null = null;
  let bestD = Infinity;
  for (const p of cachedParticles()) {
    const d = (p.z - pos[0]) ** 2 + (p.y - pos[1]) ** 2 + (p.x - pos[2]) ** 2;
    if (d < bestD) {
      bestD = d;
      best = p.id;
    }
  }
  return best;
}

/**
 * PERI's OrthoPrefeature before a state exists: A adds a marker at the click, R removes the
 * nearest; the state is then made from the edited markers.
 */
function editPreview(store: LucidStore, point: Cursor): boolean {
  const p = featurePreview();
  const mode = store.getState().mouseMode;
  if (!p || (mode !== 'add' && mode !== 'remove')) return false;
  const c = toCrop(point, p.origin);
  if (mode === 'add') {
    setFeaturePreview(store, { ...p, pos: [...p.pos, c], edited: true });
    return true;
  }
  let best = -1;
  let bestD = Infinity;
  p.pos.forEach((q, i) => {
    const d = (q[0] - c[0]) ** 2 + (q[1] - c[1]) ** 2 + (q[2] - c[2]) ** 2;
    if (d < bestD) [best, bestD] = [i, d];
  });
  if (best >= 0) setFeaturePreview(store, { ...p, pos: p.pos.filter((_, i) => i !== best), edited: true });
  return true;
}

export function fitInteraction(store: LucidStore): VoxelInteraction {
  let grab: { id: number; key: string } | null = null;
  let grabs = 0;
  let pending: { id: number; key: string; pos: [number, number, number] } | null = null;
  let moving = false;

  const active = () => {
    const s = store.getState();
    return s.fitMode && s.session ? s.session : null;
  };
  /** Particle edits wait for a running fit; say so instead of queueing them silently. */
  const busy = () => {
    if (!store.getState().fitProgress) return false;
    store.getState().notify('info', 'A fit is running: pause or cancel it to edit particles.');
    return true;
  };
  const crop = (point: Cursor) => toCrop(point, active()!.crop.l);

  const flushMove = async () => {
    if (moving || !pending) return;
    moving = true;
    const { id, key, pos } = pending;
    pending = null;
    await applyEdit(store, { type: 'move', id, pos, merge: key });
    moving = false;
    void flushMove();
  };

  return {
    click(_plane: Plane, point: Cursor) {
      const s = store.getState();
      if (s.fitMode && !s.session) return editPreview(store, point);
      if (!active()) return false;
      const pos = crop(point);
      const mode = store.getState().mouseMode;
      if (mode === 'view') return false;
      if (busy()) return true;
      switch (mode) {
        case 'add':
          void applyEdit(store, { type: 'add', pos }).then((r) => {
            if (r?.id != null && r.info.fitAvailable) return runFit(store, 'particles', [r.id]);
          });
          return true;
        case 'remove':
          void applyEdit(store, { type: 'remove-closest', pos });
          return true;
        case 'optimize': {
          const id = closestCached(pos);
          if (id !== null) void runFit(store, 'particles', [id]);
          return true;
        }
        case 'grab':
          return true;
      }
    },
    press(_plane, point) {
      if (!active() || store.getState().mouseMode !== 'grab') return false;
      if (busy()) return true;
      const id = closestCached(crop(point));
      grab = id === null ? null : { id, key: `grab-${++grabs}` };
      if (id !== null) store.getState().selectParticle(id);
      return true;
    },
    drag(plane, point) {
      if (!grab) return;
      const p = cachedParticles().find((q) => q.id === grab!.id);
      if (!p) return;
      const c = crop(point);
      // The plane's own axis keeps the particle's coordinate: a drag moves it within the plane.
      const keep = { xy: 0, xz: 1, yz: 2 }[plane];
      pending = { id: grab.id, key: grab.key, pos: [keep === 0 ? p.z : c[0], keep === 1 ? p.y : c[1], keep === 2 ? p.x : c[2]] };
      void flushMove();
    },
    release() {
      grab = null;
    },
    wheel(_plane, point, steps) {
      if (!active() || store.getState().mouseMode !== 'grab') return false;
      if (busy()) return true;
      const id = closestCached(crop(point));
      const p = cachedParticles().find((q) => q.id === id);
      if (!p || id === null) return true;
      void applyEdit(store, { type: 'resize', id, rad: Math.max(0.05, p.a + steps * RADIUS_STEP), merge: `wheel-${id}` });
      return true;
    },
  };
}
