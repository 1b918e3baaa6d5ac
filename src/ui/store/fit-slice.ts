/**
 * The fit mode: the session's summary (counts, error, undo labels — the particle list itself lives
 * in the fit module's cache, never here), the mouse mode, the manipulator's view and fit progress.
 */
import type { PeriSessionInfo } from '../../workers/protocol';
import type { SliceCreator } from './types';

export type MouseMode = 'view' | 'add' | 'remove' | 'grab' | 'optimize';
/** PERI's OrthoManipulator right-hand views, cycled by Q: the model ('field'), residuals ('diff'), a component. */
export type ManipulatorView = 'model' | 'residuals' | 'component';
export type InspectorTab = 'manipulator' | 'noise' | '3d' | 'particles';

export interface FitProgress {
  stage: string;
  loop: number;
  error: number;
  fraction: number;
  elapsedMs: number;
}

export interface FitSlice {
  fitMode: boolean;
  session: PeriSessionInfo | null;
  /** Bumped whenever the cached particle list or featuring preview changes. */
  markersVersion: number;
  mouseMode: MouseMode;
  manipulatorView: ManipulatorView;
  /** Category shown by the 'component' view (C cycles through the session's fields). */
  component: string | null;
  fourier: boolean;
  /** Half-width of the residual colour range (PERI's vrange_diff, 0.1). */
  residualRange: number;
  inspector: InspectorTab;
  selectedParticle: number | null;
  fitProgress: FitProgress | null;
  /** A session saved before a reload, offered back. */
  restoreOffer: { savedAt: string; name: string; particles: number } | null;
  setFitMode: (on: boolean) => void;
  setSession: (info: PeriSessionInfo | null) => void;
  bumpMarkers: () => void;
  setMouseMode: (m: MouseMode) => void;
  /** Q: model → residuals → component → model. */
  cycleManipulatorView: () => void;
  /** C: the next field component (switches to the component view). */
  cycleComponent: () => void;
  toggleFourier: () => void;
  setResidualRange: (r: number) => void;
  setInspector: (t: InspectorTab) => void;
  selectParticle: (id: number | null) => void;
  setFitProgress: (p: FitProgress | null) => void;
  setRestoreOffer: (o: FitSlice['restoreOffer']) => void;
}

const VIEW_CYCLE: readonly ManipulatorView[] = ['model', 'residuals', 'component'];

function fields(info: PeriSessionInfo | null): string[] {
  return info ? info.components.filter((c) => c.hasField).map((c) => c.category) : [];
}

export const createFitSlice: SliceCreator<FitSlice> = (set, get) => ({
  fitMode: false,
  session: null,
  markersVersion: 0,
  mouseMode: 'view',
  manipulatorView: 'model',
  component: null,
  fourier: false,
  residualRange: 0.1,
  inspector: 'manipulator',
  selectedParticle: null,
  fitProgress: null,
  restoreOffer: null,
  setFitMode: (fitMode) => set(fitMode ? { fitMode } : { fitMode, mouseMode: 'view' }),
  setSession: (session) => {
    const keep = session && fields(session).includes(get().component ?? '') ? get().component : null;
    set({ session, component: keep ?? fields(session)[0] ?? null });
  },
  bumpMarkers: () => set((s) => ({ markersVersion: s.markersVersion + 1 })),
  setMouseMode: (mouseMode) => set({ mouseMode }),
  cycleManipulatorView: () => {
    const { manipulatorView, component } = get();
    let next = VIEW_CYCLE[(VIEW_CYCLE.indexOf(manipulatorView) + 1) % VIEW_CYCLE.length];
    if (next === 'component' && component === null) next = 'model';
    set({ manipulatorView: next });
  },
  cycleComponent: () => {
    const list = fields(get().session);
    if (!list.length) return;
    const { component, manipulatorView } = get();
    const next = manipulatorView !== 'component' ? (component ?? list[0]) : list[(list.indexOf(component ?? '') + 1) % list.length];
    set({ component: next, manipulatorView: 'component' });
  },
  toggleFourier: () => set((s) => ({ fourier: !s.fourier })),
  setResidualRange: (r) => {
    if (Number.isFinite(r) && r > 0) set({ residualRange: r });
  },
  setInspector: (inspector) => set({ inspector }),
  selectParticle: (selectedParticle) => set({ selectedParticle }),
  setFitProgress: (fitProgress) => set({ fitProgress }),
  setRestoreOffer: (restoreOffer) => set({ restoreOffer }),
});
