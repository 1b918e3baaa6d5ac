import type { VolumeInfo } from '../../../workers/protocol';
import { metadataZscale, type SetupDraft } from '../setup-draft';

interface Props {
  draft: SetupDraft;
  volume: VolumeInfo;
  update: (patch: Partial<SetupDraft>) => void;
}

const AXES = ['z', 'y', 'x'] as const;

/** The image side of the setup: voxel aspect (zscale), crop tile, exposure and inversion. */
export function ImageSection({ draft, volume, update }: Props) {
  const fromMeta = metadataZscale(volume);
  const setCrop = (which: 'cropL' | 'cropR', i: number, v: string) => {
    const next = [...draft[which]] as [string, string, string];
    next[i] = v;
    update({ [which]: next });
  };
  return (
    <fieldset className="fit-fieldset">
      <legend>Image</legend>
      <label className="field">
        zscale (z pixel / xy pixel)
        <input type="text" inputMode="decimal" data-testid="zscale" value={draft.zscale} onChange={(e) => update({ zscale: e.target.value })} />
        <span className="hint">{fromMeta === null ? 'unknown in the file’s metadata' : `metadata: ${fromMeta.toPrecision(4)}`}</span>
      </label>
      <div className="crop-grid" role="group" aria-label="Crop tile">
        <span />
        {AXES.map((a) => <span key={a} className="hint">{a}</span>)}
        <span className="hint">from</span>
        {AXES.map((a, i) => (
          <input key={a} type="text" inputMode="numeric" aria-label={`crop ${a} from`} value={draft.cropL[i]} onChange={(e) => setCrop('cropL', i, e.target.value)} />
        ))}
        <span className="hint">to</span>
        {AXES.map((a, i) => (
          <input key={a} type="text" inputMode="numeric" aria-label={`crop ${a} to`} value={draft.cropR[i]} onChange={(e) => setCrop('cropR', i, e.target.value)} />
        ))}
      </div>
      <div className="field-row">
        <label className="field">
          Exposure low
          <input type="text" inputMode="decimal" value={draft.exposure[0]} onChange={(e) => update({ exposure: [e.target.value, draft.exposure[1]] })} />
        </label>
        <label className="field">
          high
          <input type="text" inputMode="decimal" value={draft.exposure[1]} onChange={(e) => update({ exposure: [draft.exposure[0], e.target.value] })} />
        </label>
      </div>
      <label className="check">
        <input type="checkbox" checked={draft.invert} onChange={(e) => update({ invert: e.target.checked })} />
        Invert the image (PERI’s invert)
      </label>
    </fieldset>
  );
}
