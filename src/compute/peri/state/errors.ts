/** Errors of the PERI state, with messages meant for the user. */
import { PeriError } from '../errors';

/** A state built or used inconsistently (missing component, bad image, empty undo stack…). */
export class PeriStateError extends PeriError {}

/** An image that cannot be used as PERI's RawImage (bad crop tile, exposure, shape). */
export class PeriImageError extends PeriError {}
