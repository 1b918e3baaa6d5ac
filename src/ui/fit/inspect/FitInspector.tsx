import { lazy, Suspense } from 'react';
import { useLucid } from '../../store';
import type { InspectorTab } from '../../store/fit-slice';
import { ManipulatorViewer } from './ManipulatorViewer';
import { ParticleTable } from './ParticleTable';

const NoiseInspector = lazy(() => import('./NoiseInspector'));
const ThreeView = lazy(() => import('./ThreeView'));

const TABS: readonly { id: InspectorTab; label: string }[] = [
  { id: 'manipulator', label: 'Model / residuals' },
  { id: 'noise', label: 'Noise' },
  { id: '3d', label: '3-D' },
  { id: 'particles', label: 'Particles' },
];

/** The right half of the fit mode: the manipulator views, the noise plots, the 3-D view, the table. */
export function FitInspector() {
  const tab = useLucid((s) => s.inspector);
  const setTab = useLucid((s) => s.setInspector);
  const hasSession = useLucid((s) => s.session !== null);
  return (
    <section className="fit-inspector" aria-label="Inspect the fit">
      <nav className="tabs" role="tablist">
        {TABS.map((t) => (
          <button key={t.id} type="button" role="tab" aria-selected={tab === t.id} data-testid={`tab-${t.id}`} onClick={() => setTab(t.id)}>{t.label}</button>
        ))}
      </nav>
      <div className="tab-body">
        {!hasSession ? (
          <div className="empty-state">Create a state (left) to see the model, residuals and noise.</div>
        ) : (
          <Suspense fallback={<div className="empty-state">Loading…</div>}>
            {tab === 'manipulator' && <ManipulatorViewer />}
            {tab === 'noise' && <NoiseInspector />}
            {tab === '3d' && <ThreeView />}
            {tab === 'particles' && <ParticleTable />}
          </Suspense>
        )}
      </div>
    </section>
  );
}
