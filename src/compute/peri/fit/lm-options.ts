/**
 * Options of the Levenberg–Marquardt engine with PERI's names (camelCase) and PERI's defaults
 * (`LMEngine.__init__` in peri/opt/optimize.py), and their validation.
 */
import { FitInputError } from './errors';

export interface LMOptions {
  /** λ, a number or one value per parameter (the damping vector). PERI: 1. */
  damping?: number | ArrayLike<number>;
  /** λ ×= this after a failed step. PERI: 3. */
  increaseDampFactor?: number;
  /** λ /= this after a step that worked with less damping. PERI: 8. */
  decreaseDampFactor?: number;
  /** rcond of the least-squares solve. PERI: 1e-13. */
  minEigval?: number;
  /** Damping matrix λ·diag(JJᵀ) (Marquardt) instead of λ·I (Levenberg). PERI: false. */
  marquardtDamping?: boolean;
  /** If set, λ·max(diag(JJᵀ), this) (Transtrum). PERI: null. */
  transtrumDamping?: number | null;
  /** Geodesic acceleration (Transtrum & Sethna). PERI: false. */
  useAccel?: boolean;
  /** Keep the acceleration only if |correction|/|step| < this. PERI: 1. */
  maxAccelCorrection?: number;
  /** Stop when every |Δp| < this. PERI: 1e-6. */
  paramtol?: number;
  /** Stop when the error decreased by less than this. PERI: 1e-5. */
  errtol?: number;
  /** Stop when the linear model expects a decrease below this. PERI: 1e-3. */
  exptol?: number;
  /** Stop when Δerror/error < this. PERI: 1e-6. */
  fractol?: number;
  /** Stop when the model cosine falls below this (null: not checked). PERI: null. */
  costol?: number | null;
  /** Outer iterations (J refreshes). PERI: 5. */
  maxIter?: number;
  /** Steps per J in the internal run. PERI: 5. */
  runLength?: number;
  /** Refresh J every this many outer iterations. PERI: 1. */
  updateJFrequency?: number;
  broydenUpdate?: boolean;
  eigUpdate?: boolean;
  eigUpdateFrequency?: number;
  numEigDirs?: number;
  eigDl?: number;
  broydenUpdateFrequency?: number;
}

export type ResolvedLMOptions = Required<Omit<LMOptions, 'damping' | 'transtrumDamping' | 'costol'>> & {
  transtrumDamping: number | null;
  costol: number | null;
};

export const LM_DEFAULTS: ResolvedLMOptions & { damping: number } = {
  damping: 1,
  increaseDampFactor: 3,
  decreaseDampFactor: 8,
  minEigval: 1e-13,
  marquardtDamping: false,
  transtrumDamping: null,
  useAccel: false,
  maxAccelCorrection: 1,
  paramtol: 1e-6,
  errtol: 1e-5,
  exptol: 1e-3,
  fractol: 1e-6,
  costol: null,
  maxIter: 5,
  runLength: 5,
  updateJFrequency: 1,
  broydenUpdate: true,
  eigUpdate: false,
  eigUpdateFrequency: 3,
  numEigDirs: 8,
  eigDl: 1e-5,
  broydenUpdateFrequency: 1,
};

/** PERI's number of damping increases before it gives up on a step ("Stuck!"). */
export const MAX_INNER_LOOP = 15;

function positive(name: string, v: number): number {
  if (!(Number.isFinite(v) && v > 0)) throw new FitInputError(`LM option ${name} must be a finite number > 0, got ${v}`);
  return v;
}

function nonNegative(name: string, v: number): number {
  if (!(Number.isFinite(v) && v >= 0)) throw new FitInputError(`LM option ${name} must be a finite number ≥ 0, got ${v}`);
  return v;
}

function count(name: string, v: number, min: number): number {
  if (!(Number.isInteger(v) && v >= min)) throw new FitInputError(`LM option ${name} must be an integer ≥ ${min}, got ${v}`);
  return v;
}

/** The tolerances may be any real number (PERI compares with <), but not NaN. */
function tolerance(name: string, v: number): number {
  if (Number.isNaN(v)) throw new FitInputError(`LM option ${name} must be a number, got NaN`);
  return v;
}

export function resolveLMOptions(o: LMOptions): ResolvedLMOptions {
  const d = LM_DEFAULTS;
  const r: ResolvedLMOptions = {
    increaseDampFactor: positive('increaseDampFactor', o.increaseDampFactor ?? d.increaseDampFactor),
    decreaseDampFactor: positive('decreaseDampFactor', o.decreaseDampFactor ?? d.decreaseDampFactor),
    minEigval: nonNegative('minEigval', o.minEigval ?? d.minEigval),
    marquardtDamping: o.marquardtDamping ?? d.marquardtDamping,
    transtrumDamping: o.transtrumDamping == null ? null : nonNegative('transtrumDamping', o.transtrumDamping),
    useAccel: o.useAccel ?? d.useAccel,
    maxAccelCorrection: positive('maxAccelCorrection', o.maxAccelCorrection ?? d.maxAccelCorrection),
    paramtol: tolerance('paramtol', o.paramtol ?? d.paramtol),
    errtol: tolerance('errtol', o.errtol ?? d.errtol),
    exptol: tolerance('exptol', o.exptol ?? d.exptol),
    fractol: tolerance('fractol', o.fractol ?? d.fractol),
    costol: o.costol == null ? null : tolerance('costol', o.costol),
    maxIter: count('maxIter', o.maxIter ?? d.maxIter, 0),
    runLength: count('runLength', o.runLength ?? d.runLength, 0),
    updateJFrequency: count('updateJFrequency', o.updateJFrequency ?? d.updateJFrequency, 1),
    broydenUpdate: o.broydenUpdate ?? d.broydenUpdate,
    eigUpdate: o.eigUpdate ?? d.eigUpdate,
    eigUpdateFrequency: count('eigUpdateFrequency', o.eigUpdateFrequency ?? d.eigUpdateFrequency, 1),
    numEigDirs: count('numEigDirs', o.numEigDirs ?? d.numEigDirs, 0),
    eigDl: positive('eigDl', o.eigDl ?? d.eigDl),
    broydenUpdateFrequency: count('broydenUpdateFrequency', o.broydenUpdateFrequency ?? d.broydenUpdateFrequency, 1),
  };
  return r;
}

/** The damping vector: a scalar broadcast to n parameters, or n positive values. */
export function dampingVector(damping: number | ArrayLike<number>, n: number): Float64Array {
  const v = typeof damping === 'number' ? new Float64Array(n).fill(damping) : Float64Array.from(damping);
  if (v.length !== n) throw new FitInputError(`the damping vector has ${v.length} values for ${n} parameters`);
  v.forEach((x, i) => {
    if (!(Number.isFinite(x) && x >= 0)) throw new FitInputError(`damping[${i}] must be a finite number ≥ 0, got ${x}`);
  });
  return v;
}
