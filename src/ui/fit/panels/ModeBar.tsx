import { useLucid } from '../../store';
import type { MouseMode } from '../../store/fit-slice';

const MODES: readonly { mode: MouseMode; key: string; label: string; title: string }[] = [
  { mode: 'view', key: 'V', label: 'View', title: 'A click moves the cursor (v)' },
  { mode: 'add', key: 'A', label: 'Add', title: 'A click adds a particle (a)' },
  { mode: 'remove', key: 'R', label: 'Remove', title: 'A click removes the closest particle (r)' },
  { mode: 'grab', key: 'G', label: 'Grab', title: 'Drag moves the closest particle; wheel changes its radius (g)' },
  { mode: 'optimize', key: 'E', label: 'Fit one', title: 'A click fits the closest particle (e)' },
];

/** Mouse modes and the right-hand view toggles, mirroring V/A/R/G/E and Q/C/W. */
export function ModeBar() {
  const mouseMode = useLucid((s) => s.mouseMode);
  const setMouseMode = useLucid((s) => s.setMouseMode);
  const view = useLucid((s) => s.manipulatorView);
  const component = useLucid((s) => s.component);
  const fourier = useLucid((s) => s.fourier);
  const range = useLucid((s) => s.residualRange);
  const cycleView = useLucid((s) => s.cycleManipulatorView);
  const cycleComponent = useLucid((s) => s.cycleComponent);
  const toggleFourier = useLucid((s) => s.toggleFourier);
  const setRange = useLucid((s) => s.setResidualRange);
  return (
    <div className="mode-bar">
      <div className="toggles" role="radiogroup" aria-label="Mouse mode" data-testid="mouse-modes">
        {MODES.map((m) => (
          <button key={m.mode} type="button" role="radio" aria-checked={mouseMode === m.mode} aria-pressed={mouseMode === m.mode} title={m.title} data-testid={`mode-${m.mode}`} onClick={() => setMouseMode(m.mode)}>
            <kbd>{m.key}</kbd> {m.label}
          </button>
        ))}
      </div>
      <div className="toggles">
        <button type="button" title="Cycle model → residuals → component (q)" onClick={cycleView}><kbd>Q</kbd> {view}</button>
        <button type="button" title="Next component field (c)" onClick={cycleComponent}><kbd>C</kbd> {component ?? '—'}</button>
        <button type="button" aria-pressed={fourier} title="Fourier space |FFT|^0.2 (w)" onClick={toggleFourier}><kbd>W</kbd> Fourier</button>
      </div>
      <label className="field inline">
        Residual range ±
        <input type="text" inputMode="decimal" defaultValue={String(range)} key={range} onBlur={(e) => setRange(Number(e.target.value))} onKeyDown={(e) => e.key === 'Enter' && setRange(Number((e.target as HTMLInputElement).value))} />
      </label>
    </div>
  );
}
