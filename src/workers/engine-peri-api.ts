/** The engine client's PERI fitting-session requests (positions in crop pixels; see src/compute/engine/peri-sessions.ts). */
import type { RequestControl } from '../compute/engine/types';
import { EngineVolumeApi } from './engine-volume-api';
import type {
  EditResult,
  FeatureArgs,
  FeatureResult,
  FitArgs,
  FitResult,
  NoiseExamination,
  ParamRow,
  ParticleList,
  PeriConfig,
  PeriCreateArgs,
  PeriEdit,
  PeriExportArgs,
  PeriExportResult,
  PeriSessionInfo,
  PeriSlice,
  PeriView,
  Plane,
  Projection,
  ProjectionAxis,
  StatemakerChoices,
  Vec3,
} from './protocol';

export abstract class EnginePeriApi extends EngineVolumeApi {
  periDefaultConfig(shape: Vec3, choices: StatemakerChoices = {}): Promise<PeriConfig> {
    return this.send('periDefaultConfig', { shape, choices });
  }

  periCreate(args: PeriCreateArgs, ctl: RequestControl = {}): Promise<PeriSessionInfo> {
    return this.send('periCreate', { args }, ctl);
  }

  /** Loads a state file (JSON text) onto an open volume, as a new session. */
  periLoadState(volumeId: string, text: string): Promise<PeriSessionInfo> {
    return this.send('periLoadState', { volumeId, text });
  }

  periFeature(args: FeatureArgs, ctl: RequestControl = {}): Promise<FeatureResult> {
    return this.send('periFeature', { args }, ctl);
  }

  periInfo(sessionId: string): Promise<PeriSessionInfo> {
    return this.send('periInfo', { sessionId });
  }

  periParticles(sessionId: string): Promise<ParticleList> {
    return this.send('periParticles', { sessionId });
  }

  periParams(sessionId: string): Promise<ParamRow[]> {
    return this.send('periParams', { sessionId });
  }

  periSetParams(sessionId: string, names: string[], values: number[]): Promise<PeriSessionInfo> {
    return this.send('periSetParams', { sessionId, names, values });
  }

  periEdit(sessionId: string, edit: PeriEdit): Promise<EditResult> {
    return this.send('periEdit', { sessionId, edit });
  }

  periUndo(sessionId: string): Promise<EditResult> {
    return this.send('periUndo', { sessionId });
  }

  periRedo(sessionId: string): Promise<EditResult> {
    return this.send('periRedo', { sessionId });
  }

  /** Id of the particle closest to pos, or null without particles. */
  periClosest(sessionId: string, pos: Vec3): Promise<number | null> {
    return this.send('periClosest', { sessionId, pos });
  }

  periSlice(sessionId: string, view: PeriView, plane: Plane, index: number): Promise<PeriSlice> {
    return this.send('periSlice', { sessionId, view, plane, index });
  }

  periNoise(sessionId: string, opts: { bins?: number; xlim?: number } = {}): Promise<NoiseExamination> {
    return this.send('periNoise', { sessionId, ...opts });
  }

  periProjection(sessionId: string, source: 'data' | 'model', axis: ProjectionAxis): Promise<Projection> {
    return this.send('periProjection', { sessionId, source, axis });
  }

  periExport(args: PeriExportArgs): Promise<PeriExportResult> {
    return this.send('periExport', { args });
  }

  /** Runs a fit; progress carries `detail` {stage, loop, error, elapsedMs, version}; abort keeps the best state. */
  periRunFit(args: FitArgs, ctl: RequestControl = {}): Promise<FitResult> {
    return this.send('periRunFit', { args }, ctl);
  }

  periErrorBars(sessionId: string, ctl: RequestControl = {}): Promise<PeriSessionInfo> {
    return this.send('periErrorBars', { sessionId }, ctl);
  }

  async periClose(sessionId: string): Promise<void> {
    await this.send('periClose', { sessionId });
  }
}
