/**
 * One evaluation of a PERI model expression on a tile, in the fused form every model fits:
 *   pre  = c0 + c1·A + c2·B + c3·A·B          (element-wise, before the PSF)
 *   h    = H(pre) if `blur`, else pre
 *   out  = d0·h + d1·A'·h + d2·A' + d3·B'      (element-wise, after the PSF)
 * A, B, A', B' name component fields on the tile ('ilm', 'obj', 'bkg', …) or 'diff', the change
 * of the updated component's field (PERI's `dX`). Scalars (the offset C, the contrast c) are folded
 * into the coefficients. The same stage runs in the TS twin and in the model-pre / model-post kernels.
 */
import { PeriValueError } from '../errors';

/** A field on the tile: a component category, or 'diff' (new field − old field). */
export type FieldRef = string | null;

export type Coeffs4 = readonly [number, number, number, number];

export interface PreForm {
  a: FieldRef;
  b: FieldRef;
  /** c0 + c1·A + c2·B + c3·A·B */
  c: Coeffs4;
}

export interface PostForm {
  a: FieldRef;
  b: FieldRef;
  /** d0·h + d1·A·h + d2·A + d3·B */
  d: Coeffs4;
}

export interface ModelStage {
  pre: PreForm;
  blur: boolean;
  post: PostForm;
}

/** The post form that passes h through unchanged. */
export const IDENTITY_POST: PostForm = { a: null, b: null, d: [1, 0, 0, 0] };

export function isIdentityPost(p: PostForm): boolean {
  return p.d[0] === 1 && p.d[1] === 0 && p.d[2] === 0 && p.d[3] === 0;
}

/** Field references a stage reads (each once). */
export function stageRefs(stage: ModelStage): string[] {
  const refs = [stage.pre.a, stage.pre.b, stage.post.a, stage.post.b];
  return [...new Set(refs.filter((r): r is string => r !== null))];
}

/** Throws when a coefficient multiplies a missing field or is not finite. */
export function checkStage(stage: ModelStage, what: string): void {
  const { pre, post } = stage;
  [...pre.c, ...post.d].forEach((v) => {
    if (!Number.isFinite(v)) throw new PeriValueError(`${what}: a model coefficient is not finite (${v}); check the scalar components`);
  });
  if ((pre.c[1] !== 0 || pre.c[3] !== 0) && pre.a === null) throw new PeriValueError(`${what}: pre-blur term uses A but no field is given`);
  if ((pre.c[2] !== 0 || pre.c[3] !== 0) && pre.b === null) throw new PeriValueError(`${what}: pre-blur term uses B but no field is given`);
  if ((post.d[1] !== 0 || post.d[2] !== 0) && post.a === null) throw new PeriValueError(`${what}: post-blur term uses A but no field is given`);
  if (post.d[3] !== 0 && post.b === null) throw new PeriValueError(`${what}: post-blur term uses B but no field is given`);
}
