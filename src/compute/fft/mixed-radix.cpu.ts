/**
 * Pure-JS mixed-radix Stockham FFT for 2·3·5·7-smooth lengths, run on a block of lines at once:
 * between stages the data are "columns" (element k of line b at complex index k·cols + b), so every
 * butterfly's inner loop runs over the lines with stride-1 typed-array access and the stage's
 * twiddles are loaded once per butterfly, not once per line. Twiddles are
 * computed in float64, butterflies run in float64, stages store float32 (as PFFFT does). The first
 * stage reads the caller's array and the last writes it, whatever the strides (no transposes).
 */
import { radixScheduleOf } from './radix';
import { isSmoothSize } from './smooth';
import { radixStage, type Side } from './mixed-radix-stages.cpu';

/**
 * Radices in schedule order: 7 first (its first stage needs no twiddles, and it has the most per
 * butterfly), then 4 while it divides (fewest passes), 2, 3, 5.
 */
const RADICES = [7, 4, 2, 3, 5] as const;

export function mixedRadixSchedule(n: number): number[] {
  if (!isSmoothSize(n) || n < 2) throw new Error(`mixed-radix FFT: ${n} is not a 2·3·5·7-smooth length ≥ 2`);
  return radixScheduleOf(n, RADICES);
}

interface Stage {
  readonly radix: number;
  /** Product of the radices of the earlier stages (length of the sub-transforms done so far). */
  readonly span: number;
  /** W^(r·k) for k < span, r = 1…radix−1, with W = e^(−2πi/(span·radix)); [k][r−1] interleaved. */
  readonly twiddles: Float64Array;
}

/** Forward Stockham plan for one length, reusable for any number of columns ≤ COLUMN_BLOCK. */
export class MixedRadixPlan {
  readonly stages: readonly Stage[];
  /** The last stage's twiddles times `lastScale` (the scale rides on the last stage's multiplies). */
  private lastScale = 1;
  private scaledLast: Float64Array;

  constructor(readonly n: number) {
    let span = 1;
    this.stages = mixedRadixSchedule(n).map((radix) => {
      const twiddles = stageTwiddles(radix, span);
      const stage = { radix, span, twiddles };
      span *= radix;
      return stage;
    });
    this.scaledLast = this.stages[this.stages.length - 1].twiddles;
  }

  /**
   * Forward DFT times `scale` of `cols` columns read from `src` and written to `dst` (may overlap
   * `src`: the first stage reads all of src before the last one writes). Intermediate stages
   * ping-pong between two shared float32 column buffers. The scale costs two multiplies per
   * butterfly of the last stage (its twiddles are pre-scaled).
   */
  transform(src: Side, dst: Side, cols: number, scale = 1): void {
    const last = this.stages.length - 1;
    const [a, b] = columnBuffers(this.n * cols);
    let from = src;
    this.stages.forEach((s, i) => {
      const to = i === last ? dst : (i % 2 === 0 ? a : b);
      if (to !== dst) to.elem = 2 * cols;
      if (i === last && scale !== 1) radixStage(s.radix, from, to, this.n, s.span, cols, this.lastTwiddles(scale), scale);
      else radixStage(s.radix, from, to, this.n, s.span, cols, s.twiddles);
      from = to;
    });
  }

  private lastTwiddles(scale: number): Float64Array {
    if (scale !== this.lastScale) {
      this.scaledLast = this.stages[this.stages.length - 1].twiddles.map((w) => w * scale);
      this.lastScale = scale;
    }
    return this.scaledLast;
  }
}

function stageTwiddles(radix: number, span: number): Float64Array {
  const t = new Float64Array(2 * span * (radix - 1));
  const len = span * radix;
  for (let k = 0; k < span; k++) {
    for (let r = 1; r < radix; r++) {
      const angle = (-2 * Math.PI * ((r * k) % len)) / len;
      const i = 2 * (k * (radix - 1) + r - 1);
      t[i] = Math.cos(angle);
      t[i + 1] = Math.sin(angle);
    }
  }
  return t;
}

/** Lines per column block (two float32 buffers of 2·n·COLUMN_BLOCK values, in L1/L2). */
export const COLUMN_BLOCK = 16;

/** Where a batch of lines sits in an interleaved complex array (all in complex values). */
export interface LineLayout {
  /** Index of element 0 of line 0. */
  start: number;
  /** Distance between element 0 of consecutive lines. */
  lineStride: number;
  /** Distance between consecutive elements of a line. */
  elemStride: number;
  count: number;
}

/**
 * Unnormalised transform (times `scale`) of the lines of `src` laid out as `at` into the same places
 * of `dst` (may be `src`), COLUMN_BLOCK lines at a time. The inverse swaps real and imaginary parts
 * on the way in and out: swap ∘ DFT ∘ swap is the unnormalised inverse DFT.
 */
export function transformLines(plan: MixedRadixPlan, src: Float32Array, dst: Float32Array, at: LineLayout, inverse: boolean, scale = 1): void {
  const re = inverse ? 1 : 0;
  const elem = 2 * at.elemStride;
  const col = 2 * at.lineStride;
  for (let l0 = 0; l0 < at.count; l0 += COLUMN_BLOCK) {
    const cols = Math.min(COLUMN_BLOCK, at.count - l0);
    const base = 2 * (at.start + at.lineStride * l0);
    plan.transform(
      { a: src, re: base + re, im: base + 1 - re, elem, col },
      { a: dst, re: base + re, im: base + 1 - re, elem, col },
      cols,
      scale,
    );
  }
}

let shared: [Side, Side] | null = null;

/** The two shared column buffers, of at least 2·`size` floats each (JS is single-threaded). */
function columnBuffers(size: number): [Side, Side] {
  if (!shared || shared[0].a.length < 2 * size) {
    const len = Math.max(2 * size, 2 * (shared?.[0].a.length ?? 0));
    const side = (): Side => ({ a: new Float32Array(len), re: 0, im: 1, elem: 0, col: 2 });
    shared = [side(), side()];
  }
  return shared;
}
