import { useState } from 'react';
import type { PeriExportKind } from '../../../workers/protocol';
import { lucidStore, useLucid } from '../../store';
import { exportFile } from '../download';
import { loadStateText, report } from '../session-actions';

const BUTTONS: readonly { kind: PeriExportKind; label: string; title: string }[] = [
  { kind: 'particles-json', label: 'Particles JSON', title: 'Positions and radii (lucid.peri.particles), file pixels and physical units' },
  { kind: 'particles-csv', label: 'Particles CSV', title: 'TrackMate columns POSITION_X/Y/Z, RADIUS, …' },
  { kind: 'state', label: 'State file', title: 'The whole state (lucid.peri.state): configuration, every value, image reference' },
  { kind: 'model-tiff', label: 'Model TIFF', title: 'The model on the crop, float32 ImageJ TIFF' },
  { kind: 'residuals-tiff', label: 'Residuals TIFF', title: 'data − model on the crop, float32 ImageJ TIFF' },
];

/** Export positions, the state and volumes; load a state file (a bad file changes nothing). */
export function ExportPanel() {
  const info = useLucid((s) => s.session);
  const hasVolume = useLucid((s) => s.volume !== null);
  const fields = info?.components.filter((c) => c.hasField).map((c) => c.category) ?? [];
  const [component, setComponent] = useState<string>('');
  const chosen = fields.includes(component) ? component : (fields[0] ?? '');
  const load = async (e: React.ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    try {
      await loadStateText(lucidStore, await file.text(), file.name);
    } catch (err) {
      report(lucidStore, `${file.name} could not be read`, err);
    }
  };
  return (
    <section className="panel" data-testid="fit-export" aria-label="Keep and export">
      <h2>Keep and export</h2>
      {info && (
        <div className="toggles">
          {BUTTONS.map((b) => (
            <button key={b.kind} type="button" title={b.title} data-testid={`export-${b.kind}`} onClick={() => void exportFile(lucidStore, b.kind)}>{b.label}</button>
          ))}
          <span className="inline-group">
            <select aria-label="Component to export" value={chosen} onChange={(e) => setComponent(e.target.value)}>
              {fields.map((f) => <option key={f}>{f}</option>)}
            </select>
            <button type="button" disabled={!chosen} data-testid="export-component-tiff" onClick={() => void exportFile(lucidStore, 'component-tiff', chosen)}>Component TIFF</button>
          </span>
        </div>
      )}
      <label className={`button ${hasVolume ? '' : 'disabled'}`} title="Load a lucid.peri.state file fitted to the open image">
        Load state file…
        <input type="file" className="hidden-file" data-testid="state-input" accept=".json" disabled={!hasVolume} onChange={load} />
      </label>
    </section>
  );
}
