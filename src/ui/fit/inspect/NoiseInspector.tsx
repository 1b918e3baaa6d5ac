import Plotly from 'plotly.js-cartesian-dist-min';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { NoiseExamination } from '../../../workers/protocol';
import { getEngine } from '../../engine/engine';
import { useLucid } from '../../store';
import { noiseFigures, type Figure } from '../noise-traces';
import { errorText } from '../session-actions';

const CONFIG = { displaylogo: false, responsive: true };

function Plot({ figure, id }: { figure: Figure; id: string }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const div = el.current;
    if (!div) return;
    void Plotly.react(div, figure.data, figure.layout, CONFIG);
  }, [figure]);
  useEffect(() => () => {
    if (el.current) Plotly.purge(el.current);
  }, []);
  return <div ref={el} className="noise-plot" data-testid={`noise-${id}`} />;
}

/** PERI's examine_unexplained_noise plus the residual power spectrum, for the current state. */
export default function NoiseInspector() {
  const info = useLucid((s) => s.session);
  const fitting = useLucid((s) => s.fitProgress !== null);
  const [noise, setNoise] = useState<NoiseExamination | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!info || fitting) return;
    let live = true;
    getEngine().periNoise(info.sessionId).then(
      (n) => live && (setNoise(n), setProblem(null)),
      (err: unknown) => live && setProblem(errorText(err)),
    );
    return () => void (live = false);
  }, [info?.sessionId, info?.version, fitting]);

  const figures = useMemo(() => (noise ? noiseFigures(noise) : null), [noise]);
  if (problem) return <p className="field-error" data-testid="noise-error">{problem}</p>;
  if (!figures) return <div className="empty-state">Examining the residuals…</div>;
  const f = figures;
  return (
    <div className="noise-grid" data-testid="noise-inspector">
      <Plot figure={f.real} id="real" />
      <Plot figure={f.fourier} id="fourier" />
      <Plot figure={f.spectrum} id="spectrum" />
    </div>
  );
}
