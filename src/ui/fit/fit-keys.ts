/** Runs the fit mode's key actions (see input/fit-bindings.ts). */
import type { FitActionId } from '../input/fit-bindings';
import type { LucidStore } from '../store';
import { undoRedo } from './session-actions';

export function runFitAction(store: LucidStore, action: FitActionId): void {
  const s = store.getState();
  switch (action) {
    case 'mode-view': return s.setMouseMode('view');
    case 'mode-add': return s.setMouseMode('add');
    case 'mode-remove': return s.setMouseMode('remove');
    case 'mode-grab': return s.setMouseMode('grab');
    case 'mode-optimize': return s.setMouseMode('optimize');
    case 'cycle-view': return s.cycleManipulatorView();
    case 'cycle-component': return s.cycleComponent();
    case 'toggle-fourier': return s.toggleFourier();
    case 'undo': return void undoRedo(store, 'undo');
    case 'redo': return void undoRedo(store, 'redo');
  }
}
