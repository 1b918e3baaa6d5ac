/**
 * ∂model/∂θ on the image, analytically, for the parameters a model is linear in: the coefficients
 * of the polynomial ILM and background fields, and scalars folded into the expression (the offset
 * C of `H(I·(1−P) + C·P) + B`). A forward difference of such a parameter equals this derivative
 * exactly in exact arithmetic (no curvature, and dl shifts of earlier parameters only move the
 * other factors by O(dl)); the float32 model makes the difference noisy by ~ulp/dl ≈ 3e-3, the
 * analytic row is good to float32 rounding. It is also cheaper:
 * - a field term D(y, x)·E(z) of ∂F/∂θ (Polynomial2P1D '*': ΔXY·(1+Z) or XY·ΔZ) with pre-blur
 *   weight w (1 − P for the ILM): H(w·D·E) = Hy Hx (D · Hz(w·E)) = Hz (E · Hy Hx (w·D)), so the
 *   pass over the shared factor is done once and each parameter pays the other passes only;
 * - a post-blur field (the background B) needs no convolution at all;
 * - a scalar needs one convolution of its pre-blur term (∂pre = P for the offset).
 * Everything else (PSF, slab, zscale, particles, Barnes ILM, fields inside the post-blur product)
 * gives null: finite differences then. Only for the separable Gaussian PSF (or no blur).
 */
import { ChebyshevPoly2P1D, LegendrePoly2P1D, Polynomial2P1D } from '../fields/poly2p1d';
import { LegendrePoly3D, Polynomial3D } from '../fields/poly3d';
import { GlobalScalar } from '../fields/global-scalar';
import type { SeparableComponent } from '../fields/separable-component';
import { separableKernels } from '../models/blur';
import { axisPass } from '../models/axis-pass';
import type { BlurRegion, Kernel1D } from '../models/separable-blur.cpu';
import { separableBlurCpu } from '../models/separable-blur.cpu';
import { modelPreCpu } from '../models/expression.cpu';
import type { ModelStage } from '../models/stage';
import type { Tile } from '../tile';
import { derivativeTerms, type FieldTerm, ArrayInterner } from './field-terms';
import type { PeriState } from './state';

const LINEAR_FIELDS = [Polynomial2P1D, LegendrePoly2P1D, ChebyshevPoly2P1D, Polynomial3D, LegendrePoly3D];

type Kernels = readonly [Kernel1D, Kernel1D, Kernel1D];

interface Setting {
  st: PeriState;
  stage: ModelStage;
  /** The image grown by the kernels' reach (padded-grid coordinates), and the image inside it. */
  region: Tile;
  image: BlurRegion;
  kernels: Kernels | null;
}

/**
 * ∂model/∂θ on the image (row-major, image shape) per name, or null where it is not analytic.
 * With `dl`, each field coefficient's derivative is taken with the same field's coefficients
 * listed before it moved by dl, as forward differences with PERI's rts=False do: the fields are
 * bilinear (XY·(1 + Z)), so at XY = 0 the Z derivatives vanish unless XY is nudged first.
 */
export function linearModelDerivatives(st: PeriState, names: readonly string[], dl = 0): (Float32Array | null)[] {
  const setting = settingOf(st);
  if (!setting) return names.map(() => null);
  const interner = new ArrayInterner();
  const fieldTerms = names.map((name, i) => fieldParamTerms(setting, name, interner, names.slice(0, i), dl));
  const shared = countShared(fieldTerms.flatMap((t) => t?.terms ?? []));
  const passes = new PassCache(setting);
  return names.map((name, i) => {
    const f = fieldTerms[i];
    if (f) return f.post ? postFieldDerivative(setting, f.terms, f.scale) : preFieldDerivative(setting, f, shared, passes);
    return scalarDerivative(setting, name);
  });
}

function settingOf(st: PeriState): Setting | null {
  const stage = st.imageModel.full((c) => st.comps.scalar(c));
  const kernels = stage.blur ? (() => {
    const psf = st.comps.psf();
    return psf ? separableKernels(psf) : null;
  })() : null;
  if (stage.blur && !kernels) return null;
  const reach = kernels ? kernels.map((k) => Math.max(Math.floor(k.taps.length / 2), k.taps.length - 1 - Math.floor(k.taps.length / 2))) : [0, 0, 0];
  const region = st.ishape.pad(reach as [number, number, number]);
  if (!st.oshape.includes(region)) return null;
  const l = st.ishape.l.map((v, a) => v - region.l[a]) as [number, number, number];
  const image = { l, r: l.map((v, a) => v + st.ishape.shape[a]) as [number, number, number] };
  return { st, stage, region, image, kernels };
}

interface ParamTerms {
  terms: FieldTerm[];
  scale: number;
  /** A post-blur additive field (B′): no convolution. */
  post: boolean;
  /** Pre-blur: the weight's category pair (∂pre = (c1 + c3·B)·∂A or (c2 + c3·A)·∂B). */
  asA: boolean;
}

