import { ILM_CHOICES, PSF_CHOICES } from '../../../compute/engine/peri-session-choices';
import { componentLines } from '../presets';
import { PRESETS, type PresetId, type SetupDraft } from '../setup-draft';

interface Props {
  draft: SetupDraft;
  update: (patch: Partial<SetupDraft>) => void;
  loadError: string | null;
}

/** Model choice: a preset or PERI's statemaker defaults, the components, and the editable JSON. */
export function ModelSection({ draft, update, loadError }: Props) {
  const lines = componentLines(draft.configText);
  return (
    <fieldset className="fit-fieldset">
      <legend>Model</legend>
      <label className="field">
        Preset
        <select data-testid="preset" value={draft.preset} onChange={(e) => update({ preset: e.target.value as PresetId })}>
          {PRESETS.map((p) => <option key={p.id} value={p.id}>{p.label}</option>)}
        </select>
      </label>
      {draft.preset === 'statemaker' && (
        <div className="field-row">
          <label className="field">
            Illumination
            <select value={draft.choices.ilm} onChange={(e) => update({ choices: { ...draft.choices, ilm: e.target.value as SetupDraft['choices']['ilm'] } })}>
              {ILM_CHOICES.map((c) => <option key={c}>{c}</option>)}
            </select>
          </label>
          <label className="field">
            PSF
            <select value={draft.choices.psf} onChange={(e) => update({ choices: { ...draft.choices, psf: e.target.value as SetupDraft['choices']['psf'] } })}>
              {PSF_CHOICES.map((c) => <option key={c}>{c}</option>)}
            </select>
          </label>
        </div>
      )}
      {loadError && <p className="field-error">{loadError}</p>}
      {lines ? (
        <ul className="component-list" data-testid="component-list">
          {lines.map((l) => <li key={l.category}><b>{l.category}</b> {l.className}</li>)}
        </ul>
      ) : (
        <p className="field-error">The configuration below is not valid JSON.</p>
      )}
      <details>
        <summary>Configuration (PERI names, editable)</summary>
        <textarea
          className="config-text"
          data-testid="config-text"
          spellCheck={false}
          value={draft.configText}
          onChange={(e) => update({ configText: e.target.value })}
        />
      </details>
    </fieldset>
  );
}
