/**
 * The state and the building blocks of PERI's LMEngine: damping vector, J / JJᵀ and their
 * refreshes (full, Broyden rank-1, eigen-direction), the LM step with optional geodesic
 * acceleration, expected error and the stopping criteria. `LMEngine` (lm-engine.ts) adds the runs.
 */
import { FitNumericalError, FitUpdateMismatchError } from './errors';
import { norm, symmetricLstsq } from './linalg';
import { broydenUpdate, eigenDirectionUpdate } from './lm-jacobian-updates';
import { LM_DEFAULTS, dampingVector, resolveLMOptions, type LMOptions, type ResolvedLMOptions } from './lm-options';
import { dampedJtj, expectedError, lmStep } from './lm-step';
import { Jacobian } from './jacobian';
import { hasNonFinite } from './jtj';
import type { FitProblem } from './problem';

export interface LMIteration {
  iteration: number;
  error: number;
}

export interface LMControl {
  signal?: AbortSignal;
  /** Called after every outer iteration. */
  onIteration?: (it: LMIteration) => void;
  /** Warnings PERI logs ("Stuck!"). */
  onWarning?: (message: string) => void;
}

export interface TerminationStats {
  deltaVals: Float64Array;
  deltaErr: number;
  fracErr: number;
  numIter: number;
  error: number;
  expErr: number;
  modelCosine?: number;
}

/** Absolute + relative tolerance of PERI's "updates are not exact" checks (float32 models drift). */
const EXACT_ABS = 1e-6;
const EXACT_REL = 1e-6;

export class LMCore {
  readonly opts: ResolvedLMOptions;
  readonly n: number;
  damping: Float64Array;
  paramVals!: Float64Array;
  error = 0;
  /** Counters for tests, benchmarks and progress. */
  readonly counts = { jacobians: 0, broyden: 0, eig: 0, stuck: 0, goodSteps: 0, accel: 0 };
  protected lastVals!: Float64Array;
  protected lastError = 0;
  protected lastResiduals: Float64Array | null = null;
  protected J: Jacobian | null = null;
  protected JTJ: Float64Array | null = null;
  protected costGradient: Float64Array | null = null;
  protected freshJTJ = false;
  protected expErr = 0;
  protected numIter = 0;
  protected innerRunCounter = 0;
  protected jUpdateCounter: number;
  protected hasRun = false;

  constructor(
    readonly problem: FitProblem,
    options: LMOptions = {},
    readonly control: LMControl = {},
  ) {
    this.opts = resolveLMOptions(options);
    this.n = problem.params.length;
    if (this.n === 0) throw new FitNumericalError('the LM engine needs at least one parameter');
    this.damping = dampingVector(options.damping ?? LM_DEFAULTS.damping, this.n);
    this.jUpdateCounter = this.opts.updateJFrequency;
    this.setErrParamvals();
  }

  /** PERI's `reset`: counters back to zero, values and error read again, optional new damping. */
  reset(newDamping?: number | ArrayLike<number>): void {
    this.numIter = 0;
    this.innerRunCounter = 0;
    this.jUpdateCounter = this.opts.updateJFrequency;
    this.freshJTJ = false;
    this.hasRun = false;
    if (newDamping !== undefined) this.damping = dampingVector(newDamping, this.n);
    this.setErrParamvals();
  }

  getTerminationStats(getCos = false): TerminationStats {
    const deltaVals = this.lastVals.map((v, i) => v - this.paramVals[i]);
    const deltaErr = this.lastError - this.error;
    const stats: TerminationStats = {
      deltaVals,
      deltaErr,
      fracErr: deltaErr / this.error,
      numIter: this.numIter,
      error: this.error,
      expErr: this.expErr,
    };
    if (getCos) stats.modelCosine = this.calcModelCosine();
    return stats;
  }

  checkCompletion(): boolean {
    const o = this.opts;
    const t = this.getTerminationStats(o.costol !== null);
    let done = t.deltaVals.every((d) => Math.abs(d) < o.paramtol);
    done ||= t.deltaErr < o.errtol;
    done ||= t.expErr < o.exptol;
    done ||= t.fracErr < o.fractol;
    if (o.costol !== null && t.modelCosine !== undefined) done ||= t.modelCosine < o.costol;
    return done;
  }

  checkTerminate(): boolean {
    if (!this.hasRun) return false;
    return this.checkCompletion() || this.numIter >= this.opts.maxIter;
  }

  /** PERI's mode 'err': √(1 − expected error / error) for the undamped step. */
  calcModelCosine(): number {
    const jtj = this.requireJtj();
    const grad = this.calcGrad();
    const delta = lmStep(jtj, grad, this.n, this.opts.minEigval).delta;
    const sine2 = expectedError(this.error, grad, jtj, delta, this.n) / this.error;
    return Math.sqrt(1 - sine2);
  }

  // ── J and its updates ──────────────────────────────────────────────────────

  /** PERI: refresh J when due, else Broyden / eigen-direction updates. */
  protected refreshJ(): void {
    if (this.checkUpdateJ()) {
      this.updateJ();
      return;
    }
    if (this.checkBroydenJ()) this.updateBroydenJ();
    if (this.checkUpdateEigJ()) this.updateEigJ();
  }

  protected checkUpdateJ(): boolean {
    this.jUpdateCounter++;
    return this.jUpdateCounter >= this.opts.updateJFrequency && !this.freshJTJ;
  }

  protected checkBroydenJ(): boolean {
    return this.opts.broydenUpdate && !this.freshJTJ && this.innerRunCounter % this.opts.broydenUpdateFrequency === 0;
  }

