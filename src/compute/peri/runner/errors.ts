/** Errors of the runner workflows, each with a message meant for the user. */
import { PeriError } from '../errors';

/** Options or inputs a workflow cannot use (unknown schedule, bad radius, components that do not fit). */
export class RunnerInputError extends PeriError {}
