/**
 * J of particle parameters (PERI's LMParticles: forward differences, dl = 2e-5, rts=True) over
 * the group's residual tile. Each parameter is probed — moved by dl, measured, put back exactly
 * (PeriState.probe) — and its row is (r(p + dl) − r(p))/dl on the tile its update patched, 0
 * elsewhere: the rows' supports, over which JJᵀ and J·r are summed. A group of 24 particles has 96
 * rows over the whole image, each non-zero on one particle's tile.
 */
import { Tile } from '../tile';
import type { UpdateOutcome } from '../state/model-engine';
import type { RowBox } from './jtj';
import { throwIfAborted, type CompactJacobianResult } from './problem';
import { residualsOnTile, type FitState } from './state-view';

export function particleJacobian(st: FitState, params: readonly string[], tile: Tile, dl: number, signal?: AbortSignal): CompactJacobianResult {
  const f0 = residualsOnTile(st, tile);
  const values: Float64Array[] = [];
  const boxes: RowBox[] = [];
  for (const name of params) {
    throwIfAborted(signal);
    const v = st.get([name])[0];
    st.probe([name], [v + dl], (out) => {
      const box = changedBox(out, st.pad, tile);
      boxes.push(box);
      values.push(differenceOn(st, tile, box, f0, dl));
    });
  }
  return { compact: { shape: tile.shape, boxes, values } };
}

/** The box of `tile` (tile coordinates) an update patched. */
function changedBox(out: UpdateOutcome, pad: number, tile: Tile): RowBox {
  const all: RowBox = { l: [0, 0, 0], r: tile.shape };
  if (out.kind === 'full') return all;
  if (!out.tile) return { l: [0, 0, 0], r: [0, 0, 0] };
  const t = Tile.intersection(out.tile.translate(-pad), tile);
  const l = t.l.map((v, i) => v - tile.l[i]) as [number, number, number];
  const r = t.r.map((v, i) => Math.max(v - tile.l[i], l[i])) as [number, number, number];
  return { l, r };
}

/** (r_now − f0)/dl on `box` (stored on the box), reading the state's live residuals. */
function differenceOn(st: FitState, tile: Tile, box: RowBox, f0: Float64Array, dl: number): Float64Array {
  const r = st.residuals;
  const [, ny, nx] = st.ishape.shape;
  const [, ty, tx] = tile.shape;
  const len = box.r[2] - box.l[2];
  const out = new Float64Array((box.r[0] - box.l[0]) * (box.r[1] - box.l[1]) * len);
  let k = 0;
  for (let z = box.l[0]; z < box.r[0]; z++) {
    for (let y = box.l[1]; y < box.r[1]; y++) {
      const at = (z * ty + y) * tx + box.l[2];
      const src = ((tile.l[0] + z) * ny + (tile.l[1] + y)) * nx + tile.l[2] + box.l[2];
      for (let x = 0; x < len; x++) out[k++] = (r[src + x] - f0[at + x]) / dl;
    }
  }
  return out;
}
