/**
 * Plotly figures of PERI's examine_unexplained_noise: density of r/RMS(r) and of Fourier-space
 * residuals against the unit Gaussian on a log axis (±xlim), and the radially averaged residual
 * power spectrum with the white-noise level RMS(r)² it would have.
 */
import type { NoiseExamination } from '../../workers/protocol';

export interface Figure {
  data: object[];
  layout: object;
}

const DARK = { paper_bgcolor: '#181c22', plot_bgcolor: '#0e1115', font: { color: '#d9dee6', size: 11 } };
const MARGIN = { l: 52, r: 10, t: 30, b: 36 };

/** Zero densities are dropped: a log axis cannot show them. */
function positive(x: number[], y: number[]): { x: number[]; y: number[] } {
  const keep = y.map((v, i) => (v > 0 ? i : -1)).filter((i) => i >= 0);
  return { x: keep.map((i) => x[i]), y: keep.map((i) => y[i]) };
}

function histogramFigure(title: string, h: NoiseExamination['real'], n: NoiseExamination): Figure {
  const xlim = -n.gaussian.t[0];
  return {
    data: [
      { type: 'scatter', mode: 'lines', line: { shape: 'hvh', color: '#4c9bff' }, name: 'residuals', ...positive(h.centers, h.density) },
      { type: 'scatter', mode: 'lines', line: { color: '#e2a336', dash: 'dash' }, name: 'Gauss fit', x: n.gaussian.t, y: n.gaussian.density },
    ],
    layout: {
      ...DARK, margin: MARGIN, title: { text: title }, showlegend: true, legend: { x: 0.98, xanchor: 'right', y: 0.98 },
      xaxis: { title: { text: 'r/σ' }, range: [-xlim, xlim] },
      yaxis: { title: { text: 'P(r/σ)' }, type: 'log' },
    },
  };
}

export function noiseFigures(n: NoiseExamination): { real: Figure; fourier: Figure; spectrum: Figure } {
  const s = n.spectrum;
  const level = n.rms.real ** 2;
  const pts = positive(s.k.slice(1), s.power.slice(1));
  return {
    real: histogramFigure(`Real-Space (RMS ${n.rms.real.toPrecision(3)})`, n.real, n),
    fourier: histogramFigure('Fourier-Space', n.fourier, n),
    spectrum: {
      data: [
        { type: 'scatter', mode: 'lines+markers', marker: { size: 3 }, line: { color: '#46a758' }, name: '⟨|r̂(k)|²⟩/N', ...pts },
        { type: 'scatter', mode: 'lines', line: { color: '#e2a336', dash: 'dash' }, name: 'white noise', x: [pts.x[0] ?? 0, pts.x.at(-1) ?? 1], y: [level, level] },
      ],
      layout: {
        ...DARK, margin: MARGIN, title: { text: 'Radially averaged residual power' }, showlegend: true, legend: { x: 0.98, xanchor: 'right', y: 0.98 },
        xaxis: { title: { text: '|k| (cycles / px)' } },
        yaxis: { title: { text: 'power' }, type: 'log' },
      },
    },
  };
}
