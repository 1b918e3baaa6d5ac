/**
 * `window.__lucid`: numbers for end-to-end tests and the redraw benchmark. It only reads state and
 * calls what the UI itself calls, so it is harmless in production builds.
 */
import type { Plane, VolumeInfo } from '../compute/engine/types';
import type { PeriSessionInfo } from '../workers/protocol';
import { saveNow } from './fit/autosave';
import { manipulatorDrawn, manipulatorPoint } from './fit/manipulator-registry';
import type { UiEngine } from './engine/engine';
import { openArray } from './engine/open-volume';
import type { LucidStore } from './store';
import { readingMatches } from './store/view-slice';
import { clientPoint } from './views/view-registry';
import { lastRedrawMs, whenDrawn, type Redraw } from './views/redraw-log';

export interface LucidTestHooks {
  store: LucidStore;
  engine: UiEngine;
  /** The cursor and the engine's value there (null until it has arrived for this cursor). */
  readout(): { z: number; y: number; x: number; value: number | null };
  setCursor(z: number, y: number, x: number): void;
  lastRedrawMs(): number | null;
  whenDrawn(plane: Plane, index: number): Promise<Redraw>;
  clientPoint(plane: Plane, z: number, y: number, x: number): { x: number; y: number } | null;
  /** Opens a generated float32 volume (smooth blobs + ripple) of the given shape [z, y, x]. */
  openSynthetic(shape: [number, number, number]): Promise<VolumeInfo | null>;
  fit: FitTestHooks;
}

export interface FitTestHooks {
  session(): PeriSessionInfo | null;
  /** The engine's particles in pixels of the image file (z, y, x, a), PERI's order. */
  particles(): Promise<{ z: number; y: number; x: number; a: number }[]>;
  /** What a right-hand view last drew (`sessionId|kind|component|r or k|version`) and its slice. */
  manipulatorDrawn(plane: Plane): { key: string; index: number } | null;
  /** Client point of a crop voxel in a right-hand view. */
  manipulatorPoint(plane: Plane, z: number, y: number, x: number): { x: number; y: number } | null;
  /** Writes the autosave now (instead of after the debounce). */
  saveNow(): Promise<void>;
}

function fitHooks(store: LucidStore, engine: UiEngine): FitTestHooks {
  return {
    session: () => store.getState().session,
    particles: async () => {
      const s = store.getState().session;
      if (!s) return [];
      const o = s.crop.l;
      const list = await engine.periParticles(s.sessionId);
      return list.particles.map((p) => ({ z: p.z + o[0], y: p.y + o[1], x: p.x + o[2], a: p.a }));
    },
    manipulatorDrawn,
    manipulatorPoint: (plane, z, y, x) => manipulatorPoint(plane, { z, y, x }),
    saveNow: () => saveNow(store),
  };
}

declare global {
  interface Window {
    __lucid?: LucidTestHooks;
  }
}

function syntheticVolume([nz, ny, nx]: [number, number, number]): Float32Array {
  const data = new Float32Array(nz * ny * nx);
  for (let z = 0, i = 0; z < nz; z++) {
    for (let y = 0; y < ny; y++) {
      const fy = Math.sin((y / ny) * 6 * Math.PI + z * 0.05);
      for (let x = 0; x < nx; x++, i++) data[i] = fy * Math.cos((x / nx) * 4 * Math.PI) + z / nz;
    }
  }
  return data;
}

export function registerTestHooks(store: LucidStore, engine: UiEngine): void {
  window.__lucid = {
    store,
    engine,
    readout: () => {
      const { cursor, cursorValue, volume } = store.getState();
      return { ...cursor, value: readingMatches(cursorValue, volume?.volumeId, cursor) ? cursorValue.value : null };
    },
    setCursor: (z, y, x) => store.getState().setCursor({ z, y, x }),
    lastRedrawMs,
    whenDrawn: (plane, index) => whenDrawn(plane, index, store.getState().volume?.volumeId),
    clientPoint: (plane, z, y, x) => clientPoint(plane, { z, y, x }),
    openSynthetic: (shape) => openArray(store, syntheticVolume(shape), shape, `synthetic-${shape.join('x')}`),
    fit: fitHooks(store, engine),
  };
}
