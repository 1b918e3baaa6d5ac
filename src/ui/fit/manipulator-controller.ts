/**
 * One right-hand (OrthoManipulator) view: the crop's section through the cursor of the session's
 * model, residuals, a component or its Fourier view, requested latest-only and redrawn when the
 * state changes (its version), with the viewer's mouse handling mapped into crop pixels.
 */
import { shallow } from 'zustand/shallow';
import type { Plane } from '../../compute/engine/types';
import type { PeriSlice } from '../../workers/protocol';
import type { UiEngine } from '../engine/engine';
import { LatestOnly } from '../render/latest-only';
import { IDENTITY_TRANSFORM, axisScales, sliceIndex, type Cursor, type Placement, type PlaneFrame } from '../render/plane-geometry';
import type { LucidState, LucidStore } from '../store';
import { observeCanvasSize } from '../views/canvas-size';
import { CANVAS_2D_SETTINGS, SlicePainter } from '../views/slice-painter';
import { attachManipulatorPointer } from './manipulator-pointer';
import { manipulatorDisplay } from './manipulator-view';
import { recordManipulator, registerManipulatorView } from './manipulator-registry';

function cropCursor(s: LucidState): Cursor | null {
  const info = s.session;
  if (!info) return null;
  const [l, n] = [info.crop.l, info.shape];
  const c = (v: number, i: number) => Math.min(n[i] - 1, Math.max(0, v - l[i]));
  return { z: c(s.cursor.z, 0), y: c(s.cursor.y, 1), x: c(s.cursor.x, 2) };
}

const watched = (s: LucidState) => [s.session, s.cursor, s.manipulatorView, s.component, s.fourier, s.residualRange, s.showCrosshair] as const;

export function attachManipulatorView(canvas: HTMLCanvasElement, plane: Plane, store: LucidStore, engine: UiEngine): () => void {
  const painter = new SlicePainter(plane);
  let viewport = { width: 0, height: 0 };
  let dpr = 1;
  let placement: Placement | null = null;
  let range: [number, number] = [0, 1];
  let shownKey = '';

  const frame = (): PlaneFrame | null => {
    const { session, volume } = store.getState();
    return session && volume ? { plane, shape: session.shape, scales: axisScales(volume.voxelSize), viewport } : null;
  };

  const redraw = () => {
    const s = store.getState();
    const f = frame();
    const cursor = cropCursor(s);
    if (!f || !cursor || !s.session || viewport.width === 0) {
      placement = null;
      canvas.getContext('2d', CANVAS_2D_SETTINGS)?.clearRect(0, 0, canvas.width, canvas.height);
      return;
    }
    const d = manipulatorDisplay(s, s.session);
    const [lo, hi] = d.limits ?? range;
    painter.colour(lo, hi > lo ? hi : lo + 1e-6, d.lut);
    placement = painter.paint(canvas, dpr, {
      frame: f, transform: IDENTITY_TRANSFORM, cursor, voxelSize: s.volume!.voxelSize, showCrosshair: s.showCrosshair, showScaleBar: false,
    });
  };

  const slices = new LatestOnly<PeriSlice>(
    (key, index) => engine.periSlice(key.split('|')[0], manipulatorDisplay(store.getState(), store.getState().session!).view, plane, index),
    (d) => {
      painter.setSlice({ ...d.result, volumeId: d.key, index: d.index });
      range = d.result.range;
      shownKey = d.key;
      redraw();
      recordManipulator(plane, d.key, d.index);
    },
    (err, wish) => {
      if (!wish.key.startsWith(store.getState().session?.sessionId ?? '\u0000')) return;
      store.getState().notify('error', `Could not show the ${plane} view of the fit: ${err instanceof Error ? err.message : String(err)}`);
    },
  );

  const request = () => {
    const s = store.getState();
    const cursor = cropCursor(s);
    if (!s.session || !cursor) return painter.clear();
    const key = manipulatorDisplay(s, s.session).key;
    if (key.split('|').slice(0, 4).join('|') !== shownKey.split('|').slice(0, 4).join('|')) painter.clear();
    slices.want(key, sliceIndex(plane, cursor));
  };

  const unsubscribe = store.subscribe(watched, () => {
    request();
    redraw();
  }, { equalityFn: shallow });

  const stopResizing = observeCanvasSize(canvas, (size, ratio) => {
    viewport = size;
    dpr = ratio;
    redraw();
  });
  const detachPointer = attachManipulatorPointer({ canvas, plane, store, placement: () => placement, cropCursor: () => cropCursor(store.getState()) });
  const unregister = registerManipulatorView(plane, {
    canvas,
    placement: () => placement,
    index: () => {
      const c = cropCursor(store.getState());
      return c ? sliceIndex(plane, c) : null;
    },
    showLive: (slice) => {
      painter.setSlice({ ...slice, volumeId: 'live', index: slice.index });
      range = slice.range;
      redraw();
    },
  });
  request();
  return () => {
    unsubscribe();
    stopResizing();
    detachPointer();
    unregister();
    slices.dispose();
  };
}
