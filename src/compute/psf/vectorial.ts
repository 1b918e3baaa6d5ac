/**
 * The vectorial focal-field integrals of a high-aperture lens focusing through a planar index
 * mismatch (Richards–Wolf with Hell's interface term, the form PERI uses):
 *
 *   K_m(ρ, z) = ½(1 − cos α) Σ_i w_i · P_i(z) · A_m,i · J_m(ρ sin θ_i),   m = 1 (J0), 2 (J2), 3 (J1)
 *
 * over Gauss–Legendre nodes in cos θ ∈ [cos α, 1], with the phase P_i(z) = e^{−i f(θ_i)} (× √cos θ_i
 * for the illumination), f = zint·cos θ − (zint + z)·√(n2n1² − 1 + cos²θ) [+ sph6 term], its
 * imaginary part forced ≤ 0 (evanescent waves decay), and the Fresnel factors
 * τs = 2/(1 + r), τp = 2·n2n1/(n2n1² + r), r = √(1 − (1 − n2n1²)/cos²θ), g = √(1 − sin²θ/n2n1²):
 * A1 = ½(τs + τp·g), A2 = ½(τs − τp·g), A3 = τp·sin θ/n2n1.
 * All lengths are in units of 1/k (k the wavevector of the light in question).
 *
 * Speed: the Bessel factors depend on ρ only and the phases on z only, so both are tabulated once
 * (`radialTable`, `phaseTable`) and K is a small complex matrix product over the nodes.
 */
import { besselJ012 } from './bessel';
import { gaussLegendre } from './quadrature';

export class OpticsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OpticsError';
  }
}

export interface LensOptics {
  /** Acceptance half-angle of the lens (rad), in (0, π/2]. */
  alpha: number;
  /** Index ratio n_sample / n_optics. */
  n2n1: number;
  /** Residual 6th-order spherical aberration (PERI's `sph6_ab`); null or absent for none. */
  sph6Ab?: number | null;
  /** Gauss–Legendre points over cos θ (PERI: 20). */
  npts?: number;
}

/** Per-node constants of the integrals (complex values as separate re/im arrays). */
export interface AngularRule {
  readonly n: number;
  readonly cos: Float64Array;
  readonly sin: Float64Array;
  readonly sqrtCos: Float64Array;
  /** Gauss–Legendre weight × ½(1 − cos α). */
  readonly weight: Float64Array;
  /** √(n2n1² − 1 + cos²θ): real part when the radicand is ≥ 0, else the magnitude of the imaginary part. */
  readonly axial: Float64Array;
  readonly axialImag: Uint8Array;
  readonly sph6: Float64Array;
  readonly a: readonly { re: Float64Array; im: Float64Array }[];
}

export function checkLens(optics: LensOptics): void {
  const { alpha, n2n1 } = optics;
  if (!(alpha > 0 && alpha <= Math.PI / 2)) throw new OpticsError(`lens half-angle alpha must be in (0, π/2] rad, got ${alpha}`);
  if (!(n2n1 > 0 && Number.isFinite(n2n1))) throw new OpticsError(`index ratio n2n1 must be a positive number, got ${n2n1}`);
  if (optics.sph6Ab != null && !Number.isFinite(optics.sph6Ab)) throw new OpticsError(`sph6Ab must be finite, got ${optics.sph6Ab}`);
}

/** √q for real q as a complex number (numpy's scimath sqrt). */
function csqrt(q: number): [number, number] {
  return q >= 0 ? [Math.sqrt(q), 0] : [0, Math.sqrt(-q)];
}

function cdiv(ar: number, ai: number, br: number, bi: number): [number, number] {
  const d = br * br + bi * bi;
  return [(ar * br + ai * bi) / d, (ai * br - ar * bi) / d];
}

export function angularRule(optics: LensOptics): AngularRule {
  checkLens(optics);
  const { alpha, n2n1 } = optics;
  const gl = gaussLegendre(optics.npts ?? 20);
  const n = gl.nodes.length;
  const ca = Math.cos(alpha);
  const rule = {
    n,
    cos: new Float64Array(n),
    sin: new Float64Array(n),
    sqrtCos: new Float64Array(n),
    weight: new Float64Array(n),
    axial: new Float64Array(n),
    axialImag: new Uint8Array(n),
    sph6: new Float64Array(n),
    a: [0, 1, 2].map(() => ({ re: new Float64Array(n), im: new Float64Array(n) })),
  };
  const nn = n2n1 * n2n1;
  for (let i = 0; i < n; i++) {
    const c = 0.5 * (1 - ca) * gl.nodes[i] + 0.5 * (1 + ca);
    const s = Math.sqrt(1 - c * c);
    rule.cos[i] = c;
    rule.sin[i] = s;
    rule.sqrtCos[i] = Math.sqrt(c);
    rule.weight[i] = gl.weights[i] * 0.5 * (1 - ca);
    const q = nn - 1 + c * c;
    rule.axial[i] = Math.sqrt(Math.abs(q));
    rule.axialImag[i] = q < 0 ? 1 : 0;
    if (optics.sph6Ab != null) {
      const sec2 = 1 / (c * c);
      rule.sph6[i] = optics.sph6Ab * (sec2 - 1) * (sec2 - 2) * c;
    }
    const [rr, ri] = csqrt(1 - (1 - nn) / (c * c));
    const [tsr, tsi] = cdiv(2, 0, 1 + rr, ri);
    const [tpr, tpi] = cdiv(2 * n2n1, 0, nn + rr, ri);
    const [gr, gi] = csqrt(1 - (1 - c * c) / nn);
    const pgr = tpr * gr - tpi * gi;
    const pgi = tpr * gi + tpi * gr;
    rule.a[0].re[i] = 0.5 * (tsr + pgr);
    rule.a[0].im[i] = 0.5 * (tsi + pgi);
    rule.a[1].re[i] = 0.5 * (tsr - pgr);
    rule.a[1].im[i] = 0.5 * (tsi - pgi);
    rule.a[2].re[i] = (tpr * s) / n2n1;
    rule.a[2].im[i] = (tpi * s) / n2n1;
  }
  return rule;
}

