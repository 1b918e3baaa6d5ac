/** Normalising the unit spellings microscopy files use (ImageJ, OME, TIFF resolution tags). */

const LENGTH_UNITS: Record<string, string> = {
  um: 'µm', 'µm': 'µm', 'μm': 'µm', micron: 'µm', microns: 'µm', micrometer: 'µm', micrometre: 'µm',
  nm: 'nm', nanometer: 'nm', nanometre: 'nm',
  mm: 'mm', millimeter: 'mm', cm: 'cm', m: 'm', meter: 'm', metre: 'm',
  'å': 'Å', angstrom: 'Å', inch: 'inch', pm: 'pm',
};

/** Size of one unit in micrometres, for converting between lengths. */
const MICROMETRES: Record<string, number> = {
  pm: 1e-6, 'Å': 1e-4, nm: 1e-3, 'µm': 1, mm: 1e3, cm: 1e4, m: 1e6, inch: 25400,
};

const NO_UNIT = new Set(['', 'pixel', 'pixels', 'px', 'none']);

/** Replaces Java-style `\uXXXX` escapes (ImageJ writes `\u00B5m`). */
export function unescapeUnicode(text: string): string {
  return text.replace(/\\u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** 'micron', 'um', '\u00B5m' → 'µm'; 'pixel' or '' → null; unknown units are kept as written. */
export function normalizeLengthUnit(unit: string | undefined | null): string | null {
  if (unit == null) return null;
  const text = unescapeUnicode(unit).trim();
  const key = text.toLowerCase();
  if (NO_UNIT.has(key)) return null;
  return LENGTH_UNITS[key] ?? LENGTH_UNITS[text] ?? text;
}

/** Factor from `unit` to micrometres, or null for a unit that is not a known length. */
export function micrometresPer(unit: string): number | null {
  return MICROMETRES[unit] ?? null;
}

const SECONDS: Record<string, number> = {
  s: 1, sec: 1, second: 1, seconds: 1,
  ms: 1e-3, msec: 1e-3, millisecond: 1e-3, milliseconds: 1e-3,
  'µs': 1e-6, us: 1e-6, microsecond: 1e-6, microseconds: 1e-6,
  ns: 1e-9, min: 60, minute: 60, minutes: 60, h: 3600, hr: 3600, hour: 3600, hours: 3600,
};

/** Factor from a time unit to seconds (null when the unit is unknown). */
export function secondsPer(unit: string | undefined | null): number | null {
  if (unit == null) return 1;
  const key = unescapeUnicode(unit).trim();
  return SECONDS[key] ?? SECONDS[key.toLowerCase()] ?? null;
}

/** The unit as ImageJ writes it into a description: ASCII only, 'um' for micrometres. */
export function imageJUnit(unit: string): string {
  if (unit === 'µm') return 'um';
  return [...unit]
    .map((ch) => (ch.charCodeAt(0) < 128 ? ch : `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`))
    .join('');
}
