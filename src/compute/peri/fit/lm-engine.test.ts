import { describe, expect, it } from 'vitest';
import { Prng } from '../../util/prng';
import { FitCancelledError, FitInputError } from './errors';
import { LMEngine } from './lm-engine';
import { LM_DEFAULTS } from './lm-options';
import { ResidualFunctionProblem } from './problem';
import { crbFromJacobian } from './crb';

const rosenbrock = (p: Float64Array) => [10 * (p[1] - p[0] * p[0]), 1 - p[0]];

function expDecay(t: number[], y: number[]) {
  return (p: Float64Array) => t.map((ti, i) => y[i] - (p[0] * Math.exp(-p[1] * ti) + p[2]));
}

describe('LMEngine defaults', () => {
  it('are PERI’s', () => {
    expect(LM_DEFAULTS).toMatchObject({
      damping: 1, increaseDampFactor: 3, decreaseDampFactor: 8, minEigval: 1e-13, marquardtDamping: false,
      transtrumDamping: null, useAccel: false, maxAccelCorrection: 1, paramtol: 1e-6, errtol: 1e-5, exptol: 1e-3,
      fractol: 1e-6, costol: null, maxIter: 5, runLength: 5, updateJFrequency: 1, broydenUpdate: true,
      eigUpdate: false, eigUpdateFrequency: 3, numEigDirs: 8, eigDl: 1e-5, broydenUpdateFrequency: 1,
    });
  });

  it('rejects bad options with specific messages', () => {
    const prob = new ResidualFunctionProblem(rosenbrock, [0, 0]);
    expect(() => new LMEngine(prob, { damping: [1] })).toThrow(/1 values for 2 parameters/);
    expect(() => new LMEngine(prob, { increaseDampFactor: 0 })).toThrow(FitInputError);
    expect(() => new LMEngine(prob, { maxIter: 1.5 })).toThrow(/maxIter must be an integer/);
    expect(() => new ResidualFunctionProblem(rosenbrock, [])).toThrow(/at least one parameter/);
  });
});

describe('LMEngine on classic problems', () => {
  it('solves Rosenbrock from (−1.2, 1) (do_run_2, Broyden on)', () => {
    const prob = new ResidualFunctionProblem(rosenbrock, [-1.2, 1]);
    const lm = new LMEngine(prob, { maxIter: 100, errtol: 0, fractol: 0, exptol: 1e-24, paramtol: 1e-12 });
    lm.doRun2();
    const p = prob.values();
    expect(p[0]).toBeCloseTo(1, 6);
    expect(p[1]).toBeCloseTo(1, 6);
    expect(prob.error()).toBeLessThan(1e-12);
    expect(lm.counts.broyden).toBeGreaterThan(0);
  });

  it('solves Rosenbrock with geodesic acceleration and with do_run_1', () => {
    const a = new ResidualFunctionProblem(rosenbrock, [-1.2, 1]);
    const lmA = new LMEngine(a, { maxIter: 200, useAccel: true, errtol: 0, fractol: 0, exptol: 1e-24, paramtol: 1e-12 });
    lmA.doRun2();
    expect(a.error()).toBeLessThan(1e-12);
    expect(lmA.counts.accel).toBeGreaterThan(0);
    const b = new ResidualFunctionProblem(rosenbrock, [-1.2, 1]);
    const lmB = new LMEngine(b, { maxIter: 500, errtol: 0, fractol: 0, exptol: 1e-24, paramtol: 1e-12 });
    lmB.doRun1();
    expect(b.error()).toBeLessThan(1e-12);
  });

  it('fits an exponential decay exactly (noise-free) with Levenberg and with Marquardt damping', () => {
    const t = Array.from({ length: 40 }, (_, i) => i * 0.25);
    const y = t.map((ti) => 2.5 * Math.exp(-0.7 * ti) + 0.3);
    for (const marquardtDamping of [false, true]) {
      const prob = new ResidualFunctionProblem(expDecay(t, y), [1, 0.2, 0]);
      new LMEngine(prob, { maxIter: 50, marquardtDamping, errtol: 0, fractol: 0, exptol: 1e-30 }).doRun2();
      const p = prob.values();
      expect(p[0]).toBeCloseTo(2.5, 5);
      expect(p[1]).toBeCloseTo(0.7, 5);
      expect(p[2]).toBeCloseTo(0.3, 5);
    }
  });

  it('fits a noisy Gaussian blob to within 4 σ of its Cramér–Rao bound', () => {
    const n = 24;
    const truth = [1.0, 11.3, 12.6, 2.2, 0.1]; // amplitude, y, x, sigma, background
    const blob = (p: ArrayLike<number>, y: number, x: number) =>
      p[0] * Math.exp(-((y - p[1]) ** 2 + (x - p[2]) ** 2) / (2 * p[3] * p[3])) + p[4];
    const rng = new Prng(11);
    const noise = 0.02;
    const data: number[] = [];
    for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) data.push(blob(truth, y, x) + noise * rng.normal());
    const fn = (p: Float64Array) => data.map((d, k) => d - blob(p, Math.floor(k / n), k % n));
    const prob = new ResidualFunctionProblem(fn, [0.8, 10, 14, 3, 0]);
    new LMEngine(prob, { maxIter: 30 }).doRun2();
    const p = prob.values();
    const crb = crbFromJacobian(prob.jacobian().rows, noise);
    truth.forEach((t, i) => expect(Math.abs(p[i] - t)).toBeLessThan(4 * crb[i]));
    expect(crb[1]).toBeLessThan(0.02);
    expect(prob.error() / data.length).toBeLessThan(1.2 * noise * noise);
  });
});

