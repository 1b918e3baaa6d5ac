/** Errors of the TIFF reader and writer: a stable `code` for the UI and a message a user can act on. */
import type { TiffSummary } from './tiff-summary';

export type TiffErrorCode =
  | 'not-tiff'
  | 'empty'
  | 'truncated'
  | 'corrupt'
  | 'unsupported-sample-format'
  | 'unsupported-compression'
  | 'unsupported-photometric'
  | 'palette'
  | 'bilevel'
  | 'complex'
  | 'rgb-choice'
  | 'channel-choice'
  | 'frame-choice'
  | 'page-size-mismatch'
  | 'page-format-mismatch'
  | 'too-large'
  | 'channel-out-of-range'
  | 'frame-out-of-range'
  | 'sample-out-of-range'
  | 'invalid-volume';

export class TiffError extends Error {
  override name = 'TiffError';
  constructor(
    readonly code: TiffErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export type TiffChoice = 'channel' | 'frame' | 'rgb';

/** The file holds more than one volume: the caller must pick a channel, a time point or an RGB sample. */
export class TiffChoiceRequiredError extends TiffError {
  override name = 'TiffChoiceRequiredError';
  constructor(
    readonly summary: TiffSummary,
    readonly missing: TiffChoice[],
    message: string,
  ) {
    super(missing[0] === 'channel' ? 'channel-choice' : missing[0] === 'frame' ? 'frame-choice' : 'rgb-choice', message);
  }
}

/** Reading was cancelled through its AbortSignal; `name` is 'AbortError' like a DOMException. */
export class ReadCancelledError extends Error {
  override name = 'AbortError';
  readonly code = 'cancelled';
  constructor(message = 'Reading the TIFF file was cancelled.') {
    super(message);
  }
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ReadCancelledError();
}

export function isTiffError(e: unknown): e is TiffError {
  return e instanceof TiffError;
}
