/** TIFF input and output for Lucid's compute core (DOM-free: runs in the engine worker, Node tests and the CLI). */
export type { Volume, VolumeMetadata, VoxelSize, SourceDtype, LeadingAxis } from './volume';
export { voxelCount } from './volume';
export { inspectTiff } from './tiff-inspect';
export { readTiff, type ReadTiffOptions } from './tiff-read';
export { writeTiff, type WriteTiffOptions, type WritableVolume, type WriteDtype } from './tiff-writer';
export type { TiffSummary, TiffDims } from './tiff-summary';
export type { VolumeChoices } from './tiff-select';
export { TiffError, TiffChoiceRequiredError, ReadCancelledError, isTiffError, type TiffErrorCode, type TiffChoice } from './tiff-errors';
export { checkGpuFit, checkVolumeFits, DEFAULT_MAX_VOXELS, type GpuBufferLimits } from './limits';
