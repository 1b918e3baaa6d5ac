/**
 * The runner workflows on a small confocal state (3 spheres, 16×28×28, Gaussian PSF): the next
 * frame of a movie from a fitted state (translate), re-featuring a new image with the old
 * microscope parameters, cancellation and determinism.
 */
import { describe, expect, it } from 'vitest';
import { FIT_NOISE, FIT_SHAPE, fitConfig, fitState, TRUE_POS, TRUE_RAD, truthData } from '../fit/testing';
import type { Vec3 } from '../tile';
import { globalValues, imageLike, stateOnNewImage } from './carry-over';
import { RunnerInputError } from './errors';
import { getParticlesFeaturing, runSchedule, translateFeaturing, translateParticles } from './workflows';

/** Frame 0 was fitted (the truth state on its data); frame 1 has the particles moved by `shift`. */
function nextFrame(shift: Vec3, seed = 7) {
  const old = fitState();
  old.update(['psf-sigz', 'offset'], [2.45, 0.11]);
  const moved = TRUE_POS.map((p) => p.map((v, k) => v + shift[k]) as Vec3);
  const cfg = fitConfig(moved, TRUE_RAD);
  cfg.values = { ...cfg.values, 'psf-sigz': 2.45, offset: 0.11 };
  const image = imageLike(old, { data: truthData(FIT_NOISE, seed, cfg), shape: FIT_SHAPE });
  return { old, moved, image, truthError: stateOnNewImage(old, image, { particles: { pos: moved, rad: TRUE_RAD } }).error };
}

function maxPositionError(found: readonly Vec3[], truth: readonly Vec3[]): number {
  return Math.max(...truth.map((p) => Math.min(...found.map((q) => Math.hypot(q[0] - p[0], q[1] - p[1], q[2] - p[2])))));
}

describe('a state on a new image', () => {
  it('keeps the model, every global value, σ and (unless replaced) the particles', () => {
    const { old, image } = nextFrame([0, 0, 0]);
    const st = stateOnNewImage(old.toStateFile(), image);
    expect(st.params).toEqual(old.params);
    expect(st.values).toEqual(old.values);
    expect(st.sigma).toBe(old.sigma);
    const re = stateOnNewImage(old, image, { particles: { pos: [[8, 14, 14]], rad: 3 } });
    expect(re.spheres!.N).toBe(1);
    const g = globalValues(old.toStateFile());
    expect(Object.keys(g)).not.toContain('sph-0-x');
    for (const [name, v] of Object.entries(g)) expect(re.getValue(name)).toBe(v);
  });
});

describe('translate_featuring: the next frame of a movie', () => {
  it('follows particles moved by ~0.7 px to the noise floor', () => {
    const { old, moved, image, truthError } = nextFrame([0.4, -0.3, 0.5]);
    const events: string[] = [];
    const out = translateFeaturing(old, image, {}, { seed: 3, onProgress: (e) => events.push(e.stage) });
    expect(out.cancelled).toBe(false);
    expect(out.stages.map((s) => s.stage)).toEqual(['initial', 'particles (no radii)', 'particles (with radii)', 'add_subtract', 'burn', 'polish']);
    expect(events).toContain('do-particles:particles');
    expect(out.state.spheres!.N).toBe(3);
    expect(maxPositionError(out.state.spheres!.positions(), moved)).toBeLessThan(0.08);
    expect(out.state.error).toBeLessThan(1.01 * truthError);
  }, 120_000);

  it('is deterministic for a seed and cancels keeping the best state so far', () => {
    const { old, image } = nextFrame([0.3, 0.3, -0.4], 8);
    const a = translateParticles(stateOnNewImage(old, image), { doPolish: false }, { seed: 11 });
    const b = translateParticles(stateOnNewImage(old, image), { doPolish: false }, { seed: 11 });
    expect(b.state.values).toEqual(a.state.values);
    expect(b.state.error).toBe(a.state.error);
    const ac = new AbortController();
    const st = stateOnNewImage(old, image);
    const start = st.error;
    let seen = 0;
    const c = translateParticles(st, {}, { seed: 11, signal: ac.signal, onProgress: () => ++seen === 3 && ac.abort() });
    expect(c.cancelled).toBe(true);
    expect(c.stages.at(-1)!.stage).toBe('cancelled');
    expect(st.error).toBeLessThan(start);
    const kept = st.error;
    st.reset();
    expect(Math.abs(st.error - kept) / kept).toBeLessThan(1e-5);
  }, 120_000);
});

describe('get_particles_featuring: old parameters, particles featured on a new image', () => {
  it('finds the moved particles and fits them', () => {
    const { old, moved, image, truthError } = nextFrame([0.6, 2.3, -1.8], 9);
    const out = getParticlesFeaturing(old, image, { featureRad: 3, doPolish: false }, { seed: 4 });
    expect(out.state.spheres!.N).toBe(3);
    expect(maxPositionError(out.state.spheres!.positions(), moved)).toBeLessThan(0.1);
    expect(out.state.error).toBeLessThan(1.02 * truthError);
    expect(out.state.getValue('psf-sigz')).toBe(2.45);
  }, 120_000);

  it('rejects a bad feature radius and an unknown schedule', () => {
    const { old, image } = nextFrame([0, 0, 0]);
    expect(() => getParticlesFeaturing(old, image, { featureRad: 0 })).toThrow(RunnerInputError);
    const blank = imageLike(old, { data: new Float32Array(FIT_SHAPE[0] * FIT_SHAPE[1] * FIT_SHAPE[2]).fill(0.8), shape: FIT_SHAPE });
    expect(() => getParticlesFeaturing(old, blank, { featureRad: 3 })).toThrow(/found no particles of radius 3 px/);
    expect(() => runSchedule(fitState(), 'polish' as never)).toThrow(/schedule must be one of optimize_from_initial, finish_state, both/);
  });
});
