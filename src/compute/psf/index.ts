/** Optics-based PSF models (DOM-free): special functions, quadrature, exact confocal PSFs. */
export { besselJ0, besselJ1, besselJ2, besselJ012 } from './bessel';
export type { Bessel012 } from './bessel';
export { gaussLegendre, gaussLaguerre, gaussHermite, lineScanQuadrature, LINE_SCAN_SCALES, QuadratureError } from './quadrature';
export type { Quadrature } from './quadrature';
export { OpticsError, angularRule, radialTable, phaseTable, focalIntensities, checkLens } from './vectorial';
export type { LensOptics, AngularRule, RadialTable, FocalIntensities } from './vectorial';
export { ConfocalPsfEvaluator, detectionSpectrum } from './confocal-exact';
export type { ConfocalOptics, ConfocalScan, DetectionSpectrum, EvaluatorOptions, QuadrantGrid } from './confocal-exact';
export { distinctValues, focalIntensitiesPacked, packPhase, packRadial } from './focal-packed';
export type { PackedPhase, PackedRadial } from './focal-packed';
export { ExactConfocalPsf, driftAt } from './confocal-depth';
export type { ConfocalGeometry, DriftLine, Support3 } from './confocal-depth';
export { chebyshevNodes, chebyshevCoefficients, chebyshevT, chebyshevWeights, toChebyshevCoordinate } from './chebyshev';
export type { Window } from './chebyshev';
