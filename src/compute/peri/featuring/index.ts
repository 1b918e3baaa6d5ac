/** Public API of particle featuring (see README.md in this folder). */
export { localMaxFeaturing, sphereFootprint, bandPass, type Features, type LocalMaxOptions } from './local-max';
export { featureGuess, featureGuessImage, guessInvert, guessAddRadii, defaultMinmass, type FeatureGuessOptions, type Guess } from './feature-guess';
export { locateSpheres, smoothFieldResiduals, type LocateOptions } from './locate';
export { gaussianFilter, uniformFilter, label, boundaryIndex, type BoundaryMode } from './ndimage';
export { FeaturingError } from './errors';