function fieldParamTerms(s: Setting, name: string, interner: ArrayInterner, before: readonly string[], dl: number): ParamTerms | null {
  const owners = s.st.comps.ownersOf(name);
  const comp = owners[0];
  if (owners.length !== 1 || !LINEAR_FIELDS.some((K) => comp instanceof K)) return null;
  const shifted = dl === 0 ? [] : before.filter((p) => comp.params.includes(p));
  const cat = comp.category;
  const { pre, post } = s.stage;
  const inPre = pre.a === cat || pre.b === cat;
  if (post.a === cat || (inPre && post.b === cat) || (!inPre && post.b !== cat)) return null;
  const d = derivativeTerms(comp as SeparableComponent, name, interner, shifted, dl);
  if (!d) return null;
  return { terms: d.terms, scale: d.scale, post: !inPre, asA: pre.a === cat };
}

/** How many terms share each plane and each profile (the shared one is convolved once). */
function countShared(terms: readonly FieldTerm[]): Map<Float64Array, number> {
  const n = new Map<Float64Array, number>();
  for (const t of terms) {
    n.set(t.plane, (n.get(t.plane) ?? 0) + 1);
    n.set(t.profile, (n.get(t.profile) ?? 0) + 1);
  }
  return n;
}

/** d3·scale·Σ D·E on the image (∂out of an additive post-blur field). */
function postFieldDerivative(s: Setting, terms: readonly FieldTerm[], scale: number): Float32Array {
  const f = s.stage.post.d[3] * scale;
  const img = s.st.ishape;
  const nx = s.st.oshape.shape[2];
  const out = new Float32Array(img.volume);
  let i = 0;
  for (let z = img.l[0]; z < img.r[0]; z++) {
    for (let y = img.l[1]; y < img.r[1]; y++) {
      for (let x = img.l[2]; x < img.r[2]; x++) {
        let v = 0;
        for (const t of terms) v += t.plane[y * nx + x] * t.profile[z];
        out[i++] = f * v;
      }
    }
  }
  return out;
}

function preFieldDerivative(s: Setting, p: ParamTerms, shared: Map<Float64Array, number>, passes: PassCache): Float32Array {
  const hImage = new Float32Array(s.st.ishape.volume);
  for (const t of p.terms) {
    const viaProfile = (shared.get(t.profile) ?? 0) >= (shared.get(t.plane) ?? 0);
    addImagePart(s, viaProfile ? passes.viaProfile(t, p.asA) : passes.viaPlane(t, p.asA), p.scale, hImage);
  }
  return postFactor(s, hImage);
}

/** A scalar: ∂pre from the stage's coefficients at C + 1 minus at C (post unchanged), then H. */
function scalarDerivative(s: Setting, name: string): Float32Array | null {
  const owners = s.st.comps.ownersOf(name);
  const comp = owners[0];
  if (owners.length !== 1 || !(comp instanceof GlobalScalar)) return null;
  const v = comp.get();
  const st1 = s.st.imageModel.full((c) => (c === comp.category ? v + 1 : s.st.comps.scalar(c)));
  const { pre, post } = s.stage;
  if (st1.blur !== s.stage.blur || st1.pre.a !== pre.a || st1.pre.b !== pre.b || st1.post.d.some((d, k) => d !== post.d[k])) return null;
  const dc = pre.c.map((c, k) => st1.pre.c[k] - c) as unknown as readonly [number, number, number, number];
  const field = (ref: string | null) => (ref === null ? null : s.st.comps.field(ref, s.region));
  const dpre = modelPreCpu(dc, field(pre.a), field(pre.b), new Float32Array(s.region.volume));
  const dh = s.kernels ? separableBlurCpu(dpre, s.region.shape, s.kernels, { valid: s.image, consume: true }) : dpre;
  const out = new Float32Array(s.st.ishape.volume);
  addImagePart(s, dh, 1, out);
  return postFactor(s, out);
}

/** ∂out = (d0 + d1·A′)·∂h on the image. */
function postFactor(s: Setting, dh: Float32Array): Float32Array {
  const { d, a } = s.stage.post;
  if (d[1] === 0 || a === null) {
    if (d[0] !== 1) for (let i = 0; i < dh.length; i++) dh[i] *= d[0];
    return dh;
  }
  const A = s.st.comps.field(a, s.st.ishape);
  for (let i = 0; i < dh.length; i++) dh[i] *= d[0] + d[1] * A[i];
  return dh;
}

/** out (image layout) += f · values (region layout) on the image. */
function addImagePart(s: Setting, values: Float32Array, f: number, out: Float32Array): void {
  const [, ry, rx] = s.region.shape;
  const { l, r } = s.image;
  let i = 0;
  for (let z = l[0]; z < r[0]; z++) {
    for (let y = l[1]; y < r[1]; y++) {
      const at = (z * ry + y) * rx;
      for (let x = l[2]; x < r[2]; x++) out[i++] += f * values[at + x];
    }
  }
}