/** B_m[r, i] = weight_i · A_m,i · J_m(ρ_r sin θ_i) (row r, node i), complex. */
export interface RadialTable {
  readonly nRho: number;
  readonly n: number;
  readonly re: readonly Float64Array[];
  readonly im: readonly Float64Array[];
}

/** Tabulates the Bessel factors of K1, K2 and K3 (orders 0, 2, 1) at every ρ (1/k units). */
export function radialTable(rule: AngularRule, rho: ArrayLike<number>): RadialTable {
  const n = rule.n;
  const nRho = rho.length;
  const re = [0, 1, 2].map(() => new Float64Array(nRho * n));
  const im = [0, 1, 2].map(() => new Float64Array(nRho * n));
  for (let r = 0; r < nRho; r++) {
    for (let i = 0; i < n; i++) {
      const { j0, j1, j2 } = besselJ012(rho[r] * rule.sin[i]);
      const js = [j0, j2, j1];
      const at = r * n + i;
      for (let m = 0; m < 3; m++) {
        const f = rule.weight[i] * js[m];
        re[m][at] = f * rule.a[m].re[i];
        im[m][at] = f * rule.a[m].im[i];
      }
    }
  }
  return { nRho, n, re, im };
}

/** P[z, i] = e^{−i f(θ_i; z, zint)}, × √cos θ_i when `apodize` (the illumination). */
export function phaseTable(rule: AngularRule, z: ArrayLike<number>, zint: number, apodize: boolean): { re: Float64Array; im: Float64Array } {
  const n = rule.n;
  const re = new Float64Array(z.length * n);
  const im = new Float64Array(z.length * n);
  for (let k = 0; k < z.length; k++) {
    const depth = zint + z[k];
    for (let i = 0; i < n; i++) {
      let fr = zint * rule.cos[i] + rule.sph6[i];
      let fi = 0;
      if (rule.axialImag[i]) fi = -Math.abs(depth * rule.axial[i]);
      else fr -= depth * rule.axial[i];
      const apod = apodize ? rule.sqrtCos[i] : 1;
      const amp = fi === 0 ? apod : Math.exp(fi) * apod; // exp(0)·a = a exactly
      re[k * n + i] = amp * Math.cos(fr);
      im[k * n + i] = -amp * Math.sin(fr);
    }
  }
  return { re, im };
}

export interface FocalIntensities {
  /** |K1|² + |K2|² + ½|K3|², [nz × nRho]. */
  hsym: Float64Array;
  /** 2·Re(K1·K2*) + ½|K3|², [nz × nRho]; null unless asked for. */
  hasym: Float64Array | null;
}

/**
 * h_sym and h_asym at every (z, ρ) of the phase and radial tables. `withK3 = false` drops K3
 * (PERI's `include_K3_det = False` for the detection).
 */
export function focalIntensities(
  radial: RadialTable,
  phase: { re: Float64Array; im: Float64Array },
  wantAsym: boolean,
  withK3 = true,
): FocalIntensities {
  const { n, nRho } = radial;
  const nz = phase.re.length / n;
  const hsym = new Float64Array(nz * nRho);
  const hasym = wantAsym ? new Float64Array(nz * nRho) : null;
  const [b1r, b2r, b3r] = radial.re;
  const [b1i, b2i, b3i] = radial.im;
  for (let k = 0; k < nz; k++) {
    const p = k * n;
    for (let r = 0; r < nRho; r++) {
      const b = r * n;
      let k1r = 0, k1i = 0, k2r = 0, k2i = 0, k3r = 0, k3i = 0;
      for (let i = 0; i < n; i++) {
        const pr = phase.re[p + i];
        const pi = phase.im[p + i];
        const q = b + i;
        k1r += pr * b1r[q] - pi * b1i[q];
        k1i += pr * b1i[q] + pi * b1r[q];
        k2r += pr * b2r[q] - pi * b2i[q];
        k2i += pr * b2i[q] + pi * b2r[q];
        if (withK3) {
          k3r += pr * b3r[q] - pi * b3i[q];
          k3i += pr * b3i[q] + pi * b3r[q];
        }
      }
      const half3 = 0.5 * (k3r * k3r + k3i * k3i);
      hsym[k * nRho + r] = k1r * k1r + k1i * k1i + k2r * k2r + k2i * k2i + half3;
      if (hasym) hasym[k * nRho + r] = 2 * (k1r * k2r + k1i * k2i) + half3;
    }
  }
  return { hsym, hasym };
}
