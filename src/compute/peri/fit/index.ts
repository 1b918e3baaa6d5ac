/** Public API of the fitting engine (see README.md in this folder). */
export { LMEngine, type LMControl, type LMIteration, type TerminationStats } from './lm-engine';
export { LM_DEFAULTS, MAX_INNER_LOOP, resolveLMOptions, dampingVector, type LMOptions } from './lm-options';
export { ResidualFunctionProblem, forwardDifferences, type FitProblem, type JacobianResult } from './problem';
export { GlobalsProblem, ParticlesProblem, numPixelsForJ, randomSubset, legval } from './state-problems';
export { doLevmarq, doLevmarqParticles, doLevmarqAllParticleGroups, LMParticleGroupCollection } from './levmarq';
export { separateParticlesIntoGroups, calcParticleGroupRegionSize } from './groups';
export { burn, finish, burnGlobals, vectorizeDamping, type BurnMode, type BurnOptions, type FinishOptions, type ScheduleResult } from './schedules';
export { optimizeFromInitial, finishState, type RunnerResult, type StageRecord } from './runner';
export { stateCrb, crbFromJacobian, crbFromFisher, sigmaFromResiduals, modelDerivativeRows, type CrbResult } from './crb';
export {
  shouldParticleExist, checkAddParticles, checkRemoveParticle, removeBadParticles, addMissingParticles, addSubtract,
  radiusCutoffs, isNearImEdge,
} from './addsubtract';
export { identifyMisfeaturedRegions, addSubtractMisfeaturedTile, addSubtractLocally, otsuThreshold } from './misfeatured';
export { nameGlobals, type FitState } from './state-view';
export { resolveControl, type FitControl, type FitProgress } from './control';
export { FitInputError, FitNumericalError, FitUpdateMismatchError, FitCancelledError, FitRegionError } from './errors';
export { symmetricEigen, symmetricLstsq, symmetricInverse } from './linalg';
export { jjt, jr } from './jtj';
