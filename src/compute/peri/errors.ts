/** Errors of the PERI components, each with a message meant for the user. */

export class PeriError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** A parameter name that a component does not own, or a malformed one. */
export class PeriParamError extends PeriError {}

/** A value that cannot be used (not finite, out of its domain, wrong count). */
export class PeriValueError extends PeriError {}

/** A component used before `setShape`, or arrays whose shapes do not match. */
export class PeriShapeError extends PeriError {}

/** A tile with non-integer bounds, or a copy that leaves the array. */
export class TileError extends PeriError {}
