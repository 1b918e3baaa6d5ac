/**
 * Mouse and wheel on a slice view (see POINTER_BINDINGS): click moves the cursor, drag (left or
 * middle) pans, wheel steps the slice, ctrl+wheel zooms around the pointer, double-click resets.
 */
import type { Plane } from '../../compute/engine/types';
import { SHIFT_FACTOR } from '../input/bindings';
import { PLANE_AXES, voxelAt, zoomAround, type Placement, type PlaneFrame } from '../render/plane-geometry';
import type { LucidStore } from '../store';
import { interaction, pointAt } from './interaction';

export interface ViewAccess {
  plane: Plane;
  canvas: HTMLCanvasElement;
  store: LucidStore;
  placement: () => Placement | null;
  frame: () => PlaneFrame | null;
  /** Value of the displayed slice at a voxel of this view, if loaded. */
  valueAt: (row: number, col: number) => number | null;
}

const DRAG_THRESHOLD_PX = 4;
/** Pixel-mode wheel deltas below this (trackpads) are summed until they reach it. */
const WHEEL_STEP_PX = 40;

export function attachPointerControls(v: ViewAccess): () => void {
  const { canvas, store, plane } = v;
  let press: { x: number; y: number; panX: number; panY: number; dragging: boolean; id: number; taken: boolean } | null = null;
  let wheelSum = 0;

  const local = (e: MouseEvent) => {
    const r = canvas.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };
  const voxelUnder = (x: number, y: number) => {
    const p = v.placement();
    const vol = store.getState().volume;
    return p && vol ? voxelAt(plane, store.getState().cursor, vol.shape, p, x, y) : null;
  };
  const pointUnder = (x: number, y: number) => {
    const p = v.placement();
    return p && store.getState().volume ? pointAt(plane, store.getState().cursor, p, x, y) : null;
  };

  const onDown = (e: PointerEvent) => {
    if (e.button !== 0 && e.button !== 1) return;
    const t = store.getState().transforms[plane];
    const { x, y } = local(e);
    const point = e.button === 0 ? pointUnder(x, y) : null;
    const taken = point !== null && (interaction()?.press?.(plane, point) ?? false);
    press = { x, y, panX: t.panX, panY: t.panY, dragging: false, id: e.pointerId, taken };
    canvas.setPointerCapture(e.pointerId);
    if (e.button === 1) e.preventDefault();
  };
  const onMove = (e: PointerEvent) => {
    const { x, y } = local(e);
    if (press && press.id === e.pointerId) {
      const dx = x - press.x;
      const dy = y - press.y;
      if (!press.dragging && Math.hypot(dx, dy) < DRAG_THRESHOLD_PX) return;
      press.dragging = true;
      if (press.taken) {
        const point = pointUnder(x, y);
        if (point) interaction()?.drag?.(plane, point);
        return;
      }
      const t = store.getState().transforms[plane];
      store.getState().setTransform(plane, { ...t, panX: press.panX + dx, panY: press.panY + dy });
      return;
    }
    hover(x, y);
  };
  const hover = (x: number, y: number) => {
    const voxel = voxelUnder(x, y);
    if (!voxel) return store.getState().setHover(null);
    const a = PLANE_AXES[plane];
    store.getState().setHover({ plane, ...voxel, value: v.valueAt(voxel[a.row], voxel[a.col]) });
  };
  const onUp = (e: PointerEvent) => {
    if (!press || press.id !== e.pointerId) return;
    const wasClick = !press.dragging && e.button === 0;
    const taken = press.taken;
    press = null;
    if (canvas.hasPointerCapture(e.pointerId)) canvas.releasePointerCapture(e.pointerId);
    const { x, y } = local(e);
    const point = pointUnder(x, y);
    if (taken && point) interaction()?.release?.(plane, point);
    if (!wasClick) return;
    if (point && interaction()?.click(plane, point)) return;
    const voxel = voxelUnder(x, y);
    if (voxel) store.getState().setCursor(voxel);
  };
  const onWheel = (e: WheelEvent) => {
    e.preventDefault();
    const delta = e.deltaY !== 0 ? e.deltaY : e.deltaX;
    if (e.ctrlKey || e.metaKey) return zoom(e, delta);
    let steps = 0;
    if (e.deltaMode !== WheelEvent.DOM_DELTA_PIXEL || Math.abs(delta) >= WHEEL_STEP_PX) steps = Math.sign(delta);
    else {
      wheelSum += delta;
      if (Math.abs(wheelSum) >= WHEEL_STEP_PX) {
        steps = Math.sign(wheelSum);
        wheelSum = 0;
      }
    }
    if (steps === 0) return;
    const n = steps * (e.shiftKey ? SHIFT_FACTOR : 1);
    const { x, y } = local(e);
    const point = pointUnder(x, y);
    if (point && interaction()?.wheel?.(plane, point, n)) return;
    store.getState().moveCursor(PLANE_AXES[plane].index, n);
  };
  const zoom = (e: WheelEvent, delta: number) => {
    const f = v.frame();
    if (!f) return;
    const { x, y } = local(e);
    const factor = Math.exp(-Math.max(-100, Math.min(100, delta)) * 0.0025);
    store.getState().setTransform(plane, zoomAround(f, store.getState().transforms[plane], x, y, factor));
  };
  const onLeave = () => {
    if (store.getState().hover?.plane === plane) store.getState().setHover(null);
  };
  const onDouble = () => store.getState().resetView(plane);

  canvas.addEventListener('pointerdown', onDown);
  canvas.addEventListener('pointermove', onMove);
  canvas.addEventListener('pointerup', onUp);
  canvas.addEventListener('pointercancel', onUp);
  canvas.addEventListener('pointerleave', onLeave);
  canvas.addEventListener('wheel', onWheel, { passive: false });
  canvas.addEventListener('dblclick', onDouble);
  return () => {
    canvas.removeEventListener('pointerdown', onDown);
    canvas.removeEventListener('pointermove', onMove);
    canvas.removeEventListener('pointerup', onUp);
    canvas.removeEventListener('pointercancel', onUp);
    canvas.removeEventListener('pointerleave', onLeave);
    canvas.removeEventListener('wheel', onWheel);
    canvas.removeEventListener('dblclick', onDouble);
  };
}
