/**
 * Slice-change → pixels-on-canvas times, per view, for the status display, the test hooks and the
 * redraw benchmark.
 */
import type { Plane } from '../../compute/engine/types';

export interface Redraw {
  plane: Plane;
  volumeId: string;
  index: number;
  /** From the slice request to the end of drawing, ms; null when the slice was not the newest wish. */
  ms: number | null;
}

type Waiter = { plane: Plane; index: number; volumeId?: string; resolve: (r: Redraw) => void };

const last: Partial<Record<Plane, Redraw>> = {};
let newest: Redraw | null = null;
let waiters: Waiter[] = [];

export function recordRedraw(r: Redraw): void {
  last[r.plane] = r;
  if (r.ms !== null) newest = r;
  const ready = waiters.filter((w) => matches(r, w.plane, w.index, w.volumeId));
  waiters = waiters.filter((w) => !ready.includes(w));
  for (const w of ready) w.resolve(r);
}

/** Time of the most recent timed redraw, any view; null before the first. */
export function lastRedrawMs(): number | null {
  return newest?.ms ?? null;
}

export function lastRedraw(plane: Plane): Redraw | null {
  return last[plane] ?? null;
}

function matches(r: Redraw, plane: Plane, index: number, volumeId?: string): boolean {
  return r.plane === plane && r.index === index && (volumeId === undefined || r.volumeId === volumeId);
}

/** Resolves when `plane` has drawn slice `index` (of `volumeId`, if given); at once if it shows it. */
export function whenDrawn(plane: Plane, index: number, volumeId?: string): Promise<Redraw> {
  const shown = last[plane];
  if (shown && matches(shown, plane, index, volumeId)) return Promise.resolve(shown);
  return new Promise((resolve) => waiters.push({ plane, index, volumeId, resolve }));
}
