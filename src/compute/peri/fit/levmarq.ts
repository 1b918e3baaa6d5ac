/**
 * PERI's LM entry points on a state: `doLevmarq` (globals, optionally with the rz_order radius
 * augmentation), `doLevmarqParticles`, and `LMParticleGroupCollection` /
 * `doLevmarqAllParticleGroups` (particle groups fitted one after the other, each with a fresh LM).
 */
import { resolveControl, stageControl, type FitControl, type ResolvedControl } from './control';
import { calcParticleGroupRegionSize, separateParticlesIntoGroups, type RegionSize } from './groups';
import { LMEngine, type TerminationStats } from './lm-engine';
import type { LMOptions } from './lm-options';
import { GlobalsProblem, ParticlesProblem } from './state-problems';
import type { FitState } from './state-view';

export interface LevmarqOptions extends LMOptions {
  rzOrder?: number;
  /** 2: do_run_2 (default), 1: do_run_1. */
  runType?: 1 | 2;
  maxMem?: number;
  /** Progress stage name. */
  stage?: string;
  loop?: number;
}

/** PERI's do_levmarq: damping 0.1, decrease 10, run_length 6, eig_update on unless given. */
export function doLevmarq(st: FitState, names: readonly string[], opts: LevmarqOptions = {}, control: FitControl | ResolvedControl = {}): TerminationStats {
  const ctl = resolveControl(control);
  const { rzOrder = 0, runType = 2, maxMem = 1e9, stage = 'globals', loop = 0, ...lm } = opts;
  const problem = new GlobalsProblem(st, names, { rzOrder, maxMem, rng: ctl.rng });
  const engine = new LMEngine(
    problem,
    { damping: 0.1, decreaseDampFactor: 10, runLength: 6, eigUpdate: true, ...lm },
    stageControl(ctl, stage, loop, problem.params),
  );
  if (runType === 1) engine.doRun1();
  else engine.doRun2();
  return engine.getTerminationStats();
}

export interface ParticleLevmarqOptions extends LMOptions {
  includeRad?: boolean;
  stage?: string;
  loop?: number;
}

/** PERI's do_levmarq_particles: damping 1, decrease 10, run_length 4, max_iter 2 unless given. */
export function doLevmarqParticles(
  st: FitState,
  particles: readonly number[],
  opts: ParticleLevmarqOptions = {},
  control: FitControl | ResolvedControl = {},
): TerminationStats {
  const ctl = resolveControl(control);
  const { includeRad = true, stage = 'particles', loop = 0, ...lm } = opts;
  const problem = new ParticlesProblem(st, particles, { includeRad });
  const engine = new LMEngine(
    problem,
    { damping: 1, decreaseDampFactor: 10, runLength: 4, maxIter: 2, ...lm },
    stageControl(ctl, stage, loop, problem.params),
  );
  engine.doRun2();
  return engine.getTerminationStats();
}

export interface GroupCollectionOptions extends ParticleLevmarqOptions {
  regionSize?: RegionSize;
  /** Grow or shrink the region until J of the biggest groups reaches maxMem. Default true. */
  doCalcSize?: boolean;
  maxMem?: number;
}

/** PERI's LMParticleGroupCollection. */
export class LMParticleGroupCollection {
  groups: number[][] = [];
  regionSize: RegionSize;
  readonly stats: TerminationStats[] = [];
  private readonly ctl: ResolvedControl;

  constructor(
    readonly state: FitState,
    readonly opts: GroupCollectionOptions = {},
    control: FitControl | ResolvedControl = {},
  ) {
    this.ctl = resolveControl(control);
    this.regionSize = opts.regionSize ?? 40;
    this.reset();
  }

  reset(doCalcSize = this.opts.doCalcSize ?? true): void {
    if (doCalcSize) this.regionSize = calcParticleGroupRegionSize(this.state, this.regionSize, this.opts.maxMem ?? 1e9);
    this.stats.length = 0;
    this.groups = separateParticlesIntoGroups(this.state, this.regionSize, { doshift: 'rand', rng: this.ctl.rng });
  }

  doRun2(): void {
    const { regionSize: _r, doCalcSize: _d, maxMem: _m, ...particleOpts } = this.opts;
    for (const group of this.groups) {
      this.stats.push(doLevmarqParticles(this.state, group, particleOpts, this.ctl));
    }
  }
}

/** PERI's do_levmarq_all_particle_groups: max_iter 2, damping 1, decrease 10, run_length 4. */
export function doLevmarqAllParticleGroups(
  st: FitState,
  opts: GroupCollectionOptions = {},
  control: FitControl | ResolvedControl = {},
): TerminationStats[] {
  if ((st.spheres?.N ?? 0) === 0) return [];
  const c = new LMParticleGroupCollection(st, { maxIter: 2, damping: 1, decreaseDampFactor: 10, runLength: 4, ...opts }, control);
  c.doRun2();
  return c.stats;
}
