import { parsePositions } from '../../../compute/engine/peri-session-positions';
import type { PreviewStatus } from '../featuring';
import { errorText } from '../session-actions';
import type { ParticleSource, SetupDraft } from '../setup-draft';

interface Props {
  draft: SetupDraft;
  update: (patch: Partial<SetupDraft>) => void;
  status: PreviewStatus;
  onImportError: (message: string) => void;
}

function statusText(s: PreviewStatus): string {
  switch (s.kind) {
    case 'idle': return '';
    case 'busy': return 'featuring…';
    case 'found': return `${s.count} particles found`;
    case 'error': return s.message;
  }
}

/** Initial particles: featured by radius (live preview markers), imported from a file, or the config's. */
export function ParticlesSection({ draft, update, status, onImportError }: Props) {
  const pick = async (e: React.ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    try {
      const text = await file.text();
      const parsed = parsePositions(text, file.name);
      update({ source: 'import', positions: { text, fileName: file.name, count: parsed.pos.length, format: parsed.format } });
    } catch (err) {
      onImportError(errorText(err));
    }
  };
  const radio = (value: ParticleSource, label: string) => (
    <label className="check">
      <input type="radio" name="particle-source" value={value} checked={draft.source === value} onChange={() => update({ source: value })} />
      {label}
    </label>
  );
  return (
    <fieldset className="fit-fieldset">
      <legend>Initial particles</legend>
      {radio('feature', 'Feature by radius')}
      {radio('import', 'Import positions (JSON / CSV)')}
      {radio('config', 'As in the configuration')}
      <div className="field-row">
        <label className="field">
          Radius (px)
          <input type="text" inputMode="decimal" data-testid="feature-radius" value={draft.radius} onChange={(e) => update({ radius: e.target.value })} />
        </label>
        {draft.source === 'feature' && (
          <label className="check">
            <input type="checkbox" checked={draft.featureInvert} onChange={(e) => update({ featureInvert: e.target.checked })} />
            dark particles
          </label>
        )}
      </div>
      {draft.source === 'feature' && (
        <p className={status.kind === 'error' ? 'field-error' : 'hint'} data-testid="feature-status">{statusText(status)}</p>
      )}
      {draft.source === 'import' && (
        <>
          <label className="button">
            Choose positions file…
            <input type="file" className="hidden-file" data-testid="positions-input" accept=".json,.csv,.txt" onChange={pick} />
          </label>
          <p className="hint" data-testid="positions-status">
            {draft.positions ? `${draft.positions.fileName}: ${draft.positions.count} positions (${draft.positions.format})` : 'PERI particle-positions JSON, Lucid exports, TrackMate CSV or z,y,x columns; pixels of the whole image.'}
          </p>
        </>
      )}
    </fieldset>
  );
}
