/** Errors of the GPU runtime. Each message is written for the person using the app. */

export class GpuError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** No WebGPU adapter or device could be obtained. */
export class GpuUnavailableError extends GpuError {}

export type GpuKernelFailure = 'compilation' | 'validation' | 'out-of-memory' | 'internal';

/** A kernel failed to compile, failed validation or ran out of GPU memory. */
export class GpuKernelError extends GpuError {
  readonly kernel: string;
  readonly failure: GpuKernelFailure;
  /** The message as reported by the WebGPU implementation. */
  readonly detail: string;

  constructor(kernel: string, failure: GpuKernelFailure, detail: string, options?: { cause?: unknown }) {
    super(`GPU kernel "${kernel}" ${describeFailure(failure)}: ${detail}`, options);
    this.kernel = kernel;
    this.failure = failure;
    this.detail = detail;
  }
}

function describeFailure(failure: GpuKernelFailure): string {
  switch (failure) {
    case 'compilation': return 'failed to compile';
    case 'validation': return 'failed WebGPU validation';
    case 'out-of-memory': return 'ran out of GPU memory';
    case 'internal': return 'hit an internal GPU error';
  }
}

/** A request goes past one of the device's limits. */
export class GpuLimitError extends GpuError {
  readonly limit: string;
  readonly value: number;
  readonly requested: number;

  constructor(limit: string, value: number, requested: number, what: string, unit = 'bytes') {
    super(
      `${what} needs ${formatCount(requested)} ${unit} but this GPU's ${limit} is ` +
        `${formatCount(value)} ${unit}`,
    );
    this.limit = limit;
    this.value = value;
    this.requested = requested;
  }
}

/** The device was lost (driver reset, GPU removed, context destroyed) while work was pending. */
export class GpuDeviceLostError extends GpuError {
  readonly reason: string;
  readonly kernel: string | null;

  constructor(kernel: string | null, reason: string, message: string) {
    const where = kernel ? ` while running "${kernel}"` : '';
    super(`The GPU device was lost${where} (${reason}${message ? `: ${message}` : ''})`);
    this.reason = reason;
    this.kernel = kernel;
  }
}

function formatCount(n: number): string {
  return Number.isInteger(n) ? n.toLocaleString('en-US') : String(n);
}
