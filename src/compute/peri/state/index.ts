/** Public API of PERI states (see src/compute/peri/README.md, "Models and state"). */
export { PeriState, DEFAULT_PAD, DEFAULT_SIGMA, type PeriStateOptions } from './state';
export { createState, fromStateFile, imageOptionsOf, type CreateStateOptions } from './create';
export { rawImage, DEFAULT_EXPOSURE, type PeriImage, type RawImageOptions, type RawImageSource } from './raw-image';
export { PeriStateError, PeriImageError } from './errors';
export type { UpdateOutcome, UpdateKind } from './model-engine';
