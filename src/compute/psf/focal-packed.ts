/**
 * The fast twin of `focalIntensities` (vectorial.ts), same values bit for bit:
 * - the radial table is packed node-interleaved ([ρ][node][m], one array), and stored real when
 *   every Fresnel factor is real (no total internal reflection at the nodes: the usual case), which
 *   halves the multiplications: with b_im = 0 exactly, pr·b − pi·0 and pr·0 + pi·b round as pr·b
 *   and pi·b (up to the sign of a zero, which the squares drop);
 * - two depths share each load of a radial row (register blocking);
 * - each distinct ρ is evaluated once (`distinctValues`; the callers gather);
 * - every accumulator still sums over the nodes in order, so the rounding is the reference's.
 */
import type { FocalIntensities, RadialTable } from './vectorial';

export interface PackedRadial {
  readonly nRho: number;
  readonly n: number;
  /** Real: [ρ][node][b1, b2, b3]; complex: [ρ][node][b1r, b1i, b2r, b2i, b3r, b3i]. */
  readonly b: Float64Array;
  readonly real: boolean;
}

/** Phase table interleaved: [z][node][re, im]. */
export interface PackedPhase {
  readonly nz: number;
  readonly p: Float64Array;
}

export function packRadial(t: RadialTable): PackedRadial {
  const { nRho, n } = t;
  const real = t.im.every((a) => a.every((v) => v === 0));
  const per = real ? 3 : 6;
  const b = new Float64Array(nRho * n * per);
  for (let q = 0; q < nRho * n; q++) {
    for (let m = 0; m < 3; m++) {
      if (real) b[q * 3 + m] = t.re[m][q];
      else (b[q * 6 + 2 * m] = t.re[m][q]), (b[q * 6 + 2 * m + 1] = t.im[m][q]);
    }
  }
  return { nRho, n, b, real };
}

/** Interleaves a `phaseTable` of n nodes per depth. */
export function packPhase(phase: { re: Float64Array; im: Float64Array }, n: number): PackedPhase {
  const p = new Float64Array(2 * phase.re.length);
  for (let q = 0; q < phase.re.length; q++) (p[2 * q] = phase.re[q]), (p[2 * q + 1] = phase.im[q]);
  return { nz: phase.re.length / n, p };
}

/** h_sym (and h_asym) at every (z, ρ), [nz × nRho], equal to `focalIntensities` on the unpacked tables. */
export function focalIntensitiesPacked(radial: PackedRadial, phase: PackedPhase, wantAsym: boolean, withK3 = true): FocalIntensities {
  const hsym = new Float64Array(phase.nz * radial.nRho);
  const hasym = wantAsym ? new Float64Array(phase.nz * radial.nRho) : null;
  const out = { hsym, hasym, k3: withK3 ? 1 : 0 };
  if (radial.real) realRows(radial, phase, out);
  else complexRows(radial, phase, out);
  return { hsym, hasym };
}

interface Outputs {
  hsym: Float64Array;
  hasym: Float64Array | null;
  /** 1 to include K3, 0 to drop it (multiplies K3's accumulators: 0·x = 0 as the reference's 0). */
  k3: number;
}

/** Writes h_sym/h_asym of K1..K3 at flat index `at` (the reference's expressions). */
function store(o: Outputs, at: number, k1r: number, k1i: number, k2r: number, k2i: number, k3r: number, k3i: number): void {
  const half3 = 0.5 * (k3r * k3r + k3i * k3i);
  o.hsym[at] = k1r * k1r + k1i * k1i + k2r * k2r + k2i * k2i + half3;
  if (o.hasym) o.hasym[at] = 2 * (k1r * k2r + k1i * k2i) + half3;
}

function realRows(radial: PackedRadial, phase: PackedPhase, o: Outputs): void {
  const { nRho, n, b } = radial;
  const { nz, p } = phase;
  for (let r = 0; r < nRho; r++) {
    const rb = r * n * 3;
    let k = 0;
    for (; k + 1 < nz; k += 2) {
      const p0 = 2 * k * n;
      const p1 = p0 + 2 * n;
      let a1r = 0, a1i = 0, a2r = 0, a2i = 0, a3r = 0, a3i = 0;
      let c1r = 0, c1i = 0, c2r = 0, c2i = 0, c3r = 0, c3i = 0;
      for (let i = 0, q = rb, s0 = p0, s1 = p1; i < n; i++, q += 3, s0 += 2, s1 += 2) {
        const b1 = b[q], b2 = b[q + 1], b3 = b[q + 2];
        const pr = p[s0], pi = p[s0 + 1];
        const sr = p[s1], si = p[s1 + 1];
        a1r += pr * b1; a1i += pi * b1; a2r += pr * b2; a2i += pi * b2; a3r += pr * b3; a3i += pi * b3;
        c1r += sr * b1; c1i += si * b1; c2r += sr * b2; c2i += si * b2; c3r += sr * b3; c3i += si * b3;
      }
      store(o, k * nRho + r, a1r, a1i, a2r, a2i, o.k3 * a3r, o.k3 * a3i);
      store(o, (k + 1) * nRho + r, c1r, c1i, c2r, c2i, o.k3 * c3r, o.k3 * c3i);
    }
    if (k < nz) {
      const p0 = 2 * k * n;
      let a1r = 0, a1i = 0, a2r = 0, a2i = 0, a3r = 0, a3i = 0;
      for (let i = 0; i < n; i++) {
        const q = rb + 3 * i;
        const pr = p[p0 + 2 * i], pi = p[p0 + 2 * i + 1];
        a1r += pr * b[q]; a1i += pi * b[q]; a2r += pr * b[q + 1]; a2i += pi * b[q + 1]; a3r += pr * b[q + 2]; a3i += pi * b[q + 2];
      }
      store(o, k * nRho + r, a1r, a1i, a2r, a2i, o.k3 * a3r, o.k3 * a3i);
    }
  }
}

function complexRows(radial: PackedRadial, phase: PackedPhase, o: Outputs): void {
  const { nRho, n, b } = radial;
  const { nz, p } = phase;
  for (let r = 0; r < nRho; r++) {
    const rb = r * n * 6;
    for (let k = 0; k < nz; k++) {
      const p0 = 2 * k * n;
      let k1r = 0, k1i = 0, k2r = 0, k2i = 0, k3r = 0, k3i = 0;
      for (let i = 0; i < n; i++) {
        const q = rb + 6 * i;
        const pr = p[p0 + 2 * i], pi = p[p0 + 2 * i + 1];
        k1r += pr * b[q] - pi * b[q + 1];
        k1i += pr * b[q + 1] + pi * b[q];
        k2r += pr * b[q + 2] - pi * b[q + 3];
        k2i += pr * b[q + 3] + pi * b[q + 2];
        k3r += pr * b[q + 4] - pi * b[q + 5];
        k3i += pr * b[q + 5] + pi * b[q + 4];
      }
      store(o, k * nRho + r, k1r, k1i, k2r, k2i, o.k3 * k3r, o.k3 * k3i);
    }
  }
}

/** The distinct values (first occurrence order) and each value's index among them. */
export function distinctValues(values: ArrayLike<number>): { values: Float64Array; index: Int32Array } {
  const at = new Map<number, number>();
  const index = new Int32Array(values.length);
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) {
    let u = at.get(values[i]);
    if (u === undefined) (u = out.length), at.set(values[i], u), out.push(values[i]);
    index[i] = u;
  }
  return { values: Float64Array.from(out), index };
}
