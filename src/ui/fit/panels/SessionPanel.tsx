import { lucidStore, useLucid } from '../../store';
import { closeSession, undoRedo } from '../session-actions';
import { ModeBar } from './ModeBar';

const fmt = (v: number, digits = 6) => (Number.isFinite(v) ? v.toPrecision(digits) : '—');

/** The state: model, components, counts, error; mouse modes; undo / redo of particle edits. */
export function SessionPanel() {
  const info = useLucid((s) => s.session);
  const fitting = useLucid((s) => s.fitProgress !== null);
  if (!info) return null;
  return (
    <section className="panel" data-testid="fit-session" aria-label="Fit state">
      <h2>State — {info.model}</h2>
      <dl className="stats fit-stats">
        <dt>particles</dt><dd data-testid="particle-count">{info.particleCount}</dd>
        <dt>params</dt><dd>{info.paramCount}</dd>
        <dt>error</dt><dd data-testid="fit-error">{fmt(info.error)}</dd>
        <dt>RMS r</dt><dd>{fmt(info.residualRms, 4)}</dd>
        <dt>σ</dt><dd>{fmt(info.sigma, 4)}</dd>
        <dt>zscale</dt><dd>{info.zscale === null ? '—' : fmt(info.zscale, 4)}</dd>
      </dl>
      <p className="hint">crop [{info.crop.l.join(', ')}]–[{info.crop.r.join(', ')}], pad {info.pad}</p>
      <ul className="component-list">
        {info.components.map((c) => <li key={c.category}><b>{c.category}</b> {c.className} ({c.params})</li>)}
      </ul>
      <ModeBar />
      <div className="toggles">
        <button type="button" data-testid="undo" disabled={!info.undo || fitting} title={info.undo ? `Undo ${info.undo} (Ctrl+z)` : 'Nothing to undo'} onClick={() => void undoRedo(lucidStore, 'undo')}>↶ Undo</button>
        <button type="button" data-testid="redo" disabled={!info.redo || fitting} title={info.redo ? `Redo ${info.redo} (Ctrl+Shift+z)` : 'Nothing to redo'} onClick={() => void undoRedo(lucidStore, 'redo')}>↷ Redo</button>
        <button type="button" disabled={fitting} title="Close this state and set up a new fit" onClick={() => void closeSession(lucidStore)}>New setup…</button>
      </div>
      {info.undo && <p className="hint" data-testid="undo-label">last edit: {info.undo}</p>}
    </section>
  );
}
