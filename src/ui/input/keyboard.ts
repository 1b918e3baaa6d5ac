/** Window-wide keyboard shortcuts from the bindings table. */
import type { LucidStore } from '../store';
import { runFitAction } from '../fit/fit-keys';
import { actionForKey, type ActionId } from './bindings';
import { fitActionForKey } from './fit-bindings';
import { openFileDialog } from './file-dialog';

/** Runs an action on the store; `step` is 1 or the shift multiple. */
export function runAction(store: LucidStore, action: ActionId, step: number): void {
  const s = store.getState();
  switch (action) {
    case 'z-prev': return s.moveCursor('z', -step);
    case 'z-next': return s.moveCursor('z', step);
    case 'x-prev': return s.moveCursor('x', -step);
    case 'x-next': return s.moveCursor('x', step);
    case 'y-prev': return s.moveCursor('y', -step);
    case 'y-next': return s.moveCursor('y', step);
    case 'toggle-help': return s.setHelpOpen(!s.helpOpen);
    case 'close-overlay': return s.setHelpOpen(false);
    case 'reset-view': return s.resetView();
    case 'toggle-scale-bar': return s.toggleScaleBar();
    case 'toggle-crosshair': return s.toggleCrosshair();
    case 'toggle-layout': return s.toggleLayout();
    case 'open-file': return openFileDialog();
  }
}

const PRESS_ONLY_INPUTS = new Set(['file', 'button', 'submit', 'reset', 'checkbox', 'radio', 'range', 'color']);

/**
 * Keys typed into text fields and selects belong to them; on buttons, file inputs, check boxes and
 * radios only Space and Enter do (so shortcuts still work right after "Open TIFF…").
 */
function ownedByElement(e: KeyboardEvent): boolean {
  const t = e.target as HTMLElement | null;
  if (!t || typeof t.closest !== 'function') return false;
  const press = e.key === ' ' || e.key === 'Enter';
  if (t instanceof HTMLInputElement) return PRESS_ONLY_INPUTS.has(t.type) ? press : true;
  if (t.closest('textarea, select, [contenteditable="true"]')) return true;
  return press && t.closest('button, a[href], summary') !== null;
}

export function attachKeyboard(store: LucidStore): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (e.defaultPrevented || ownedByElement(e)) return;
    const fit = store.getState().fitMode ? fitActionForKey(e) : null;
    if (fit) {
      e.preventDefault();
      return runFitAction(store, fit);
    }
    const hit = actionForKey(e);
    if (!hit) return;
    e.preventDefault();
    runAction(store, hit.action, hit.step);
  };
  window.addEventListener('keydown', onKey);
  return () => window.removeEventListener('keydown', onKey);
}
