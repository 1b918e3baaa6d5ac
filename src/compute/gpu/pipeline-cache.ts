import { GpuKernelError } from './errors';
import { resolveIncludes, WgslIncludeError } from './wgsl';

/** The part of GPUDevice the cache needs (a fake in unit tests). */
export interface PipelineDevice {
  createShaderModule(descriptor: GPUShaderModuleDescriptor): GPUShaderModule;
  createComputePipeline(descriptor: GPUComputePipelineDescriptor): GPUComputePipeline;
  pushErrorScope(filter: GPUErrorFilter): void;
  popErrorScope(): Promise<GPUError | null>;
}

interface ModuleEntry {
  module: GPUShaderModule;
  /** Formatted compilation errors, or null when the module compiled. */
  errors: Promise<string | null>;
}

interface PipelineEntry {
  kernel: string;
  pipeline: GPUComputePipeline;
  error: GpuKernelError | null;
  settled: Promise<void>;
}

/**
 * Compute pipelines keyed by (code hash, entry point, constants), with their shader modules keyed
 * by code hash. `//!include` lines of the code are resolved first (wgsl.ts). Compilation is checked
 * asynchronously; `verify` waits for the checks and `get` throws at once for a pipeline already
 * known to be broken.
 */
export class PipelineCache {
  private readonly device: PipelineDevice;
  private readonly modules = new Map<string, ModuleEntry>();
  private readonly pipelines = new Map<string, PipelineEntry>();
  private readonly unsettled = new Set<PipelineEntry>();

  constructor(device: PipelineDevice) {
    this.device = device;
  }

  get size(): number {
    return this.pipelines.size;
  }

  get(kernel: string, source: string, entryPoint = 'main', constants?: Record<string, number>) {
    const code = withIncludes(kernel, source);
    const key = pipelineKey(code, entryPoint, constants);
    const cached = this.pipelines.get(key);
    if (cached) {
      if (cached.error) throw new GpuKernelError(kernel, 'compilation', cached.error.detail);
      return cached.pipeline;
    }
    const entry = this.create(kernel, code, entryPoint, constants);
    this.pipelines.set(key, entry);
    return entry.pipeline;
  }

  /** Waits for pending compilation checks; throws the failure of a pipeline made for `kernel`. */
  async verify(kernel: string): Promise<void> {
    await Promise.all([...this.unsettled].map((e) => e.settled));
    for (const entry of this.pipelines.values()) {
      if (entry.error && entry.kernel === kernel) throw entry.error;
    }
  }

  private create(
    kernel: string,
    code: string,
    entryPoint: string,
    constants: Record<string, number> | undefined,
  ): PipelineEntry {
    const device = this.device;
    device.pushErrorScope('validation');
    const { module, errors } = this.module(kernel, code);
    const pipeline = device.createComputePipeline({
      label: kernel,
      layout: 'auto',
      compute: constants ? { module, entryPoint, constants } : { module, entryPoint },
    });
    const scope = device.popErrorScope();
    const entry: PipelineEntry = { kernel, pipeline, error: null, settled: Promise.resolve() };
    entry.settled = Promise.all([errors, scope]).then(
      ([compileErrors, gpuError]) => {
        const detail = compileErrors ?? gpuError?.message ?? null;
        if (detail) entry.error = new GpuKernelError(kernel, 'compilation', detail);
      },
      (cause: unknown) => {
        entry.error = new GpuKernelError(kernel, 'compilation', String(cause), { cause });
      },
    ).finally(() => this.unsettled.delete(entry));
    this.unsettled.add(entry);
    return entry;
  }

  private module(kernel: string, code: string): ModuleEntry {
    const key = hashCode(code);
    let entry = this.modules.get(key);
    if (!entry) {
      const module = this.device.createShaderModule({ label: kernel, code });
      const info = module.getCompilationInfo?.() ?? Promise.resolve({ messages: [] });
      const errors = info.then((i) => formatCompilationErrors(code, i.messages));
      entry = { module, errors };
      this.modules.set(key, entry);
    }
    return entry;
  }
}

function withIncludes(kernel: string, source: string): string {
  try {
    return resolveIncludes(source);
  } catch (error) {
    if (error instanceof WgslIncludeError) throw new GpuKernelError(kernel, 'compilation', error.message, { cause: error });
    throw error;
  }
}

/** 53-bit string hash (cyrb53), as 14 hex digits plus the length. */
export function hashCode(code: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < code.length; i++) {
    const c = code.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const hash = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return `${hash.toString(16).padStart(14, '0')}-${code.length}`;
}

export function pipelineKey(
  code: string,
  entryPoint: string,
  constants?: Record<string, number>,
): string {
  const consts = constants
    ? Object.keys(constants).sort().map((k) => `${k}=${constants[k]}`).join(',')
    : '';
  return `${hashCode(code)}|${entryPoint}|${consts}`;
}

/** "line L:C: message" plus the offending WGSL line, for each error; null when there is none. */
export function formatCompilationErrors(
  code: string,
  messages: readonly GPUCompilationMessage[],
): string | null {
  const errors = messages.filter((m) => m.type === 'error');
  if (errors.length === 0) return null;
  const lines = code.split(/\r\n|\r|\n/);
  return errors
    .map((m) => {
      if (!m.lineNum) return m.message;
      const source = lines[m.lineNum - 1]?.trim() ?? '';
      return `line ${m.lineNum}:${m.linePos}: ${m.message}\n  ${m.lineNum} | ${source}`;
    })
    .join('\n');
}
