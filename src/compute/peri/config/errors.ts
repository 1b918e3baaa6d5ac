/** Errors of configuration and state files: each names the offending field. */
import { PeriError } from '../errors';

export class PeriConfigError extends PeriError {
  /** Path of the bad field, e.g. `components[1].args.npts`. */
  readonly field: string;

  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.field = field;
  }
}

/** Runs `f`; any PERI error it throws becomes a PeriConfigError for `field`. */
export function atField<T>(field: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof PeriConfigError) throw e;
    if (e instanceof PeriError) throw new PeriConfigError(field, e.message);
    throw e;
  }
}
