import { useState } from 'react';
import { dismissChoice, openWithChoice, type FileChoice } from '../engine/open-volume';
import { lucidStore, useLucid } from '../store';
import type { ChoiceRequest } from '../store/status-slice';

type RgbMode = 'luminance' | 0 | 1 | 2;
const RGB_MODES: { value: RgbMode; label: string }[] = [
  { value: 'luminance', label: 'Luminance' },
  { value: 0, label: 'Red' },
  { value: 1, label: 'Green' },
  { value: 2, label: 'Blue' },
];

/** Which choices to offer: from the summary when the engine sent one, else from `missing`. */
function needed(c: ChoiceRequest) {
  const s = c.summary;
  return {
    channels: s?.choices.channel ? s.dims.c : c.missing.includes('channel') ? 1 : 0,
    frames: s?.choices.frame ? s.dims.t : c.missing.includes('frame') ? 1 : 0,
    rgb: s ? s.choices.rgb : c.missing.includes('rgb'),
  };
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

/** Asks for the channel (4-D/5-D), time point (5-D) or RGB handling of a file that needs one. */
export function ChoiceDialog() {
  const choice = useLucid((s) => s.choice);
  if (!choice) return null;
  return <ChoiceForm key={choice.fileName} choice={choice} />;
}

function ChoiceForm({ choice }: { choice: ChoiceRequest }) {
  const [channel, setChannel] = useState(0);
  const [frame, setFrame] = useState(0);
  const [rgb, setRgb] = useState<RgbMode>('luminance');
  const need = needed(choice);
  const dims = choice.summary?.dims;
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const pick: FileChoice = {};
    if (need.channels > 0) pick.channel = channel;
    if (need.frames > 0) pick.frame = frame;
    if (need.rgb) pick.rgb = rgb;
    void openWithChoice(lucidStore, pick);
  };
  return (
    <div className="overlay">
      <form className="choice" role="dialog" aria-label={`Open ${choice.fileName}`} data-testid="choice-dialog" onSubmit={submit}>
        <h2>Open {choice.fileName}</h2>
        <p className="choice-message">{choice.message}</p>
        {dims && (
          <p className="choice-dims">
            c {dims.c} · t {dims.t} · z {dims.z} · y {dims.y} · x {dims.x}
            {choice.summary && ` · ${choice.summary.dtype}`}
          </p>
        )}
        {need.channels > 0 && (
          <label>Channel
            <select data-testid="choice-channel" value={channel} onChange={(e) => setChannel(Number(e.target.value))}>
              {range(need.channels).map((c) => <option key={c} value={c}>C{c + 1}</option>)}
            </select>
          </label>
        )}
        {need.frames > 0 && (
          <label>Time point
            <select data-testid="choice-frame" value={frame} onChange={(e) => setFrame(Number(e.target.value))}>
              {range(need.frames).map((t) => <option key={t} value={t}>t = {t}</option>)}
            </select>
          </label>
        )}
        {need.rgb && (
          <fieldset>
            <legend>Colour samples</legend>
            {RGB_MODES.map((m) => (
              <label key={String(m.value)} className="radio">
                <input type="radio" name="rgb" checked={rgb === m.value} onChange={() => setRgb(m.value)} />
                {m.label}
              </label>
            ))}
          </fieldset>
        )}
        <div className="choice-buttons">
          <button type="button" onClick={() => dismissChoice(lucidStore)}>Cancel</button>
          <button type="submit" className="primary" data-testid="choice-open">Open</button>
        </div>
      </form>
    </div>
  );
}
