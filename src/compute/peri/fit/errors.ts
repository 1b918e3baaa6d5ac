/** Errors of the fitting engine, each with a message meant for the user. */
import { PeriError } from '../errors';

/** Options or inputs the fit cannot use (bad damping, empty parameter list, wrong lengths…). */
export class FitInputError extends PeriError {}

/** NaN or infinite numbers in J, JJᵀ, a step or the residuals (PERI's FloatingPointError). */
export class FitNumericalError extends PeriError {}

/**
 * Putting the parameters back did not give back the same error (PERI's "Function updates are not
 * exact"): the model's updates are not reproducible, so the fit cannot trust its bookkeeping.
 */
export class FitUpdateMismatchError extends PeriError {}

/** The fit was cancelled; the state holds the best accepted parameters when this is thrown. */
export class FitCancelledError extends PeriError {
  constructor(message = 'the fit was cancelled; the state keeps the best parameters found so far') {
    super(message);
  }
}

/** A misfeatured region with too many particles in it (PERI's max_allowed_remove). */
export class FitRegionError extends PeriError {}
