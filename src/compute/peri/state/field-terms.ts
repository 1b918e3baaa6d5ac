/**
 * ∂F/∂θ of a separable field (fields/separable-field.cpu.ts) for a parameter it is linear in, as
 * terms plane(y, x)·profile(z): the field at θ + 1 minus the field at θ, term by term, where each
 * term changed only its plane or only its profile (Polynomial2P1D: ΔXY·(1+Z) or XY·ΔZ;
 * Polynomial3D: ΔXY_k·Z_k). Planes and profiles are interned by content so that factors shared by
 * several parameters are recognised by identity (see linear-derivatives.ts).
 */
import type { SeparableComponent } from '../fields/separable-component';

export interface FieldTerm {
  /** ny·nx values on the padded grid's (y, x). */
  plane: Float64Array;
  /** nz values on the padded grid's z. */
  profile: Float64Array;
}

/** One canonical array per content. */
export class ArrayInterner {
  private readonly buckets = new Map<string, Float64Array[]>();

  intern(a: Float64Array): Float64Array {
    let h = 0;
    for (let i = 0; i < a.length; i++) h = (h * 31 + a[i] * (i + 1)) % 1e9;
    const key = `${a.length}:${h}`;
    const list = this.buckets.get(key) ?? [];
    const same = list.find((b) => sameValues(a, b));
    if (same) return same;
    list.push(a);
    this.buckets.set(key, list);
    return a;
  }
}

function sameValues(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function minus(a: Float64Array, b: Float64Array): Float64Array {
  return a.map((v, i) => v - b[i]);
}

/**
 * The terms of ∂F/∂θ and the field's scale (F = offset + scale·Σ terms), or null when a term
 * changed both its plane and its profile, or the scale, offset or number of terms changed.
 * `shifted` parameters of the component are moved by `dl` meanwhile (PERI's rts=False order).
 */
export function derivativeTerms(
  c: SeparableComponent,
  name: string,
  interner: ArrayInterner,
  shifted: readonly string[] = [],
  dl = 0,
): { terms: FieldTerm[]; scale: number } | null {
  const saved = c.getValues(shifted);
  const v = c.getValues([name])[0];
  let f0;
  let f1;
  try {
    c.setValues(shifted, saved.map((s) => s + dl));
    f0 = c.separable();
    c.setValues([name], [v + 1]);
    f1 = c.separable();
  } finally {
    c.setValues([name], [v]);
    c.setValues(shifted, saved);
  }
  if (f0.scale !== f1.scale || f0.offset !== f1.offset || f0.xy.length !== f1.xy.length) return null;
  const terms: FieldTerm[] = [];
  for (let k = 0; k < f0.xy.length; k++) {
    const sameProfile = sameValues(f0.z[k], f1.z[k]);
    const samePlane = sameValues(f0.xy[k], f1.xy[k]);
    if (sameProfile && samePlane) continue;
    if (sameProfile) terms.push({ plane: interner.intern(minus(f1.xy[k], f0.xy[k])), profile: interner.intern(f0.z[k]) });
    else if (samePlane) terms.push({ plane: interner.intern(f0.xy[k]), profile: interner.intern(minus(f1.z[k], f0.z[k])) });
    else return null;
  }
  return { terms, scale: f0.scale };
}
