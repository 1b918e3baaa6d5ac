/** Bad arguments to an element-wise operation (mismatched lengths, non-finite scalars); the message says which. */
export class ElementwiseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ElementwiseError';
  }
}

export function checkSameLength(op: string, xLength: number, yLength: number): void {
  if (xLength !== yLength) {
    throw new ElementwiseError(`${op}: x has ${xLength} values but y has ${yLength}; they must match`);
  }
}

export function checkFinite(op: string, what: string, v: number): void {
  if (!Number.isFinite(v)) throw new ElementwiseError(`${op}: ${what} must be a finite number, got ${v}`);
}

export function checkComplexLength(op: string, length: number): void {
  if (length % 2 !== 0) {
    throw new ElementwiseError(`${op}: complex data is interleaved (re, im) and needs an even length, got ${length}`);
  }
}

/** Clamp bounds may be infinite (a one-sided clamp) but not NaN, and lo ≤ hi. */
export function checkClampBounds(lo: number, hi: number): void {
  if (Number.isNaN(lo) || Number.isNaN(hi) || lo > hi) {
    throw new ElementwiseError(`clamp: bounds must be numbers with lo ≤ hi, got lo = ${lo}, hi = ${hi}`);
  }
}
