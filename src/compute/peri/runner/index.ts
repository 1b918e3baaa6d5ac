/** Public API of PERI's runner workflows and the fit diagnostics (see README.md in this folder). */
export {
  SCHEDULES, runSchedule, featureFromPosRad, translateParticles, translateFeaturing, getParticlesFeaturing,
  type ScheduleName, type ScheduleOptions, type WorkflowResult, type FromPositionsOptions, type TranslateOptions, type ReFeatureOptions,
} from './workflows';
export { stateOnNewImage, imageLike, globalValues, stateFileOf, type StateSource, type CarryOverOptions } from './carry-over';
export { fitComp, type FitCompResult } from './fit-comp';
export {
  whiteNoiseDiagnostics, residualDiagnostics, residualMoments, shellScores,
  type WhiteNoiseDiagnostics, type ShellScore, type DiagnosticsInput, type DiagnosticsOptions,
} from './diagnostics';
export { parsePositions, radiiFor, PositionsFormatError, type PositionList } from './positions';
export { progressLogger, formatProgress, formatStages, radiiSummary, diagnosticsSummary } from './progress-log';
export { RunnerInputError } from './errors';
