/**
 * Wires one slice view: store → slice requests (coalesced) → LUT → canvas, plus resize and pointer
 * input. Lives outside React so that a slice change is drawn as soon as its pixels arrive.
 */
import { shallow } from 'zustand/shallow';
import type { Plane, Slice } from '../../compute/engine/types';
import type { UiEngine } from '../engine/engine';
import { LatestOnly } from '../render/latest-only';
import { axisScales, sliceIndex, type Placement, type PlaneFrame } from '../render/plane-geometry';
import type { LucidState, LucidStore } from '../store';
import { observeCanvasSize } from './canvas-size';
import { paintOverlays } from './overlay-registry';
import { attachPointerControls } from './pointer-controls';
import { recordRedraw } from './redraw-log';
import { CANVAS_2D_SETTINGS, SlicePainter } from './slice-painter';
import { registerView } from './view-registry';

function watched(plane: Plane) {
  return (s: LucidState) =>
    [s.volume, sliceIndex(plane, s.cursor), s.cursor, s.clim, s.lut, s.transforms[plane], s.showCrosshair, s.showScaleBar,
      s.markersVersion, s.selectedParticle, s.fitMode, s.session] as const;
}

export function attachSliceView(canvas: HTMLCanvasElement, plane: Plane, store: LucidStore, engine: UiEngine): () => void {
  const painter = new SlicePainter(plane);
  let viewport = { width: 0, height: 0 };
  let dpr = 1;
  let placement: Placement | null = null;

  const frame = (): PlaneFrame | null => {
    const v = store.getState().volume;
    return v ? { plane, shape: v.shape, scales: axisScales(v.voxelSize), viewport } : null;
  };

  const redraw = () => {
    const s = store.getState();
    const f = frame();
    if (!f || viewport.width === 0 || viewport.height === 0 || !s.volume) {
      placement = null;
      canvas.getContext('2d', CANVAS_2D_SETTINGS)?.clearRect(0, 0, canvas.width, canvas.height);
      return;
    }
    painter.colour(s.clim[0], s.clim[1], s.lut);
    placement = painter.paint(canvas, dpr, {
      frame: f,
      transform: s.transforms[plane],
      cursor: s.cursor,
      voxelSize: s.volume.voxelSize,
      showCrosshair: s.showCrosshair,
      showScaleBar: s.showScaleBar,
      overlay: (ctx, p) => paintOverlays(ctx, plane, p, store.getState()),
    });
  };

  const slices = new LatestOnly<Slice>(
    (volumeId, index) => engine.getSlice(volumeId, plane, index),
    (d) => {
      painter.setSlice({ ...d.result, volumeId: d.key, index: d.index });
      redraw();
      const ms = d.wantedAt === null ? null : performance.now() - d.wantedAt;
      recordRedraw({ plane, volumeId: d.key, index: d.index, ms });
    },
    (err, wish) => {
      const message = err instanceof Error ? err.message : String(err);
      store.getState().notify('error', `Could not show ${plane} slice ${wish.index}: ${message}`);
    },
  );

  const request = () => {
    const { volume, cursor } = store.getState();
    if (volume) slices.want(volume.volumeId, sliceIndex(plane, cursor));
  };

  const unsubscribe = store.subscribe(watched(plane), (now, before) => {
    if (now[0] !== before[0]) painter.clear();
    if (now[0] !== before[0] || now[1] !== before[1]) request();
    redraw();
  }, { equalityFn: shallow });

  const stopResizing = observeCanvasSize(canvas, (size, ratio) => {
    viewport = size;
    dpr = ratio;
    redraw();
  });

  const detachPointer = attachPointerControls({
    plane, canvas, store,
    placement: () => placement,
    frame,
    valueAt: (row, col) => {
      const { volume, cursor } = store.getState();
      return volume ? painter.valueAt(volume.volumeId, sliceIndex(plane, cursor), row, col) : null;
    },
  });
  const unregister = registerView(plane, { canvas, placement: () => placement });
  request();

  return () => {
    unsubscribe();
    stopResizing();
    detachPointer();
    unregister();
    slices.dispose();
  };
}
