/**
 * Mouse on the right-hand views: the same gestures as on the data views (the fit mode's mouse
 * modes through `interaction()`, else a click moves the cursor and the wheel steps the slice),
 * with points mapped from crop pixels to volume pixels.
 */
import type { Plane } from '../../compute/engine/types';
import { SHIFT_FACTOR } from '../input/bindings';
import { PLANE_AXES, type Cursor, type Placement } from '../render/plane-geometry';
import type { LucidStore } from '../store';
import { interaction, pointAt } from '../views/interaction';

export interface ManipulatorAccess {
  canvas: HTMLCanvasElement;
  plane: Plane;
  store: LucidStore;
  placement: () => Placement | null;
  cropCursor: () => Cursor | null;
}

const DRAG_PX = 4;

export function attachManipulatorPointer(v: ManipulatorAccess): () => void {
  const { canvas, plane, store } = v;
  let press: { x: number; y: number; taken: boolean; moved: boolean } | null = null;

  const volumePoint = (e: MouseEvent): Cursor | null => {
    const p = v.placement();
    const c = v.cropCursor();
    const info = store.getState().session;
    if (!p || !c || !info) return null;
    const r = canvas.getBoundingClientRect();
    const pt = pointAt(plane, c, p, e.clientX - r.left, e.clientY - r.top);
    const l = info.crop.l;
    return pt && { z: pt.z + l[0], y: pt.y + l[1], x: pt.x + l[2] };
  };

  const onDown = (e: PointerEvent) => {
    if (e.button !== 0) return;
    const pt = volumePoint(e);
    const taken = pt !== null && (interaction()?.press?.(plane, pt) ?? false);
    press = { x: e.clientX, y: e.clientY, taken, moved: false };
    canvas.setPointerCapture(e.pointerId);
  };
  const onMove = (e: PointerEvent) => {
    if (!press) return;
    if (!press.moved && Math.hypot(e.clientX - press.x, e.clientY - press.y) < DRAG_PX) return;
    press.moved = true;
    const pt = volumePoint(e);
    if (press.taken && pt) interaction()?.drag?.(plane, pt);
  };
  const onUp = (e: PointerEvent) => {
    if (!press) return;
    const { taken, moved } = press;
    press = null;
    if (canvas.hasPointerCapture(e.pointerId)) canvas.releasePointerCapture(e.pointerId);
    const pt = volumePoint(e);
    if (!pt) return;
    if (taken) interaction()?.release?.(plane, pt);
    if (moved || interaction()?.click(plane, pt)) return;
    store.getState().setCursor({ z: Math.round(pt.z), y: Math.round(pt.y), x: Math.round(pt.x) });
  };
  const onWheel = (e: WheelEvent) => {
    e.preventDefault();
    const steps = Math.sign(e.deltaY || e.deltaX) * (e.shiftKey ? SHIFT_FACTOR : 1);
    const pt = volumePoint(e);
    if (steps === 0 || (pt && interaction()?.wheel?.(plane, pt, steps))) return;
    store.getState().moveCursor(PLANE_AXES[plane].index, steps);
  };

  canvas.addEventListener('pointerdown', onDown);
  canvas.addEventListener('pointermove', onMove);
  canvas.addEventListener('pointerup', onUp);
  canvas.addEventListener('pointercancel', onUp);
  canvas.addEventListener('wheel', onWheel, { passive: false });
  return () => {
    canvas.removeEventListener('pointerdown', onDown);
    canvas.removeEventListener('pointermove', onMove);
    canvas.removeEventListener('pointerup', onUp);
    canvas.removeEventListener('pointercancel', onUp);
    canvas.removeEventListener('wheel', onWheel);
  };
}
