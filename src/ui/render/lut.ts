/** Lookup tables (256 RGBA entries) and the value → colour mapping used by every slice view. */

export type LutName = 'grey' | 'bone' | 'inverted' | 'diverging';

export const LUT_OPTIONS: readonly { name: LutName; label: string }[] = [
  { name: 'grey', label: 'Grey' },
  { name: 'bone', label: 'Bone' },
  { name: 'inverted', label: 'Inverted grey' },
  { name: 'diverging', label: 'Diverging (blue–white–red)' },
];

export const LUT_SIZE = 256;

/** Colour stops: position in [0, 1] and an RGB triple in [0, 1]. */
type Stop = readonly [number, number, number, number];

// Matplotlib's "bone": grey with a blue tint in the shadows.
const BONE_STOPS: readonly Stop[] = [
  [0, 0, 0, 0],
  [0.365079, 0.319444, 0.319444, 0.444444],
  [0.746032, 0.652778, 0.777778, 0.777778],
  [1, 1, 1, 1],
];

// ColorBrewer RdBu, reversed so that negative values are blue and positive values red.
const DIVERGING_STOPS: readonly Stop[] = [
  [0, 0x05 / 255, 0x30 / 255, 0x61 / 255],
  [0.125, 0x21 / 255, 0x66 / 255, 0xac / 255],
  [0.25, 0x43 / 255, 0x93 / 255, 0xc3 / 255],
  [0.375, 0x92 / 255, 0xc5 / 255, 0xde / 255],
  [0.5, 0xf7 / 255, 0xf7 / 255, 0xf7 / 255],
  [0.625, 0xf4 / 255, 0xa5 / 255, 0x82 / 255],
  [0.75, 0xd6 / 255, 0x60 / 255, 0x4d / 255],
  [0.875, 0xb2 / 255, 0x18 / 255, 0x2b / 255],
  [1, 0x67 / 255, 0x00 / 255, 0x1f / 255],
];

const GREY_STOPS: readonly Stop[] = [
  [0, 0, 0, 0],
  [1, 1, 1, 1],
];

const INVERTED_STOPS: readonly Stop[] = [
  [0, 1, 1, 1],
  [1, 0, 0, 0],
];

function interpolate(stops: readonly Stop[], t: number): [number, number, number] {
  let k = 1;
  while (k < stops.length - 1 && stops[k][0] < t) k++;
  const a = stops[k - 1];
  const b = stops[k];
  const f = b[0] === a[0] ? 0 : (t - a[0]) / (b[0] - a[0]);
  return [a[1] + f * (b[1] - a[1]), a[2] + f * (b[2] - a[2]), a[3] + f * (b[3] - a[3])];
}

function stopsFor(name: LutName): readonly Stop[] {
  switch (name) {
    case 'grey': return GREY_STOPS;
    case 'bone': return BONE_STOPS;
    case 'inverted': return INVERTED_STOPS;
    case 'diverging': return DIVERGING_STOPS;
  }
}

const cache = new Map<LutName, Uint8ClampedArray>();

/** The 256-entry RGBA table of a LUT (cached; do not modify). */
export function lutTable(name: LutName): Uint8ClampedArray {
  const hit = cache.get(name);
  if (hit) return hit;
  const stops = stopsFor(name);
  const table = new Uint8ClampedArray(LUT_SIZE * 4);
  for (let i = 0; i < LUT_SIZE; i++) {
    const [r, g, b] = interpolate(stops, i / (LUT_SIZE - 1));
    table.set([Math.round(r * 255), Math.round(g * 255), Math.round(b * 255), 255], i * 4);
  }
  cache.set(name, table);
  return table;
}

/** Colour shown for NaN voxels (a muted magenta, as in napari's "bad" colour idea). */
export const NAN_RGBA: readonly [number, number, number, number] = [120, 0, 120, 255];

/**
 * Maps values to colours: `lo` → entry 0, `hi` → entry 255, clamped outside; NaN gets `NAN_RGBA`.
 * `out` holds 4 bytes per value. When `hi <= lo` everything at or above `lo` is bright.
 */
export function applyLut(
  values: Float32Array,
  lo: number,
  hi: number,
  table: Uint8ClampedArray,
  out: Uint8ClampedArray,
): void {
  if (out.length < values.length * 4) {
    throw new RangeError(`applyLut: output holds ${out.length / 4} pixels, ${values.length} needed`);
  }
  const span = hi - lo;
  const scale = span > 0 ? (LUT_SIZE - 1) / span : 0;
  const top = LUT_SIZE - 1;
  for (let i = 0, o = 0; i < values.length; i++, o += 4) {
    const v = values[i];
    let k: number;
    if (v !== v) {
      out[o] = NAN_RGBA[0]; out[o + 1] = NAN_RGBA[1]; out[o + 2] = NAN_RGBA[2]; out[o + 3] = NAN_RGBA[3];
      continue;
    }
    if (scale === 0) k = v >= lo ? top : 0;
    else {
      k = Math.round((v - lo) * scale);
      k = k < 0 ? 0 : k > top ? top : k;
    }
    const t = k * 4;
    out[o] = table[t]; out[o + 1] = table[t + 1]; out[o + 2] = table[t + 2]; out[o + 3] = 255;
  }
}

/** CSS gradient of a LUT, for the swatch next to the selector. */
export function lutGradient(name: LutName, steps = 8): string {
  const table = lutTable(name);
  const parts: string[] = [];
  for (let s = 0; s <= steps; s++) {
    const i = Math.round((s / steps) * (LUT_SIZE - 1)) * 4;
    parts.push(`rgb(${table[i]},${table[i + 1]},${table[i + 2]}) ${((s / steps) * 100).toFixed(0)}%`);
  }
  return `linear-gradient(to right, ${parts.join(', ')})`;
}
