/**
 * Every keyboard and pointer binding of the viewer, in one table that the help overlay renders.
 * Conventions follow Neuroglancer (`,`/`.` z, arrows x/y, wheel = slice, ctrl+wheel = zoom,
 * `b` scale bar, `h` help, space layout), Fiji (`<`/`>` slices) and napari (drag pans).
 */

export type ActionId =
  | 'z-prev' | 'z-next'
  | 'x-prev' | 'x-next'
  | 'y-prev' | 'y-next'
  | 'toggle-help'
  | 'close-overlay'
  | 'reset-view'
  | 'toggle-scale-bar'
  | 'toggle-crosshair'
  | 'toggle-layout'
  | 'open-file';

export interface KeyBinding {
  action: ActionId;
  /** `KeyboardEvent.key` values that trigger the action. */
  keys: readonly string[];
  /** How the help overlay writes the keys. */
  label: string;
  description: string;
  /** Shift multiplies the step by SHIFT_FACTOR. */
  shiftStep?: boolean;
}

export interface PointerBinding {
  gesture: string;
  description: string;
}

export const SHIFT_FACTOR = 10;

export const KEY_BINDINGS: readonly KeyBinding[] = [
  { action: 'z-prev', keys: [',', '<'], label: ', or <', description: 'Previous z slice', shiftStep: true },
  { action: 'z-next', keys: ['.', '>'], label: '. or >', description: 'Next z slice', shiftStep: true },
  { action: 'x-prev', keys: ['ArrowLeft'], label: '←', description: 'Cursor x − 1', shiftStep: true },
  { action: 'x-next', keys: ['ArrowRight'], label: '→', description: 'Cursor x + 1', shiftStep: true },
  { action: 'y-prev', keys: ['ArrowUp'], label: '↑', description: 'Cursor y − 1', shiftStep: true },
  { action: 'y-next', keys: ['ArrowDown'], label: '↓', description: 'Cursor y + 1', shiftStep: true },
  { action: 'reset-view', keys: ['r', 'R'], label: 'r', description: 'Reset zoom and pan of all views' },
  { action: 'toggle-scale-bar', keys: ['b', 'B'], label: 'b', description: 'Show / hide the scale bar' },
  { action: 'toggle-crosshair', keys: ['a', 'A'], label: 'a', description: 'Show / hide the crosshair' },
  { action: 'toggle-layout', keys: [' '], label: 'Space', description: 'Three views ↔ xy only' },
  { action: 'open-file', keys: ['o', 'O'], label: 'o', description: 'Open a TIFF file' },
  { action: 'toggle-help', keys: ['h', 'H', '?'], label: 'h or ?', description: 'Show / hide this help' },
  { action: 'close-overlay', keys: ['Escape'], label: 'Esc', description: 'Close help or dialog' },
];

export const POINTER_BINDINGS: readonly PointerBinding[] = [
  { gesture: 'Click', description: 'Move the cursor there; all three views recentre on it' },
  { gesture: 'Wheel', description: 'Step the slice shown in the view under the pointer' },
  { gesture: 'Shift + wheel', description: `Step ${SHIFT_FACTOR} slices` },
  { gesture: 'Ctrl + wheel', description: 'Zoom around the pointer' },
  { gesture: 'Drag (left or middle)', description: 'Pan the view' },
  { gesture: 'Double-click', description: 'Reset zoom and pan of that view' },
  { gesture: 'Drop a file', description: 'Open a TIFF dropped anywhere on the window' },
];

export interface KeyLike {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/** The action a key press triggers, with its step (1, or SHIFT_FACTOR with shift); null if none. */
export function actionForKey(e: KeyLike): { action: ActionId; step: number } | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  const binding = KEY_BINDINGS.find((b) => b.keys.includes(e.key));
  if (!binding) return null;
  return { action: binding.action, step: binding.shiftStep && e.shiftKey ? SHIFT_FACTOR : 1 };
}
