/** Errors of the featuring code, with messages meant for the user. */
import { PeriError } from '../errors';

/** Bad featuring input: a radius ≤ 0, an image whose length does not match its shape… */
export class FeaturingError extends PeriError {}
