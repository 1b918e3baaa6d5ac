/**
 * Which backend runs the work, and its life cycle: lazy start, user choice, device loss (recreate the
 * context, or fall back to the CPU and say why), and the retry of an operation that hit a loss.
 */
import { GpuRecoveryError, withDeviceRecovery } from '../gpu/recovery';
import { EngineError } from './errors';
import type { BackendChoice, BackendInfo, EngineEvent } from './types';

/** What the manager needs of a GPU context (`GpuContext` fits; tests use fakes). */
export interface ManagedContext {
  readonly adapterName: string;
  readonly limits: { readonly maxStorageBufferBindingSize: number; readonly maxBufferSize: number };
  readonly lost: Promise<GPUDeviceLostInfo>;
  /** True once lost or destroyed. */
  readonly isLost: boolean;
  readonly device: { destroy(): void };
  destroy(): void;
}

/** The backend is the CPU (from the start, or after a loss whose device could not be recreated). */
class OnCpuNow extends Error {}

export type BackendPreference = BackendChoice | 'auto';

type State<C> = { kind: 'webgpu'; ctx: C } | { kind: 'cpu'; reason: string };

export interface BackendManagerOptions<C> {
  gpu: GPU | null;
  preference: BackendPreference;
  createContext: (gpu: GPU) => Promise<C>;
  emit: (event: EngineEvent) => void;
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export function describeBackend(state: State<ManagedContext>): BackendInfo {
  if (state.kind === 'cpu') return { kind: 'cpu', reason: state.reason };
  const { adapterName, limits } = state.ctx;
  return {
    kind: 'webgpu',
    adapterName,
    maxStorageBufferBindingSize: limits.maxStorageBufferBindingSize,
    maxBufferSize: limits.maxBufferSize,
  };
}

export class BackendManager<C extends ManagedContext> {
  private state: State<C> | null = null;
  private transition: Promise<void> | null = null;
  private preference: BackendPreference;
  /** Contexts that are gone: lost, or destroyed on purpose (their `lost` promise is then ignored). */
  private readonly retired = new WeakSet<C>();

  constructor(private readonly opts: BackendManagerOptions<C>) {
    this.preference = opts.preference;
  }

  async info(): Promise<BackendInfo> {
    return describeBackend(await this.settled());
  }

  /** The live GPU context, or null on the CPU backend. */
  async context(): Promise<C | null> {
    const state = await this.settled();
    return state.kind === 'webgpu' ? state.ctx : null;
  }

  /** Takes effect for every request that arrives after this call, even before it resolves. */
  async setPreference(preference: BackendPreference): Promise<BackendInfo> {
    this.chainTransition(async () => {
      this.preference = preference;
      if (this.state?.kind === 'webgpu') this.retire(this.state.ctx);
      this.state = null;
      await this.start();
    });
    const info = describeBackend(await this.settled());
    this.opts.emit({ type: 'backend', backend: info, message: `Backend set to ${preference}.` });
    return info;
  }

  /**
   * Runs `operation` on the active backend. If the device is lost during the GPU path, the manager
   * recreates it (or falls back to the CPU) and runs the operation once more (`withDeviceRecovery`);
   * a second loss is reported as a `device-lost` error naming the operation.
   */
  async run<T>(operation: string, onGpu: (ctx: C) => Promise<T>, onCpu: () => Promise<T>): Promise<{ value: T; backend: BackendChoice }> {
    try {
      const value = await withDeviceRecovery((lost?: C) => this.contextAfter(operation, lost), onGpu, { retries: 1 });
      return { value, backend: 'webgpu' };
    } catch (err) {
      const cause = err instanceof GpuRecoveryError ? err.cause : err;
      if (cause instanceof OnCpuNow) return { value: await onCpu(), backend: 'cpu' };
      if (err instanceof GpuRecoveryError) {
        throw new EngineError('device-lost', `The GPU device was lost during ${operation}, and the work could not be completed on a new device: ${err.message}`);
      }
      throw err;
    }
  }

