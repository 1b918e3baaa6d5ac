/**
 * PeriState.probe: a change made only to be measured and taken back (finite differences with
 * PERI's rts=True). For positions and radii of particles — a local update — the platonic field
 * (SphereUndoLog), the model and residuals on the patched tile and the error are saved and put
 * back, the same bits as before, at the cost of copies instead of a second update (which would
 * also leave the float32 round-off of drawing and erasing the sphere). Any other change is made
 * and then updated back.
 */
import { checkUpdateArgs } from '../component';
import { Tile, copyBox } from '../tile';
import type { ModelEngine, UpdateOutcome } from './model-engine';
import { modelPatchCpu } from './model-patch.cpu';
import type { ResidualTracker } from './residuals';
import type { PeriState } from './state';

export interface ProbeHost {
  state: PeriState;
  engine: ModelEngine;
  tracker: ResidualTracker;
}

export function probeUpdate<T>(host: ProbeHost, names: readonly string[], values: readonly number[], read: (out: UpdateOutcome) => T): T {
  const { state, engine, tracker: t } = host;
  const n = [...names];
  checkUpdateArgs(n, [...values]);
  const before = state.get(n);
  const spheres = state.spheres;
  if (!spheres || !spheres.keepField || !n.every((p) => spheres.isParticleParam(p))) return byUpdates(state, n, values, before, read);
  spheres.beginUndo();
  const saved = { err: t.error, pre: engine.blurredPre.save() };
  const { kind, patch } = engine.apply(state.comps.split(n, values));
  if (kind !== 'local' || !patch) {
    spheres.endUndo();
    if (kind === 'full') t.recomputeAll(engine.model);
    try {
      return read({ kind, tile: kind === 'full' ? state.oshape : null });
    } finally {
      state.update(n, before);
    }
  }
  const undoPatch = savePatch(engine.model, state.oshape, t.residuals, state.ishape, patch.patch);
  t.addToError(modelPatchCpu({ ...patch, model: engine.model, grid: state.oshape, data: t.data, residuals: t.residuals, image: state.ishape }));
  try {
    return read({ kind, tile: patch.patch });
  } finally {
    if (spheres.rollBack()) {
      undoPatch();
      t.restoreError(saved.err);
      engine.blurredPre.restore(saved.pre);
    } else {
      state.update(n, before);
    }
  }
}

function byUpdates<T>(state: PeriState, names: string[], values: readonly number[], before: number[], read: (out: UpdateOutcome) => T): T {
  const out = state.update(names, values);
  try {
    return read(out);
  } finally {
    state.update(names, before);
  }
}

/** Saves the model and residuals a patch will overwrite; the returned function puts them back. */
function savePatch(model: Float32Array, grid: Tile, residuals: Float32Array, image: Tile, patch: Tile): () => void {
  const m = new Float32Array(patch.volume);
  copyBox(model, grid, m, patch, patch);
  const inImage = Tile.intersection(patch, image);
  const r = inImage.isEmpty ? null : new Float32Array(inImage.volume);
  if (r) copyBox(residuals, image, r, inImage, inImage);
  return () => {
    copyBox(m, patch, model, grid, patch);
    if (r) copyBox(r, inImage, residuals, image, inImage);
  };
}