/** r = b − A·p with A 30×4; the J handed to the engine is deliberately wrong. */
function linearWithWrongJ(rng: Prng) {
  const m = 30;
  const nP = 4;
  const a = Array.from({ length: nP }, () => Float64Array.from({ length: m }, () => rng.normal()));
  const pTrue = [1, -2, 0.5, 3];
  const b = Float64Array.from({ length: m }, (_, k) => a.reduce((s, row, i) => s + row[k] * pTrue[i], 0));
  const fn = (p: Float64Array) => b.map((bk, k) => bk - a.reduce((s, row, i) => s + row[k] * p[i], 0));
  const wrongJ = () => a.map((row, i) => row.map((v, k) => -v * (1 + 0.8 * Math.sin(3 * i + k))));
  return { fn, wrongJ, pTrue };
}

describe('LMEngine J updates between refreshes', () => {
  it('eigen-direction updates repair a wrong J on a linear problem; without them the run stalls', () => {
    const run = (eigUpdate: boolean, broydenUpdate: boolean) => {
      const { fn, wrongJ } = linearWithWrongJ(new Prng(5));
      const prob = new ResidualFunctionProblem(fn, [0, 0, 0, 0], { jacobian: wrongJ });
      const lm = new LMEngine(prob, { maxIter: 1, runLength: 2, eigUpdate, broydenUpdate, eigUpdateFrequency: 1, numEigDirs: 4, damping: 1e-6 });
      lm.doRun2();
      return { err: prob.error(), lm };
    };
    const plain = run(false, false);
    const eig = run(true, false);
    expect(eig.lm.counts.eig).toBeGreaterThan(0);
    expect(eig.err).toBeLessThan(1e-12);
    expect(plain.err).toBeGreaterThan(1e-6);
  });

  it('Broyden updates lower the error further than steps on a stale J', () => {
    const run = (broydenUpdate: boolean) => {
      const { fn, wrongJ } = linearWithWrongJ(new Prng(9));
      const prob = new ResidualFunctionProblem(fn, [0, 0, 0, 0], { jacobian: wrongJ });
      const lm = new LMEngine(prob, { maxIter: 1, runLength: 10, broydenUpdate, damping: 1e-3, paramtol: 0, errtol: 0, fractol: 0, exptol: 0 });
      lm.doRun2();
      return { err: prob.error(), lm };
    };
    const stale = run(false);
    const broyden = run(true);
    expect(broyden.lm.counts.broyden).toBeGreaterThan(0);
    expect(broyden.err).toBeLessThan(0.1 * stale.err);
  });
});

