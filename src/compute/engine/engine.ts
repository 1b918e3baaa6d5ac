/**
 * The engine: owns the compute backend (a GpuContext or the CPU twins) and the open volumes, and
 * answers small requests about them. DOM-free: runs in the engine worker, in Node tests and the CLI.
 */
import { GpuContext } from '../gpu/context';
import { checkGpuFit, inspectTiff, readTiff, type TiffSummary } from '../io';
import type { Volume } from '../io/volume';
import { computeVolumeStats, type VolumeStats } from '../reduce/volume-stats';
import { BackendManager, type BackendPreference, type ManagedContext } from './backend';
import { STATS_BINS, toDisplayStats } from './display-stats';
import { EngineError, throwIfAborted, toEngineError } from './errors';
import { checkArrayInput, toArrayBuffer } from './inputs';
import type { Featurer, FitRunner } from './peri-session-adapters';
import { PeriSessions } from './peri-sessions';
import { extractSlice, readVoxel } from './slices';
import type {
  BackendChoice,
  BackendInfo,
  EngineEvent,
  OpenArrayOptions,
  OpenTiffOptions,
  Plane,
  RequestControl,
  Slice,
  VolumeInfo,
} from './types';
import { VolumeRegistry } from './volume-registry';

export interface EngineOptions {
  /** `navigator.gpu` in a worker, `createNodeGpu()` in Node, null for the CPU only. */
  gpu: GPU | null;
  /** Use this backend instead of WebGPU-when-available. */
  forceBackend?: BackendChoice;
  /** Test seam: how a GPU context is made (default `GpuContext.create`). */
  createContext?: (gpu: GPU) => Promise<GpuContext>;
  /** Test seams for the fitting sessions (default: PERI's featuring and fitter when available). */
  featurer?: Featurer | null;
  fitRunner?: FitRunner | null;
}

/** Share of an open's progress bar taken by reading the file; the statistics take the rest. */
const READ_SHARE = 0.85;

export class Engine {
  private readonly volumes = new VolumeRegistry();
  private readonly listeners = new Set<(e: EngineEvent) => void>();
  private readonly backend: BackendManager<GpuContext & ManagedContext>;
  /** PERI fitting sessions on open volumes (peri-sessions.ts). */
  readonly peri: PeriSessions;

  constructor(opts: EngineOptions) {
    this.backend = new BackendManager({
      gpu: opts.gpu,
      preference: opts.forceBackend ?? 'auto',
      createContext: opts.createContext ?? ((gpu) => GpuContext.create(gpu, { label: 'lucid-engine' })),
      emit: (e) => this.emit(e),
    });
    this.peri = new PeriSessions({ volume: (id) => this.volumes.get(id), featurer: opts.featurer, fitRunner: opts.fitRunner });
  }

