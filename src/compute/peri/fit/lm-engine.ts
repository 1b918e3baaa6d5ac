/**
 * PERI's LMEngine (Levenberg–Marquardt after Transtrum & Sethna 2012) over a FitProblem:
 * `doRun2` (two trial dampings λ and λ/decrease per fresh J, then up to 15 increases), `doRun1`,
 * `doInternalRun` (more steps on the same J with Broyden rank-1 and eigen-direction updates).
 * The building blocks (J, steps, damping, stopping criteria) are in lm-core.ts.
 */
import { FitCancelledError } from './errors';
import { LMCore, add } from './lm-core';
import { MAX_INNER_LOOP } from './lm-options';
import { findBestStep } from './lm-step';
import { throwIfAborted } from './problem';

export type { LMControl, LMIteration, TerminationStats } from './lm-core';

export class LMEngine extends LMCore {
  /** Outer loop of PERI's `do_run_2`. Throws FitCancelledError with the state at paramVals. */
  doRun2(): void {
    this.guard(() => {
      while (!this.checkTerminate()) {
        throwIfAborted(this.control.signal);
        this.hasRun = true;
        this.run2();
        this.numIter++;
        this.control.onIteration?.({ iteration: this.numIter, error: this.error });
      }
    });
  }

  /** Outer loop of PERI's `do_run_1` (one step per J, damping raised until it works). */
  doRun1(): void {
    this.guard(() => {
      while (!this.checkTerminate()) {
        throwIfAborted(this.control.signal);
        this.hasRun = true;
        this.run1();
        this.numIter++;
        this.innerRunCounter++;
        this.control.onIteration?.({ iteration: this.numIter, error: this.error });
      }
    });
  }

  /** Steps on the current J (Broyden / eigen updates between them) while they lower the error. */
  doInternalRun(initialCount = 0): number {
    this.innerRunCounter = initialCount;
    let goodStep = true;
    let nGood = 0;
    let lastResiduals = this.problem.residuals();
    while (this.innerRunCounter < this.opts.runLength && goodStep && !this.checkTerminate()) {
      throwIfAborted(this.control.signal);
      if (this.checkBroydenJ() && this.innerRunCounter !== 0) this.updateBroydenJ();
      if (this.checkUpdateEigJ() && this.innerRunCounter !== 0) this.updateEigJ();
      const er0 = this.error;
      const delta = this.findLMUpdates(this.calcGrad(), false);
      const er1 = this.problem.update(add(this.paramVals, delta));
      goodStep = er1 < er0;
      if (goodStep) {
        nGood++;
        this.counts.goodSteps++;
        this.updateParamVals(delta);
        this.lastResiduals = lastResiduals;
        this.lastError = er0;
        this.error = er1;
        lastResiduals = this.problem.residuals();
      } else {
        this.checkExact(this.problem.update(this.paramVals), er0);
      }
      this.innerRunCounter++;
    }
    return nGood;
  }

  // ── PERI's _run2 and _run1 ─────────────────────────────────────────────────

  private run2(): void {
    this.refreshJ();
    const lastResiduals = this.problem.residuals();
    const lastError = this.error;
    const lastVals = this.paramVals.slice();
    const grad0 = this.calcGrad();
    const d1 = this.findLMUpdates(grad0, false);
    this.decreaseDamping();
    const d2 = this.findLMUpdates(this.calcGrad(), false);
    this.decreaseDamping(true);
    const er1 = this.problem.update(add(this.paramVals, d1));
    const er2 = this.problem.update(add(this.paramVals, d2));
    const best = findBestStep([this.error, er1, er2]);
    let goodStep = true;
    if (best === 0) {
      this.problem.update(this.paramVals);
      goodStep = this.increaseDampingUntilGood(this.calcGrad());
    } else if (best === 1) {
      this.checkExact(this.problem.update(add(this.paramVals, d1)), er1);
      this.updateParamVals(d1);
      this.error = er1;
    } else {
      this.error = er2;
      this.updateParamVals(d2);
      this.decreaseDamping();
    }
    if (goodStep) {
      this.counts.goodSteps++;
      this.lastResiduals = lastResiduals;
      this.lastError = lastError;
      this.lastVals = lastVals;
      this.doInternalRun(1);
    }
  }

  /** Both trial steps failed: λ ×= increase until a step lowers the error (at most 15 times). */
  private increaseDampingUntilGood(grad: Float64Array): boolean {
    for (let t = 0; t < MAX_INNER_LOOP; t++) {
      this.increaseDamping();
      const delta = this.findLMUpdates(grad, true);
      const er = this.problem.update(add(this.paramVals, delta));
      if (er < this.error) {
        this.updateParamVals(delta);
        this.error = er;
        return true;
      }
    }
    this.counts.stuck++;
    this.control.onWarning?.('Stuck! the error did not decrease after 15 damping increases');
    this.error = this.problem.update(this.paramVals);
    return false;
  }

  private run1(): void {
    this.refreshJ();
    this.lastResiduals = this.problem.residuals();
    let delta = this.findLMUpdates(this.calcGrad(), true);
    let er1 = this.problem.update(add(this.paramVals, delta));
    let good = findBestStep([this.error, er1]) === 1;
    if (!good) {
      this.checkExact(this.problem.update(this.paramVals), this.error);
      const grad = this.calcGrad();
      for (let t = 0; t < MAX_INNER_LOOP && !good; t++) {
        this.increaseDamping();
        delta = this.findLMUpdates(grad, true);
        er1 = this.problem.update(add(this.paramVals, delta));
        good = findBestStep([this.error, er1]) === 1;
      }
      if (!good) {
        this.counts.stuck++;
        this.control.onWarning?.('Stuck! the error did not decrease after 15 damping increases');
        this.checkExact(this.problem.update(this.paramVals), this.error);
      }
    }
    if (good) {
      this.counts.goodSteps++;
      this.lastError = this.error;
      this.error = er1;
      this.updateParamVals(delta);
      this.decreaseDamping();
    }
  }

  private guard(body: () => void): void {
    try {
      body();
    } catch (e) {
      if (e instanceof FitCancelledError) this.error = this.problem.update(this.paramVals);
      throw e;
    }
  }
}