describe('LMEngine stopping, damping and cancellation', () => {
  it('stops after max_iter outer iterations', () => {
    const prob = new ResidualFunctionProblem(rosenbrock, [-1.2, 1]);
    const its: number[] = [];
    const lm = new LMEngine(prob, { maxIter: 2, errtol: -1, fractol: -1, exptol: -1, paramtol: -1 }, { onIteration: (e) => its.push(e.iteration) });
    lm.doRun2();
    expect(its).toEqual([1, 2]);
    expect(lm.getTerminationStats().numIter).toBe(2);
  });

  it('is "Stuck!" at an exact minimum: 15 damping increases, parameters kept, then stops on paramtol', () => {
    const warnings: string[] = [];
    const prob = new ResidualFunctionProblem((p) => [p[0] - 1, 2 * (p[1] + 1)], [1, -1]);
    const lm = new LMEngine(prob, {}, { onWarning: (w) => warnings.push(w) });
    lm.doRun2();
    expect(lm.counts.stuck).toBe(1);
    expect(warnings[0]).toMatch(/Stuck/);
    expect(lm.damping[0]).toBeCloseTo(3 ** 15, 3);
    expect(Array.from(prob.values())).toEqual([1, -1]);
    expect(lm.getTerminationStats().numIter).toBe(1);
  });

  it('keeps the reduced damping when the λ/decrease step wins', () => {
    const prob = new ResidualFunctionProblem((p) => [p[0] - 3, p[1] + 2], [0, 0]);
    const lm = new LMEngine(prob, { damping: 1, maxIter: 1, runLength: 0 });
    lm.doRun2();
    expect(lm.damping[0]).toBeCloseTo(1 / 8, 14);
  });

  it('stops on fractol and errtol after one iteration on a linear problem', () => {
    const prob = new ResidualFunctionProblem((p) => [p[0] - 3, p[1] + 2, 0.1], [0, 0]);
    const lm = new LMEngine(prob, { damping: 1e-9, maxIter: 10 });
    lm.doRun2();
    expect(lm.getTerminationStats().numIter).toBeLessThanOrEqual(2);
    expect(prob.error()).toBeCloseTo(0.01, 10);
  });

  it('stops on costol (model cosine) and refreshes J every update_J_frequency iterations', () => {
    const never = { errtol: -1, fractol: -1, exptol: -1, paramtol: -1 };
    const a = new LMEngine(new ResidualFunctionProblem(rosenbrock, [-1.2, 1]), { ...never, maxIter: 10, costol: 2 });
    a.doRun2();
    expect(a.getTerminationStats().numIter).toBe(1);
    expect(a.calcModelCosine()).toBeLessThanOrEqual(1);
    const b = new LMEngine(new ResidualFunctionProblem(rosenbrock, [-1.2, 1]), { ...never, maxIter: 4, updateJFrequency: 2, runLength: 0 });
    b.doRun2();
    expect(b.counts.jacobians).toBe(2);
    expect(b.counts.broyden).toBeGreaterThan(0);
  });

  it('Transtrum damping (λ·max(diag JJᵀ, t)) converges too', () => {
    const prob = new ResidualFunctionProblem(rosenbrock, [-1.2, 1]);
    new LMEngine(prob, { transtrumDamping: 1e-3, maxIter: 200, errtol: 0, fractol: 0, exptol: 1e-24, paramtol: 1e-12 }).doRun2();
    expect(prob.error()).toBeLessThan(1e-12);
  });

  it('cancels with the state at the best accepted parameters', () => {
    const prob = new ResidualFunctionProblem(rosenbrock, [-1.2, 1]);
    const ctrl = new AbortController();
    const lm = new LMEngine(prob, { maxIter: 100, errtol: 0, fractol: 0, exptol: 0 }, { signal: ctrl.signal, onIteration: () => ctrl.abort() });
    expect(() => lm.doRun2()).toThrow(FitCancelledError);
    expect(Array.from(prob.values())).toEqual(Array.from(lm.paramVals));
    expect(prob.error()).toBe(lm.error);
    expect(lm.error).toBeLessThan(24.2);
  });
});
