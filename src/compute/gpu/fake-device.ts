/**
 * Test double of GPUDevice for unit tests of the runtime (pool, pipeline cache, error scopes,
 * device loss): it records calls and lets a test inject errors, compilation messages and loss.
 * It executes nothing.
 */

export class FakeBuffer {
  readonly size: number;
  readonly usage: number;
  label: string;
  mapState: GPUBufferMapState;
  destroyed = false;
  private bytes: Uint8Array;

  constructor(desc: GPUBufferDescriptor) {
    this.size = desc.size;
    this.usage = desc.usage;
    this.label = desc.label ?? '';
    this.mapState = desc.mappedAtCreation ? 'mapped' : 'unmapped';
    this.bytes = new Uint8Array(desc.size);
  }

  destroy(): void {
    this.destroyed = true;
  }

  unmap(): void {
    this.mapState = 'unmapped';
  }

  mapAsync(): Promise<void> {
    this.mapState = 'mapped';
    return Promise.resolve();
  }

  getMappedRange(offset = 0, size = this.size - offset): ArrayBuffer {
    return this.bytes.buffer.slice(offset, offset + size) as ArrayBuffer;
  }
}

type ErrorKind = 'validation' | 'out-of-memory' | 'internal';

interface Scope {
  filter: GPUErrorFilter;
  error: { message: string } | null;
}

export interface FakeDeviceOptions {
  limits?: Partial<Record<keyof GPUSupportedLimits, number>>;
  /** Compilation messages for a shader's code (none by default). */
  compile?: (code: string) => Partial<GPUCompilationMessage>[];
}

const DEFAULT_LIMITS = {
  maxBufferSize: 1 << 28,
  maxStorageBufferBindingSize: 1 << 27,
  maxComputeWorkgroupsPerDimension: 65535,
  maxComputeWorkgroupStorageSize: 16384,
  maxComputeInvocationsPerWorkgroup: 256,
  maxComputeWorkgroupSizeX: 256,
};

export class FakeDevice {
  readonly limits: Record<string, number>;
  readonly buffers: FakeBuffer[] = [];
  readonly modules: { code: string }[] = [];
  readonly pipelines: GPUComputePipelineDescriptor[] = [];
  readonly uncaptured: string[] = [];
  /** Errors each submit raises, e.g. [['validation', 'bad binding']]. */
  submitErrors: [ErrorKind, string][] = [];
  /** When set, onSubmittedWorkDone waits for this promise. */
  workDone: Promise<void> | null = null;
  submits = 0;
  destroyed = false;
  readonly lost: Promise<GPUDeviceLostInfo>;
  private resolveLost!: (info: GPUDeviceLostInfo) => void;
  private readonly scopes: Scope[] = [];
  private readonly compile: (code: string) => Partial<GPUCompilationMessage>[];

  constructor(options: FakeDeviceOptions = {}) {
    this.limits = { ...DEFAULT_LIMITS, ...options.limits } as Record<string, number>;
    this.compile = options.compile ?? (() => []);
    this.lost = new Promise((resolve) => (this.resolveLost = resolve));
  }

  asDevice(): GPUDevice {
    return this as unknown as GPUDevice;
  }

  get scopeDepth(): number {
    return this.scopes.length;
  }

  loseDevice(reason: GPUDeviceLostReason = 'unknown', message = 'fake loss'): void {
    this.resolveLost({ reason, message } as GPUDeviceLostInfo);
  }

  raise(kind: ErrorKind, message: string): void {
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      const scope = this.scopes[i];
      if (scope.filter === kind) {
        scope.error ??= { message };
        return;
      }
    }
    this.uncaptured.push(message);
  }

  pushErrorScope(filter: GPUErrorFilter): void {
    this.scopes.push({ filter, error: null });
  }

  popErrorScope(): Promise<GPUError | null> {
    const scope = this.scopes.pop();
    if (!scope) return Promise.reject(new Error('OperationError: error scope stack is empty'));
    return Promise.resolve(scope.error as GPUError | null);
  }

  createBuffer(desc: GPUBufferDescriptor): GPUBuffer {
    const buffer = new FakeBuffer(desc);
    this.buffers.push(buffer);
    return buffer as unknown as GPUBuffer;
  }

  createShaderModule(desc: GPUShaderModuleDescriptor): GPUShaderModule {
    const messages = this.compile(desc.code).map((m) => ({ lineNum: 0, linePos: 0, ...m }));
    if (messages.some((m) => m.type === 'error')) this.raise('validation', 'Invalid ShaderModule');
    this.modules.push({ code: desc.code });
    return { getCompilationInfo: async () => ({ messages }) } as unknown as GPUShaderModule;
  }

  createComputePipeline(desc: GPUComputePipelineDescriptor): GPUComputePipeline {
    this.pipelines.push(desc);
    return { label: desc.label ?? '' } as GPUComputePipeline;
  }

  createCommandEncoder(): GPUCommandEncoder {
    return {
      finish: () => ({}) as GPUCommandBuffer,
      copyBufferToBuffer: () => undefined,
    } as unknown as GPUCommandEncoder;
  }

  get queue(): GPUQueue {
    return {
      submit: () => {
        this.submits++;
        for (const [kind, message] of this.submitErrors) this.raise(kind, message);
      },
      onSubmittedWorkDone: () => this.workDone ?? Promise.resolve(),
    } as unknown as GPUQueue;
  }

  addEventListener(): void {}

  destroy(): void {
    this.destroyed = true;
    this.resolveLost({ reason: 'destroyed', message: 'device destroyed' } as GPUDeviceLostInfo);
  }
}
