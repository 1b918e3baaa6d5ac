/**
 * Keys of the fit mode, as PERI's OrthoManipulator: mouse modes V/A/R/G/E, Q cycles the right-hand
 * view, C the component, W toggles Fourier space; Ctrl+Z / Ctrl+Shift+Z (or Ctrl+Y) undo and redo
 * particle edits. In the fit mode they take precedence over the viewer's keys (so `a` and `r`
 * choose mouse modes there instead of toggling the crosshair and resetting the view).
 */
import type { KeyLike, PointerBinding } from './bindings';

export type FitActionId =
  | 'mode-view' | 'mode-add' | 'mode-remove' | 'mode-grab' | 'mode-optimize'
  | 'cycle-view' | 'cycle-component' | 'toggle-fourier'
  | 'undo' | 'redo';

export interface FitKeyBinding {
  action: FitActionId;
  keys: readonly string[];
  /** Needs Ctrl (or ⌘); with Shift only when `shift` is set. */
  ctrl?: boolean;
  shift?: boolean;
  label: string;
  description: string;
}

export const FIT_KEY_BINDINGS: readonly FitKeyBinding[] = [
  { action: 'mode-view', keys: ['v', 'V'], label: 'v', description: 'Mouse mode view: a click moves the cursor' },
  { action: 'mode-add', keys: ['a', 'A'], label: 'a', description: 'Mouse mode add: a click adds a particle there (then fits it)' },
  { action: 'mode-remove', keys: ['r', 'R'], label: 'r', description: 'Mouse mode remove: a click removes the closest particle' },
  { action: 'mode-grab', keys: ['g', 'G'], label: 'g', description: 'Mouse mode grab: drag moves the closest particle, wheel changes its radius' },
  { action: 'mode-optimize', keys: ['e', 'E'], label: 'e', description: 'Mouse mode optimize: a click fits the closest particle' },
  { action: 'cycle-view', keys: ['q', 'Q'], label: 'q', description: 'Right-hand views: model → residuals → component' },
  { action: 'cycle-component', keys: ['c', 'C'], label: 'c', description: 'Right-hand views: next component field (obj, ilm, bkg, …)' },
  { action: 'toggle-fourier', keys: ['w', 'W'], label: 'w', description: 'Right-hand views: real ↔ Fourier space (|FFT|^0.2)' },
  { action: 'undo', keys: ['z', 'Z'], ctrl: true, label: 'Ctrl+z', description: 'Undo the last particle edit' },
  { action: 'redo', keys: ['z', 'Z'], ctrl: true, shift: true, label: 'Ctrl+Shift+z', description: 'Redo the particle edit undone last' },
  { action: 'redo', keys: ['y', 'Y'], ctrl: true, label: 'Ctrl+y', description: 'Redo (as Ctrl+Shift+z)' },
];

export const FIT_POINTER_BINDINGS: readonly PointerBinding[] = [
  { gesture: 'Click (add mode)', description: 'Add a particle with the mean radius at the click' },
  { gesture: 'Click (remove mode)', description: 'Remove the particle closest to the click' },
  { gesture: 'Drag (grab mode)', description: 'Move the closest particle within the view’s plane' },
  { gesture: 'Wheel (grab mode)', description: 'Radius of the closest particle ± 1/18 px per step' },
  { gesture: 'Click (optimize mode)', description: 'Fit the closest particle (PERI’s do_levmarq_particles)' },
  { gesture: 'Click a table row', description: 'Centre the views on that particle' },
];

/** The fit action of a key press, or null. */
export function fitActionForKey(e: KeyLike): FitActionId | null {
  const ctrl = e.ctrlKey || e.metaKey;
  if (e.altKey) return null;
  const hit = FIT_KEY_BINDINGS.find((b) => b.keys.includes(e.key) && !!b.ctrl === ctrl && (!b.ctrl || !!b.shift === e.shiftKey));
  return hit?.action ?? null;
}
