/** Scale bar: the longest "nice" length (1, 2 or 5 × 10^k) that fits a target width on screen. */

export interface ScaleBar {
  /** Bar width on screen, CSS px. */
  widthPx: number;
  /** Text under the bar, e.g. "5 µm". */
  label: string;
}

const METRIC: readonly { unit: string; perMicron: number }[] = [
  { unit: 'nm', perMicron: 1000 },
  { unit: 'µm', perMicron: 1 },
  { unit: 'mm', perMicron: 0.001 },
];

/** Normalises common spellings of micrometre. */
export function normaliseUnit(unit: string | null): string | null {
  if (unit === null) return null;
  const u = unit.trim();
  if (u === '') return null;
  if (['um', 'µm', 'μm', 'micron', 'microns', 'micrometer', 'micrometre'].includes(u.toLowerCase())) return 'µm';
  return u;
}

/** Largest 1/2/5 × 10^k not above `limit` (limit > 0). */
export function niceLength(limit: number): number {
  if (!(limit > 0) || !Number.isFinite(limit)) throw new RangeError(`niceLength: limit must be positive, got ${limit}`);
  const p = 10 ** Math.floor(Math.log10(limit));
  for (const m of [5, 2, 1]) if (m * p <= limit * (1 + 1e-9)) return m * p;
  return p;
}

function formatNumber(v: number): string {
  return Number(v.toPrecision(3)).toString();
}

/**
 * A bar for a view showing `pxPerUnit` screen px per physical unit `unit` (null: voxels, labelled
 * "px"). Metric lengths switch between nm, µm and mm so that the number stays readable.
 */
export function scaleBar(pxPerUnit: number, unit: string | null, targetPx = 120): ScaleBar | null {
  if (!(pxPerUnit > 0) || !Number.isFinite(pxPerUnit)) return null;
  const length = niceLength(targetPx / pxPerUnit);
  const widthPx = length * pxPerUnit;
  const u = normaliseUnit(unit);
  if (u === null) return { widthPx, label: `${formatNumber(length)} px` };
  const from = METRIC.find((m) => m.unit === u);
  if (!from) return { widthPx, label: `${formatNumber(length)} ${u}` };
  const microns = length / from.perMicron;
  const to = microns < 1 ? METRIC[0] : microns >= 1000 ? METRIC[2] : METRIC[1];
  return { widthPx, label: `${formatNumber(microns * to.perMicron)} ${to.unit}` };
}
