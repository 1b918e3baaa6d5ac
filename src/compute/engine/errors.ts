/** The engine's one error type and the mapping of every other error onto it. */
import { GpuDeviceLostError, GpuKernelError, GpuLimitError } from '../gpu/errors';
import { TiffChoiceRequiredError, TiffError, type TiffChoice } from '../io/tiff-errors';
import type { TiffSummary } from '../io/tiff-summary';

/** Serialisable form of an error, as it crosses the worker boundary. */
export interface EngineErrorPayload {
  code: string;
  message: string;
  details?: unknown;
}

/** Codes the engine itself produces; TIFF reader codes (`not-tiff`, `truncated`, …) pass through unchanged. */
export type EngineErrorCode =
  | 'cancelled'
  | 'choice-required'
  | 'unknown-volume'
  | 'out-of-range'
  | 'invalid-request'
  | 'no-gpu'
  | 'device-lost'
  | 'gpu-limit'
  | 'gpu-kernel'
  | 'worker-crashed'
  | 'engine-closed'
  | 'internal';

/** A failure with a user-facing message; `code` is stable for programs, `details` optional data. */
export class EngineError extends Error {
  override readonly name = 'EngineError';
  constructor(
    readonly code: EngineErrorCode | (string & {}),
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  toPayload(): EngineErrorPayload {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }

  static fromPayload(p: EngineErrorPayload): EngineError {
    return new EngineError(p.code, p.message, p.details);
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** `operation` in words, e.g. "opening the TIFF file". */
export function cancelledError(operation: string): EngineError {
  return new EngineError('cancelled', `${capitalise(operation)} was cancelled.`);
}

export function isCancellation(err: unknown): boolean {
  if (err instanceof EngineError) return err.code === 'cancelled';
  const name = (err as { name?: unknown } | null)?.name;
  return name === 'AbortError';
}

export function throwIfAborted(signal: AbortSignal | undefined, operation: string): void {
  if (signal?.aborted) throw cancelledError(operation);
}

function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return typeof err === 'string' ? err : String(err);
}

/** What a `choice-required` error carries: the file's summary and the choices still to make. */
export interface ChoiceRequiredDetails {
  summary: TiffSummary;
  missing: TiffChoice[];
}

/** Maps any thrown value onto an `EngineError`; `operation` in words names what failed. */
export function toEngineError(err: unknown, operation: string): EngineError {
  if (err instanceof EngineError) return err;
  if (isCancellation(err)) return cancelledError(operation);
  const message = errorMessage(err);
  if (err instanceof TiffChoiceRequiredError) {
    const details: ChoiceRequiredDetails = { summary: err.summary, missing: err.missing };
    return new EngineError('choice-required', message, details);
  }
  if (err instanceof TiffError) return new EngineError(err.code, message);
  if (err instanceof GpuLimitError) return new EngineError('gpu-limit', message);
  if (err instanceof GpuKernelError) return new EngineError('gpu-kernel', message);
  if (err instanceof GpuDeviceLostError) {
    return new EngineError('device-lost', `${capitalise(operation)} failed: ${message}`);
  }
  return new EngineError('internal', `${capitalise(operation)} failed unexpectedly: ${message}`);
}