  /** The live context, after starting the replacement of `lost`; throws `OnCpuNow` on the CPU backend. */
  private async contextAfter(operation: string, lost?: C): Promise<C> {
    if (lost) this.handleLoss(lost, `the GPU device was lost during ${operation}`);
    const state = await this.settled();
    if (state.kind === 'cpu') throw new OnCpuNow();
    return state.ctx;
  }

  /** Debug/test: destroys the device as a driver reset would, and waits until the engine recovered. */
  async simulateLoss(): Promise<BackendInfo> {
    const state = await this.settled();
    if (state.kind === 'cpu') {
      throw new EngineError('no-gpu', `There is no GPU device to lose: the engine runs on the CPU fallback (${state.reason}).`);
    }
    state.ctx.device.destroy();
    this.handleLoss(state.ctx, 'the GPU device was lost (simulated)');
    return describeBackend(await this.settled());
  }

  dispose(): void {
    if (this.state?.kind === 'webgpu') this.retire(this.state.ctx);
    this.state = { kind: 'cpu', reason: 'the engine was shut down' };
  }

  /** The current state once any start, switch or recovery in progress has finished. */
  private async settled(): Promise<State<C>> {
    for (;;) {
      if (this.transition) {
        await this.transition;
        continue;
      }
      if (this.state) return this.state;
      this.chainTransition(() => this.start());
    }
  }

  /** Runs `work` after any transition in progress; `settled()` waits for both. */
  private chainTransition(work: () => Promise<void>): void {
    const previous = this.transition ?? Promise.resolve();
    const next: Promise<void> = previous.catch(() => undefined).then(work).finally(() => {
      if (this.transition === next) this.transition = null;
    });
    this.transition = next;
  }

  private async start(): Promise<void> {
    const { gpu } = this.opts;
    if (this.preference === 'cpu') {
      this.state = { kind: 'cpu', reason: 'forced' };
      return;
    }
    const requested = this.preference === 'webgpu' ? 'WebGPU was requested but ' : '';
    if (!gpu) {
      this.state = { kind: 'cpu', reason: `${requested}no WebGPU adapter (WebGPU is not available here)` };
      return;
    }
    try {
      this.adopt(await this.opts.createContext(gpu));
    } catch (err) {
      this.state = { kind: 'cpu', reason: `${requested}no WebGPU adapter (${messageOf(err)})` };
    }
  }

  private adopt(ctx: C): void {
    this.state = { kind: 'webgpu', ctx };
    ctx.lost.then(
      (info) => this.handleLoss(ctx, `the GPU device was lost (${info.reason}${info.message ? `: ${info.message}` : ''})`),
      () => undefined,
    );
  }

  private retire(ctx: C): void {
    this.retired.add(ctx);
    try {
      ctx.destroy();
    } catch {
      // Destroying a context whose device is already gone may throw; it is gone either way.
    }
  }

  /** Idempotent: the first report of a context's loss starts its replacement; later ones are ignored. */
  private handleLoss(ctx: C, why: string): void {
    if (this.retired.has(ctx)) return;
    this.retire(ctx);
    if (this.state?.kind !== 'webgpu' || this.state.ctx !== ctx) return;
    this.chainTransition(() => this.recreate(this.opts.gpu, why));
  }

  private async recreate(gpu: GPU | null, why: string): Promise<void> {
    try {
      if (!gpu) throw new Error('no WebGPU entry point');
      const ctx = await this.opts.createContext(gpu);
      this.adopt(ctx);
      this.emit(`${capitalise(why)}; a new device was created on ${ctx.adapterName}.`);
    } catch (err) {
      this.state = { kind: 'cpu', reason: `device lost and could not be recreated (${messageOf(err)})` };
      this.emit(`${capitalise(why)} and could not be recreated (${messageOf(err)}); continuing on the CPU.`);
    }
  }

  private emit(message: string): void {
    if (this.state) this.opts.emit({ type: 'backend', backend: describeBackend(this.state), message });
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
