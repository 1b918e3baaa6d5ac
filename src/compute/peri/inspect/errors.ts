/** Errors of the inspection tools (noise, Fourier view, projections): messages meant for the user. */
import { PeriError } from '../errors';

/** An array whose length does not match its shape, a bad option, or data that cannot be examined. */
export class InspectError extends PeriError {}
