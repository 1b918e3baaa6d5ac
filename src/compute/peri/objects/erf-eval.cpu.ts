/** TS twin of the erf-eval kernel: the float64 erf on an array. */
import { erf } from './erf';

export function erfEvalCpu(xs: ArrayLike<number>): Float64Array {
  return Float64Array.from(xs, erf);
}