  /** Listens to unasked events (backend changes after a device loss); returns the unsubscribe. */
  onEvent(cb: (e: EngineEvent) => void): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }

  backendInfo(): Promise<BackendInfo> {
    return this.backend.info();
  }

  setBackend(preference: BackendPreference): Promise<BackendInfo> {
    if (!['auto', 'cpu', 'webgpu'].includes(preference)) {
      throw new EngineError('invalid-request', `Unknown backend "${String(preference)}": use auto, cpu or webgpu.`);
    }
    return this.backend.setPreference(preference);
  }

  inspectTiff(bytes: ArrayBuffer): Promise<TiffSummary> {
    return inspectTiff(toArrayBuffer(bytes, 'inspectTiff'));
  }

  /** Reads a TIFF and computes its statistics. A failure leaves every open volume as it was. */
  async openTiff(bytes: ArrayBuffer, opts: OpenTiffOptions, ctl: RequestControl = {}): Promise<VolumeInfo> {
    const buffer = toArrayBuffer(bytes, 'openTiff');
    const operation = `opening ${opts?.name ?? 'the file'}`;
    throwIfAborted(ctl.signal, operation);
    const volume = await readTiff(buffer, {
      name: opts?.name,
      channel: opts?.channel,
      frame: opts?.frame,
      rgb: opts?.rgb,
      signal: ctl.signal,
      onProgress: (fraction, stage) => ctl.onProgress?.(fraction * READ_SHARE, stage),
    }).catch((err: unknown) => {
      throw toEngineError(err, operation);
    });
    return this.register(volume, operation, ctl);
  }

  /** Opens float32 voxels given directly (generated data, benchmarks). The array is kept, not copied. */
  async openArray(data: Float32Array, opts: OpenArrayOptions, ctl: RequestControl = {}): Promise<VolumeInfo> {
    checkArrayInput(data, opts);
    const operation = `opening ${opts.name}`;
    throwIfAborted(ctl.signal, operation);
    const volume: Volume = {
      data,
      shape: [...opts.shape],
      axis: opts.axis ?? 'z',
      voxelSize: opts.voxelSize ?? { z: null, y: null, x: null, unit: null },
      dtype: 'float32',
      rawRange: [0, 0],
      metadata: { name: opts.name, source: 'lucid' },
    };
    return this.register(volume, operation, ctl, (stats) => {
      volume.rawRange = [stats.min, stats.max];
    });
  }

  getSlice(volumeId: string, plane: Plane, index: number): Slice {
    return extractSlice(this.volumes.get(volumeId), plane, index);
  }

  getVoxel(volumeId: string, z: number, y: number, x: number): number {
    return readVoxel(this.volumes.get(volumeId), z, y, x);
  }

  closeVolume(volumeId: string): void {
    this.peri.closeVolume(volumeId);
    this.volumes.delete(volumeId);
  }

  /** Debug/test: destroys the GPU device; resolves with the backend after recovery. */
  simulateDeviceLoss(): Promise<BackendInfo> {
    return this.backend.simulateLoss();
  }

  dispose(): void {
    this.backend.dispose();
    this.volumes.clear();
    this.listeners.clear();
  }

  private emit(event: EngineEvent): void {
    for (const cb of [...this.listeners]) cb(event);
  }

  private async register(
    volume: Volume,
    operation: string,
    ctl: RequestControl,
    withStats?: (stats: VolumeStats) => void,
  ): Promise<VolumeInfo> {
    ctl.onProgress?.(READ_SHARE, 'computing statistics');
    const { stats, statsBackend, warnings } = await this.computeStats(volume.data, operation, ctl.signal);
    throwIfAborted(ctl.signal, operation);
    withStats?.(stats);
    const volumeId = this.volumes.add(volume);
    ctl.onProgress?.(1, 'done');
    return {
      volumeId,
      name: volume.metadata.name ?? '',
      shape: [...volume.shape],
      axis: volume.axis,
      voxelSize: { ...volume.voxelSize },
      dtype: volume.dtype,
      rawRange: [...volume.rawRange],
      metadata: volume.metadata,
      stats: toDisplayStats(stats),
      statsBackend,
      warnings,
    };
  }

  /** Statistics on the active backend; on the CPU when the volume does not fit the GPU's limits. */
  private async computeStats(data: Float32Array, operation: string, signal?: AbortSignal) {
    let misfit: string | null = null;
    const opts = { bins: STATS_BINS, signal };
    const onCpu = () => computeVolumeStats(null, data, opts);
    const onGpu = (ctx: GpuContext) => {
      misfit = checkGpuFit(data.byteLength, ctx.limits);
      return misfit ? onCpu() : computeVolumeStats(ctx, data, opts);
    };
    try {
      const what = `computing the statistics of ${operation.replace(/^opening /, '')}`;
      const { value, backend } = await this.backend.run(what, onGpu, onCpu);
      const warnings = misfit ? [`${misfit} Its statistics were computed on the CPU.`] : [];
      return { stats: value, statsBackend: misfit ? ('cpu' as const) : backend, warnings };
    } catch (err) {
      throw toEngineError(err, operation);
    }
  }
}