  protected checkUpdateEigJ(): boolean {
    return this.opts.eigUpdate && !this.freshJTJ && this.innerRunCounter % this.opts.eigUpdateFrequency === 0;
  }

  protected updateJ(): void {
    const res = this.problem.jacobian(this.control.signal);
    this.counts.jacobians++;
    this.J = 'compact' in res ? Jacobian.fromCompact(res.compact) : Jacobian.fromRows(res.rows);
    this.costGradient = res.costGradient ?? null;
    this.JTJ = this.J.jjt();
    if (hasNonFinite(this.JTJ)) throw new FitNumericalError('J and JJᵀ have NaN or infinite values');
    this.freshJTJ = true;
    this.jUpdateCounter = 0;
    const grad = this.calcGrad();
    const delta = lmStep(this.JTJ, grad, this.n, this.opts.minEigval).delta;
    this.expErr = this.error - expectedError(this.error, grad, this.JTJ, delta, this.n);
  }

  protected updateBroydenJ(): void {
    if (!this.J || !this.lastResiduals) return;
    const jtj = this.requireJtj();
    if (broydenUpdate(this.J, this.paramVals, this.lastVals, this.problem.residuals(), this.lastResiduals, jtj)) {
      this.counts.broyden++;
      if (hasNonFinite(jtj)) throw new FitNumericalError('the Broyden update gave NaN or infinite values in JJᵀ');
    }
  }

  protected updateEigJ(): void {
    if (!this.J) return;
    const o = this.opts;
    eigenDirectionUpdate(this.J, this.requireJtj(), this.n, o.numEigDirs, o.eigDl, this.paramVals, this.problem);
    this.counts.eig++;
    if (hasNonFinite(this.requireJtj())) throw new FitNumericalError('the eigen-direction update gave NaN or infinite values in JJᵀ');
    this.problem.update(this.paramVals);
  }

  protected calcGrad(): Float64Array {
    if (this.freshJTJ && this.costGradient) return this.costGradient;
    if (!this.J) throw new FitNumericalError('the LM gradient was requested before J was computed');
    return this.jTimes(this.problem.residuals()).map((v) => 2 * v);
  }

  protected jTimes(r: Float64Array): Float64Array {
    if (!this.J) throw new FitNumericalError('J·r was requested before J was computed');
    return this.J.times(r);
  }

  // ── steps and damping ─────────────────────────────────────────────────────

  protected findLMUpdates(grad: Float64Array, correctDamping: boolean): Float64Array {
    let damped = dampedJtj(this.requireJtj(), this.n, this.damping, this.opts);
    let delta = lmStep(damped, grad, this.n, this.opts.minEigval).delta;
    if (this.opts.useAccel) {
      const corr = this.accelCorrection(damped, delta);
      if (norm(corr) / norm(delta) < this.opts.maxAccelCorrection) {
        this.counts.accel++;
        delta = add(delta, corr);
      } else if (correctDamping) {
        this.increaseDamping();
        damped = dampedJtj(this.requireJtj(), this.n, this.damping, this.opts);
        delta = lmStep(damped, grad, this.n, this.opts.minEigval).delta;
      }
    }
    if (hasNonFinite(delta)) throw new FitNumericalError('the calculated LM step has NaN or infinite values');
    return delta;
  }

  /** Geodesic acceleration: −½·(JJᵀ + λD)⁺·J·(r(p+δ) + r(p−δ) − 2r(p)). */
  protected accelCorrection(damped: Float64Array, delta: Float64Array): Float64Array {
    this.problem.update(this.paramVals);
    const r0 = this.problem.residuals();
    this.problem.update(add(this.paramVals, delta));
    const r1 = this.problem.residuals();
    this.problem.update(add(this.paramVals, delta, -1));
    const r2 = this.problem.residuals();
    for (let k = 0; k < r0.length; k++) r0[k] = r1[k] + r2[k] - 2 * r0[k];
    const corr = symmetricLstsq(damped, this.jTimes(r0), this.n, this.opts.minEigval).x;
    return corr.map((v) => -0.5 * v);
  }

  protected increaseDamping(): void {
    this.damping = this.damping.map((d) => d * this.opts.increaseDampFactor);
  }

  protected decreaseDamping(undo = false): void {
    const f = this.opts.decreaseDampFactor;
    this.damping = this.damping.map((d) => (undo ? d * f : d / f));
  }

  protected updateParamVals(delta: Float64Array): void {
    this.lastVals = this.paramVals.slice();
    this.paramVals = add(this.paramVals, delta);
    this.freshJTJ = false;
  }

  protected setErrParamvals(): void {
    this.error = this.problem.error();
    this.lastError = (1 + 2 * this.opts.fractol) * this.error;
    this.paramVals = this.problem.values();
    this.lastVals = this.paramVals.slice();
  }

  protected requireJtj(): Float64Array {
    if (!this.JTJ) throw new FitNumericalError('JJᵀ was requested before J was computed');
    return this.JTJ;
  }

  protected checkExact(got: number, expected: number): void {
    if (Math.abs(got - expected) > EXACT_ABS + EXACT_REL * Math.abs(expected)) {
      throw new FitUpdateMismatchError(`putting the parameters back gave error ${got}, not ${expected}: the model's updates are not exact`);
    }
  }

  /** On cancellation, put the state back at the accepted values before rethrowing. */
}

export function add(a: Float64Array, b: Float64Array, sign = 1): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] + sign * b[i];
  return out;
}