/**
 * H(w·D·E) on the image for field terms, with the pass over the shared factor cached:
 * viaProfile: V = Hz(w·E) once per profile E, then Hy Hx (D·V); viaPlane: U = Hy Hx (w·D) once
 * per plane D, then Hz (E·U). Everything is laid out on the image region; each step fills only
 * the box the next one reads (results are in the region layout, valid on the image).
 */
class PassCache {
  private readonly weights = new Map<boolean, Float32Array>();
  private readonly byProfile = new Map<Float64Array, Float32Array>();
  private readonly byPlane = new Map<Float64Array, Float32Array>();
  private readonly work: [Float32Array, Float32Array];
  /** Boxes (region coordinates): all of it, the image's z planes, the image's (y, x) columns. */
  private readonly boxes: { all: BlurRegion; zImage: BlurRegion; yxImage: BlurRegion };

  constructor(private readonly s: Setting) {
    const n = s.region.volume;
    this.work = [new Float32Array(n), new Float32Array(n)];
    const [rz, ry, rx] = s.region.shape;
    const { l, r } = s.image;
    this.boxes = {
      all: { l: [0, 0, 0], r: [rz, ry, rx] },
      zImage: { l: [l[0], 0, 0], r: [r[0], ry, rx] },
      yxImage: { l: [0, l[1], l[2]], r: [rz, r[1], r[2]] },
    };
  }

  viaProfile(t: FieldTerm, asA: boolean): Float32Array {
    const { s, boxes } = this;
    const { l, r } = s.image;
    let v = this.byProfile.get(t.profile);
    if (!v) {
      v = this.times(this.weight(asA), null, t.profile, boxes.all, new Float32Array(s.region.volume));
      if (s.kernels) v = this.pass(v, 0, boxes.zImage, new Float32Array(s.region.volume));
      this.byProfile.set(t.profile, v);
    }
    const g = this.times(v, t.plane, null, boxes.zImage, this.work[0]);
    if (!s.kernels) return g;
    this.pass(g, 2, { l: [l[0], 0, l[2]], r: [r[0], s.region.shape[1], r[2]] }, this.work[1]);
    return this.pass(this.work[1], 1, s.image, this.work[0]);
  }

  viaPlane(t: FieldTerm, asA: boolean): Float32Array {
    const { s, boxes } = this;
    let u = this.byPlane.get(t.plane);
    if (!u) {
      u = this.times(this.weight(asA), t.plane, null, boxes.all, new Float32Array(s.region.volume));
      if (s.kernels) {
        this.pass(u, 2, { l: [0, 0, s.image.l[2]], r: [s.region.shape[0], s.region.shape[1], s.image.r[2]] }, this.work[1]);
        u = this.pass(this.work[1], 1, boxes.yxImage, new Float32Array(s.region.volume));
      }
      this.byPlane.set(t.plane, u);
    }
    const g = this.times(u, null, t.profile, boxes.yxImage, this.work[0]);
    return s.kernels ? this.pass(g, 0, s.image, this.work[1]) : g;
  }

  /** The pre-blur weight of ∂A (c1 + c3·B) or of ∂B (c2 + c3·A) on the region. */
  private weight(asA: boolean): Float32Array {
    let w = this.weights.get(asA);
    if (!w) {
      const { c, a, b } = this.s.stage.pre;
      const other = asA ? b : a;
      const f = other === null ? null : this.s.st.comps.field(other, this.s.region);
      w = modelPreCpu([asA ? c[1] : c[2], c[3], 0, 0], f, null, new Float32Array(this.s.region.volume));
      this.weights.set(asA, w);
    }
    return w;
  }

  /** out = src · plane(y, x) · profile(z) on `box` of the region (either factor may be absent). */
  private times(src: Float32Array, plane: Float64Array | null, profile: Float64Array | null, box: BlurRegion, out: Float32Array): Float32Array {
    const [, ry, rx] = this.s.region.shape;
    const o = this.s.region.l;
    const nx = this.s.st.oshape.shape[2];
    for (let z = box.l[0]; z < box.r[0]; z++) {
      const e = profile ? profile[z + o[0]] : 1;
      for (let y = box.l[1]; y < box.r[1]; y++) {
        const at = (z * ry + y) * rx;
        const row = (y + o[1]) * nx + o[2];
        if (plane) for (let x = box.l[2]; x < box.r[2]; x++) out[at + x] = src[at + x] * plane[row + x] * e;
        else for (let x = box.l[2]; x < box.r[2]; x++) out[at + x] = src[at + x] * e;
      }
    }
    return out;
  }

  private pass(src: Float32Array, axis: 0 | 1 | 2, box: BlurRegion, out: Float32Array): Float32Array {
    axisPass(src, this.s.region.shape, this.s.kernels![axis].taps, axis, box, out);
    return out;
  }
}
