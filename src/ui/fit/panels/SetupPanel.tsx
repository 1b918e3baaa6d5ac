import { useEffect, useState } from 'react';
import { parsePositions } from '../../../compute/engine/peri-session-positions';
import type { Vec3, VolumeInfo } from '../../../workers/protocol';
import { lucidStore, useLucid } from '../../store';
import { featurePreview, setFeaturePreview } from '../fit-cache';
import { cancelPreview, requestPreview, type PreviewStatus } from '../featuring';
import { presetConfigText } from '../presets';
import { createSession, errorText } from '../session-actions';
import { buildCreateArgs, draftCrop, draftRadius, initialDraft, type SetupDraft } from '../setup-draft';
import { ImageSection } from './ImageSection';
import { ModelSection } from './ModelSection';
import { ParticlesSection } from './ParticlesSection';

function cropShape(d: SetupDraft, v: VolumeInfo): Vec3 {
  try {
    const c = draftCrop(d, v.shape);
    return [c.r[0] - c.l[0], c.r[1] - c.l[1], c.r[2] - c.l[2]];
  } catch {
    return [...v.shape];
  }
}

/** Set up a fit: model, image, initial particles, then "Create state". */
export function SetupPanel({ volume }: { volume: VolumeInfo }) {
  const [draft, setDraft] = useState<SetupDraft>(() => initialDraft(volume));
  const [loadError, setLoadError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<PreviewStatus>({ kind: 'idle' });
  const busy = useLucid((s) => s.progress !== null);
  useLucid((s) => s.markersVersion);
  const edited = featurePreview()?.edited ? featurePreview()!.pos.length : null;
  const update = (patch: Partial<SetupDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const shape = cropShape(draft, volume);

  useEffect(() => setDraft(initialDraft(volume)), [volume]);

  useEffect(() => {
    let live = true;
    presetConfigText(draft.preset, shape, draft.choices).then(
      (configText) => live && (setLoadError(null), update({ configText })),
      (err: unknown) => live && setLoadError(errorText(err)),
    );
    return () => void (live = false);
  }, [draft.preset, draft.choices.ilm, draft.choices.psf, shape.join(',')]);

  useEffect(() => {
    if (draft.source === 'feature') {
      try {
        requestPreview(lucidStore, { radius: draftRadius(draft), invert: draft.featureInvert, crop: draftCrop(draft, volume.shape) }, setStatus);
      } catch (err) {
        cancelPreview(lucidStore);
        setStatus({ kind: 'error', message: errorText(err) });
      }
    } else if (draft.source === 'import' && draft.positions) {
      showImported(draft, volume);
    } else {
      cancelPreview(lucidStore);
    }
  }, [draft.source, draft.radius, draft.featureInvert, draft.positions, draft.cropL.join(), draft.cropR.join()]);

  useEffect(() => () => cancelPreview(lucidStore), []);

  const create = () => {
    try {
      setError(null);
      // Markers edited by hand (A / R on the views) are the initial particles, whatever their source.
      const preview = featurePreview();
      const d = preview?.edited ? { ...draft, source: 'feature' as const } : draft;
      const pos = d.source === 'feature' ? (preview?.pos ?? null) : null;
      void createSession(lucidStore, buildCreateArgs(d, volume, pos));
    } catch (err) {
      setError(errorText(err));
    }
  };

  return (
    <section className="panel fit-setup" data-testid="fit-setup" aria-label="Model setup">
      <h2>Set up a fit</h2>
      <ModelSection draft={draft} update={update} loadError={loadError} />
      <ImageSection draft={draft} volume={volume} update={update} />
      <ParticlesSection draft={draft} update={update} status={status} onImportError={setError} />
      {edited !== null && <p className="hint" data-testid="preview-edited">{edited} markers after your edits (a adds at a click, r removes the nearest, v views)</p>}
      {edited === null && <p className="hint">Markers: a adds at a click, r removes the nearest (PERI’s OrthoPrefeature).</p>}
      {error && <p className="field-error" data-testid="setup-error">{error}</p>}
      <button type="button" className="primary" data-testid="create-state" disabled={busy} onClick={create}>Create state</button>
    </section>
  );
}

/** Imported positions as preview markers (file pixels → crop pixels). */
function showImported(d: SetupDraft, v: VolumeInfo): void {
  try {
    const parsed = parsePositions(d.positions!.text, d.positions!.fileName);
    const crop = draftCrop(d, v.shape);
    const pos = parsed.pos.map((p): Vec3 => [p[0] - crop.l[0], p[1] - crop.l[1], p[2] - crop.l[2]]);
    setFeaturePreview(lucidStore, { pos, radius: parsed.rad?.[0] ?? parsed.radiusGuess ?? draftRadius(d), origin: crop.l });
  } catch {
    setFeaturePreview(lucidStore, null);
  }
}
