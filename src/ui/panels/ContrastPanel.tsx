import { useEffect, useState } from 'react';
import { CONTRAST_PRESETS } from '../render/contrast';
import { LUT_OPTIONS, lutGradient, type LutName } from '../render/lut';
import { useLucid } from '../store';
import { formatValue } from './format';
import { Histogram } from './Histogram';

/** Contrast limits (editable, auto from percentile presets), histogram and LUT. */
export function ContrastPanel() {
  const volume = useLucid((s) => s.volume);
  const clim = useLucid((s) => s.clim);
  const lut = useLucid((s) => s.lut);
  const preset = useLucid((s) => s.preset);
  const setClim = useLucid((s) => s.setClim);
  const setLut = useLucid((s) => s.setLut);
  const autoContrast = useLucid((s) => s.autoContrast);
  const [lo, setLo] = useState(formatValue(clim[0]));
  const [hi, setHi] = useState(formatValue(clim[1]));
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    setLo(formatValue(clim[0]));
    setHi(formatValue(clim[1]));
    setProblem(null);
  }, [clim]);

  if (!volume) return null;
  const apply = () => setProblem(setClim(Number(lo), Number(hi)));
  const onKey = (e: React.KeyboardEvent) => {
    if (e.key === 'Enter') apply();
  };

  return (
    <section className="panel contrast" aria-label="Contrast and colour map">
      <h2>Contrast</h2>
      <Histogram histogram={volume.stats.histogram} clim={clim} />
      <div className="limits">
        <label>
          min
          <input data-testid="clim-min" type="text" inputMode="decimal" value={lo}
            onChange={(e) => setLo(e.target.value)} onBlur={apply} onKeyDown={onKey} />
        </label>
        <label>
          max
          <input data-testid="clim-max" type="text" inputMode="decimal" value={hi}
            onChange={(e) => setHi(e.target.value)} onBlur={apply} onKeyDown={onKey} />
        </label>
      </div>
      {problem && <p className="field-error" role="alert">{problem}</p>}
      <div className="presets" role="group" aria-label="Auto contrast">
        {CONTRAST_PRESETS.map((p) => (
          <button key={p.id} type="button" className={p.id === preset ? 'active' : ''}
            title={`Auto contrast from the ${p.label} range of the volume`} onClick={() => autoContrast(p.id)}>
            {p.label}
          </button>
        ))}
      </div>
      <label className="lut-select">
        LUT
        <select data-testid="lut" value={lut} onChange={(e) => setLut(e.target.value as LutName)}>
          {LUT_OPTIONS.map((o) => (
            <option key={o.name} value={o.name}>{o.label}</option>
          ))}
        </select>
      </label>
      <div className="lut-swatch" style={{ background: lutGradient(lut) }} aria-hidden="true" />
      <dl className="stats">
        <dt>min</dt><dd>{formatValue(volume.stats.min)}</dd>
        <dt>max</dt><dd>{formatValue(volume.stats.max)}</dd>
        <dt>mean</dt><dd>{formatValue(volume.stats.mean)}</dd>
        <dt>std</dt><dd>{formatValue(volume.stats.std)}</dd>
      </dl>
    </section>
  );
}
