/** CPU twin of the complex N-D FFT (see fft.ts for the conventions). */
import { transformAxisCpu } from './axis.cpu';
import { lineFft, MixedRadixLine } from './line-fft.cpu';
import { checkAxes, checkLength, checkShape, voxelCount3, type FftAxis, type Shape3 } from './shape';

export interface FftPlanCpu {
  readonly shape: Shape3;
  readonly axes: FftAxis[];
  /** Unnormalised forward transform of interleaved complex data (length 2·N), in place. */
  forward(inout: Float32Array): void;
  /** Inverse transform normalised by 1/N (N = product of the transformed lengths), in place. */
  inverse(inout: Float32Array): void;
}

export function planFftCpu(shape: Shape3, axes?: readonly number[]): FftPlanCpu {
  const s = checkShape(shape);
  const ax = checkAxes(axes);
  const active = ax.filter((a) => s[a] > 1);
  for (const a of active) lineFft(s[a]);
  const scale = 1 / active.reduce<number>((p, a) => p * s[a], 1);
  const length = 2 * voxelCount3(s);
  const run = (inout: Float32Array, inverse: boolean) => {
    checkLength(inout, length, `complex array for an FFT of shape ${s.join('×')}`);
    transformCpu(inout, inout, s, active, inverse, inverse ? scale : 1);
  };
  return {
    shape: s,
    axes: ax,
    forward: (inout) => run(inout, false),
    inverse: (inout) => run(inout, true),
  };
}

/**
 * Unchecked transform along the `active` axes (lengths > 1) from `input` to `output` (may be the
 * same array; `input` is not modified otherwise), then a multiplication by `scale`.
 */
export function transformCpu(
  input: Float32Array,
  output: Float32Array,
  shape: Shape3,
  active: readonly FftAxis[],
  inverse: boolean,
  scale: number,
): void {
  const axes = [...active].reverse();
  if (axes.length === 0 && input !== output) output.set(input);
  const scaled = scaledAxis(axes, shape);
  withFloat64View(output, (out) => {
    axes.forEach((a, i) => {
      const s = i === scaled ? scale : 1;
      if (i > 0 || input === output) transformAxisCpu(out, out, shape, a, inverse, s);
      else withFloat64View(input, (inp) => transformAxisCpu(inp, out, shape, a, inverse, s));
    });
  });
  if (scale !== 1 && scaled < 0) for (let i = 0; i < output.length; i++) output[i] *= scale;
}

/**
 * The pass (index into `axes`) on the JS mixed-radix engine that applies the scale, folded into the
 * twiddles of its last stage for free; −1 when there is none (then a final pass scales; scaling
 * blocks in the PFFFT path's heap measured no faster than that pass).
 */
function scaledAxis(axes: readonly FftAxis[], shape: Shape3): number {
  return axes.findIndex((a) => lineFft(shape[a]) instanceof MixedRadixLine);
}

/** Runs `fn` on a float64 view (one complex value per element) of the interleaved array. */
function withFloat64View(a: Float32Array, fn: (d: Float64Array) => void): void {
  if (a.byteOffset % 8 === 0) {
    fn(new Float64Array(a.buffer, a.byteOffset, a.length / 2));
    return;
  }
  const copy = a.slice();
  fn(new Float64Array(copy.buffer, 0, copy.length / 2));
  a.set(copy);
}
