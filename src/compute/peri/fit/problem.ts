/**
 * The narrow interface the LM engine fits (PERI's LMEngine subclasses reduce to it): a vector of
 * named parameters, an update that returns the total error, residuals on the pixel set J is
 * taken over, and J itself. `ResidualFunctionProblem` wraps a plain residual function (classic
 * test problems, small models); the PERI-state problems live in `state-problems.ts`.
 */
import { FitCancelledError, FitInputError, FitNumericalError } from './errors';
import type { CompactRows } from './jacobian';
import type { JacobianRows } from './jtj';

export interface DenseJacobianResult {
  /** ∂r/∂p, one row per parameter over the pixels of `residuals()` (r = data − model). */
  rows: JacobianRows;
  /**
   * Optional gradient of the total error to use while J is fresh (PERI's LMGlobals: the full-image
   * finite-difference gradient of the error, rescaled to J's pixel subset). Default 2·J·r.
   */
  costGradient?: Float64Array;
}

/** J whose rows vanish outside boxes of the residuals' 3-D layout, stored on the boxes. */
export interface CompactJacobianResult {
  compact: CompactRows;
  costGradient?: Float64Array;
}

export type JacobianResult = DenseJacobianResult | CompactJacobianResult;

export interface FitProblem {
  /** Names of the fitted parameters, in the order of every vector below. */
  readonly params: readonly string[];
  /** Current values (a copy). */
  values(): Float64Array;
  /** Sets every fitted parameter, brings the model up to date, returns the total error Σr². */
  update(values: Float64Array): number;
  /** Total error at the current values. */
  error(): number;
  /** Residuals on J's pixel set at the current values (a copy). */
  residuals(): Float64Array;
  /** J at the current values; the values are the same afterwards. May pick a new pixel set. */
  jacobian(signal?: AbortSignal): JacobianResult;
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new FitCancelledError();
}

export function checkFiniteError(err: number, what: string): number {
  if (!Number.isFinite(err)) throw new FitNumericalError(`${what} gave a non-finite error (${err}): the model has NaN or infinite values at these parameters`);
  return err;
}

export interface ForwardDifferenceHooks {
  n: number;
  /** The perturbation of each parameter. */
  dl: number | ArrayLike<number>;
  /**
   * PERI's `rts` ("return to start"): true puts each parameter back before the next one; false
   * leaves it at +dl, so parameter k is differentiated with parameters < k shifted.
   */
  rts: boolean;
  /** The value of parameter i now. */
  get(i: number): number;
  /** Sets parameter i alone (a local update where the model allows it). */
  set(i: number, value: number): void;
  /** Called after each model change; returns the quantity to differentiate (a copy). */
  read(): Float64Array;
  /** Called once at the end with the start values when rts is false (one update, see README). */
  restoreAll(start: Float64Array): void;
  signal?: AbortSignal;
}

/** Forward differences (f(p + dl) − f(p))/dl, one row per parameter, PERI's `_grad_one_param`. */
export function forwardDifferences(h: ForwardDifferenceHooks): Float64Array[] {
  const start = Float64Array.from({ length: h.n }, (_, i) => h.get(i));
  const rows: Float64Array[] = [];
  try {
    let f0 = h.read();
    for (let i = 0; i < h.n; i++) {
      throwIfAborted(h.signal);
      const dl = typeof h.dl === 'number' ? h.dl : h.dl[i];
      const v = h.get(i);
      h.set(i, v + dl);
      const f1 = h.read();
      const row = new Float64Array(f1.length);
      for (let k = 0; k < row.length; k++) row[k] = (f1[k] - f0[k]) / dl;
      rows.push(row);
      if (h.rts) h.set(i, v);
      else f0 = f1;
    }
  } finally {
    if (!h.rts) h.restoreAll(start);
  }
  return rows;
}

export interface ResidualFunctionOptions {
  names?: readonly string[];
  /** Finite-difference step. Default PERI's 2e-5. */
  dl?: number;
  /** Analytic ∂r/∂p (rows = parameters), used instead of finite differences when given. */
  jacobian?: (p: Float64Array) => Float64Array[];
}

/** A problem given by r(p) (residuals over all points); J by forward differences or analytic. */
export class ResidualFunctionProblem implements FitProblem {
  readonly params: readonly string[];
  /** Number of r(p) evaluations, for tests and benchmarks. */
  evaluations = 0;
  private p: Float64Array;
  private r: Float64Array;
  private err: number;
  private readonly dl: number;

  constructor(
    private readonly fn: (p: Float64Array) => ArrayLike<number>,
    p0: ArrayLike<number>,
    private readonly opts: ResidualFunctionOptions = {},
  ) {
    if (p0.length === 0) throw new FitInputError('a fit needs at least one parameter');
    this.params = opts.names ? [...opts.names] : Array.from({ length: p0.length }, (_, i) => `p${i}`);
    if (this.params.length !== p0.length) throw new FitInputError(`${this.params.length} names for ${p0.length} parameters`);
    this.dl = opts.dl ?? 2e-5;
    this.p = Float64Array.from(p0);
    this.r = this.evaluate(this.p);
    this.err = checkFiniteError(sumSquares(this.r), 'the starting parameters');
  }

  values(): Float64Array {
    return this.p.slice();
  }

  update(values: Float64Array): number {
    if (values.length !== this.p.length) throw new FitInputError(`update got ${values.length} values for ${this.p.length} parameters`);
    this.p = Float64Array.from(values);
    this.r = this.evaluate(this.p);
    this.err = checkFiniteError(sumSquares(this.r), 'a parameter update');
    return this.err;
  }

  error(): number {
    return this.err;
  }

  residuals(): Float64Array {
    return this.r.slice();
  }

  jacobian(signal?: AbortSignal): DenseJacobianResult {
    if (this.opts.jacobian) return { rows: this.opts.jacobian(this.p.slice()) };
    const p = this.p.slice();
    return {
      rows: forwardDifferences({
        n: p.length,
        dl: this.dl,
        rts: true,
        get: (i) => p[i],
        set: (i, v) => {
          p[i] = v;
          this.update(p);
        },
        read: () => this.residuals(),
        restoreAll: (start) => this.update(start),
        signal,
      }),
    };
  }

  private evaluate(p: Float64Array): Float64Array {
    this.evaluations++;
    return Float64Array.from(this.fn(p));
  }
}

export function sumSquares(r: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < r.length; i++) s += r[i] * r[i];
  return s;
}
