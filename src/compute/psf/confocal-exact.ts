/**
 * Exact confocal PSFs on a centred grid (PERI's psfcalc, from the math):
 * - line-scan (the line along x): psf(x,y,z) = h_ilm(y,z) · h_det(x,y,z), with the illumination
 *   integrated along the line, h_ilm(y,z) = 2 Σ_p w_p Σ_a w_a [h_sym(ρ_ap,z) + cos 2(φ_a − polar)·h_asym(ρ_ap,z)],
 *   ρ_ap = √(x_a² + (y − y_p)²), φ_a = atan2(y, x_a) (x_a: sinh-mapped Gauss–Laguerre; y_p:
 *   Gauss–Hermite over the line's width, one point at 0 for a thin line);
 * - pinhole: psf = (h_sym + cos 2φ·h_asym)(ρ, z; zint) · h_det.
 * The detection is h_sym at (kρ, kz; k·zint) for k = k_out/k_in, averaged over a Gauss–Hermite
 * spectrum k_j = |kfki + sigkf·√2·t_j| (weights normalised) when polychromatic.
 * Coordinates in 1/k_in units; the result is normalised to unit sum. Only the quadrant x, y ≥ 0 is
 * computed and mirrored (the x → −x, y → −y symmetry PERI uses), so grids are odd and centred.
 * Speed (same values bit for bit): each distinct ρ is evaluated once (on the quadrant, ρ(x, y) =
 * ρ(y, x) where the grids share a step), with the packed, real-when-possible focal integrals of
 * focal-packed.ts; `reference: true` evaluates every point with the plain `focalIntensities`.
 */
import { distinctValues, focalIntensitiesPacked, packPhase, packRadial, type PackedRadial } from './focal-packed';
import { gaussHermite, lineScanQuadrature } from './quadrature';
import {
  OpticsError,
  angularRule,
  focalIntensities,
  phaseTable,
  radialTable,
  type AngularRule,
  type LensOptics,
  type RadialTable,
} from './vectorial';

export type ConfocalScan = 'line' | 'pinhole';

export interface ConfocalOptics extends LensOptics {
  scan: ConfocalScan;
  /** Mean ratio k_out/k_in of the detected to the illuminating wavevector. */
  kfki: number;
  /** Standard deviation of kfki; null for monochromatic detection. */
  sigkf: number | null;
  /** Gauss–Hermite points over the detection spectrum (PERI: 3). */
  nkpts?: number;
  /** Polarisation angle of the illumination w.r.t. the line (rad); line-scan only (PERI: 0). */
  polarAngle?: number;
  /** Include K3 in the detection (PERI's `use_J1`, default true). */
  includeK3Det?: boolean;
  /** Line-scan only: Gaussian width (1/k units) of the line image and Hermite points over it. */
  lineWidth?: { width: number; points: number } | null;
}

export interface DetectionSpectrum {
  k: Float64Array;
  w: Float64Array;
}

export function detectionSpectrum(kfki: number, sigkf: number | null, nkpts = 3): DetectionSpectrum {
  if (!Number.isFinite(kfki)) throw new OpticsError(`kfki must be finite, got ${kfki}`);
  if (sigkf === null) return { k: Float64Array.of(kfki), w: Float64Array.of(1) };
  if (!Number.isFinite(sigkf)) throw new OpticsError(`sigkf must be finite, got ${sigkf}`);
  const gh = gaussHermite(nkpts);
  const total = gh.weights.reduce((a, b) => a + b, 0);
  return {
    k: gh.nodes.map((t) => Math.abs(kfki + sigkf * Math.SQRT2 * t)),
    w: gh.weights.map((v) => v / total),
  };
}

/** Quadrant coordinates (1/k units), x_0 = y_0 = 0: the grid is x_{−h..h} mirrored. */
export interface QuadrantGrid {
  x: Float64Array;
  y: Float64Array;
}

export interface EvaluatorOptions {
  /** The plain twin: every grid point evaluated with `focalIntensities` (the tests' reference). */
  reference?: boolean;
}

/** Radial tables of the distinct ρ of a set of points, and each point's row among them. */
interface RadialSet {
  index: Int32Array;
  plain: RadialTable;
  packed: PackedRadial | null;
}

interface IlluminationTable {
  radial: RadialSet;
  /** cos 2(φ − polar) per radial row. */
  cos2phi: Float64Array;
  /** Weight per radial row (line: 2·w_p·w_a; pinhole: 1). */
  weight: Float64Array;
  /** Radial rows summed into each illumination value (line: per y; pinhole: 1). */
  rowsPer: number;
}

export class ConfocalPsfEvaluator {
  readonly rule: AngularRule;
  readonly spectrum: DetectionSpectrum;
  private readonly det: RadialSet[];
  private readonly ilm: IlluminationTable;
  private readonly nxq: number;
  private readonly nyq: number;

  private readonly reference: boolean;

  constructor(readonly optics: ConfocalOptics, readonly grid: QuadrantGrid, opts: EvaluatorOptions = {}) {
    if (grid.x[0] !== 0 || grid.y[0] !== 0) throw new OpticsError('quadrant grids must start at 0 (odd, centred PSF grids)');
    this.reference = opts.reference ?? false;
    this.rule = angularRule(optics);
    this.spectrum = detectionSpectrum(optics.kfki, optics.sigkf, optics.nkpts ?? 3);
    this.nxq = grid.x.length;
    this.nyq = grid.y.length;
    const rho = new Float64Array(this.nxq * this.nyq);
    for (let y = 0; y < this.nyq; y++) for (let x = 0; x < this.nxq; x++) rho[y * this.nxq + x] = Math.hypot(grid.x[x], grid.y[y]);
    const tables = new Map<number, RadialSet>();
    this.det = Array.from(this.spectrum.k, (k) => {
      const set = (this.reference ? undefined : tables.get(k)) ?? this.radialSet(rho.map((r) => r * k));
      tables.set(k, set);
      return set;
    });
    this.ilm = optics.scan === 'line' ? this.lineIllumination() : this.pinholeIllumination(rho);
  }

  /** The PSF on the full grid [nz, 2·ny_q − 1, 2·nx_q − 1] (z, y, x), unit sum; z and zint in 1/k_in. */
  evaluate(z: ArrayLike<number>, zint: number): Float64Array {
    const nz = z.length;
    const nq = this.nxq * this.nyq;
    const hilm = this.illumination(z, zint);
    const hdet = this.detection(z, zint);
    if (this.optics.scan === 'line') {
      for (let k = 0; k < nz; k++) {
        for (let y = 0; y < this.nyq; y++) {
          const f = hilm[k * this.nyq + y];
          const row = k * nq + y * this.nxq;
          for (let x = 0; x < this.nxq; x++) hdet[row + x] *= f;
        }
      }
    } else {
      for (let q = 0; q < hdet.length; q++) hdet[q] *= hilm[q];
    }
    return this.mirror(hdet, nz);
  }

  /** Detection Σ_j w_j·h_sym(k_j·) on the quadrant [nz × ny_q·nx_q]; equal k_j (sigkf = 0) evaluated once. */
  private detection(z: ArrayLike<number>, zint: number): Float64Array {
    const nz = z.length;
    const nq = this.nxq * this.nyq;
    const hdet = new Float64Array(nz * nq);
    const withK3 = this.optics.includeK3Det ?? true;
    const done = new Map<number, Float64Array>();
    this.spectrum.k.forEach((k, j) => {
      const set = this.det[j];
      let hsym = this.reference ? undefined : done.get(k);
      if (!hsym) {
        const phase = phaseTable(this.rule, Array.from(z, (v) => v * k), zint * k, false);
        hsym = this.intensities(set, phase, false, withK3).hsym;
        done.set(k, hsym);
      }
      const w = this.spectrum.w[j];
      const { index } = set;
      const nRho = set.plain.nRho;
      for (let s = 0; s < nz; s++) {
        for (let q = 0; q < nq; q++) hdet[s * nq + q] += w * hsym[s * nRho + index[q]];
      }
    });
    return hdet;
  }

  /** Illumination [nz × ny_q] (line scan: per y ≥ 0) or [nz × ny_q·nx_q] (pinhole: per quadrant point). */
  illumination(z: ArrayLike<number>, zint: number): Float64Array {
    const { radial, cos2phi, weight, rowsPer } = this.ilm;
    const phase = phaseTable(this.rule, z, zint, true);
    const { hsym, hasym } = this.intensities(radial, phase, true, true);
    const { index } = radial;
    const nRho = radial.plain.nRho;
    const nOut = index.length / rowsPer;
    const out = new Float64Array(z.length * nOut);
    for (let k = 0; k < z.length; k++) {
      for (let o = 0; o < nOut; o++) {
        let acc = 0;
        for (let r = o * rowsPer; r < (o + 1) * rowsPer; r++) {
          const at = k * nRho + index[r];
          acc += weight[r] * (hsym[at] + cos2phi[r] * hasym![at]);
        }
        out[k * nOut + o] = acc;
      }
    }
    return out;
  }

  private lineIllumination(): IlluminationTable {
    const line = lineScanQuadrature(20);
    const lw = this.optics.lineWidth;
    const width = lw ? lineWidthQuadrature(lw.width, lw.points) : { y: [0], w: [1] };
    const polar = this.optics.polarAngle ?? 0;
    const na = line.nodes.length;
    const rowsPer = width.y.length * na;
    const rows = this.nyq * rowsPer;
    const rho = new Float64Array(rows);
    const cos2phi = new Float64Array(rows);
    const weight = new Float64Array(rows);
    for (let y = 0; y < this.nyq; y++) {
      const yv = this.grid.y[y];
      for (let p = 0; p < width.y.length; p++) {
        for (let a = 0; a < na; a++) {
          const r = y * rowsPer + p * na + a;
          const xa = line.nodes[a];
          rho[r] = Math.hypot(xa, yv - width.y[p]);
          cos2phi[r] = Math.cos(2 * (Math.atan2(yv, xa) - polar));
          weight[r] = 2 * width.w[p] * line.weights[a];
        }
      }
    }
    return { radial: this.radialSet(rho), cos2phi, weight, rowsPer };
  }

  private pinholeIllumination(rho: Float64Array): IlluminationTable {
    const cos2phi = new Float64Array(rho.length);
    for (let y = 0; y < this.nyq; y++) {
      for (let x = 0; x < this.nxq; x++) cos2phi[y * this.nxq + x] = Math.cos(2 * Math.atan2(this.grid.y[y], this.grid.x[x]));
    }
    return { radial: this.radialSet(rho), cos2phi, weight: new Float64Array(rho.length).fill(1), rowsPer: 1 };
  }

  private radialSet(rho: Float64Array): RadialSet {
    const { values, index } = this.reference ? { values: rho, index: Int32Array.from(rho, (_, i) => i) } : distinctValues(rho);
    const plain = radialTable(this.rule, values);
    return { index, plain, packed: this.reference ? null : packRadial(plain) };
  }

  private intensities(set: RadialSet, phase: { re: Float64Array; im: Float64Array }, wantAsym: boolean, withK3: boolean) {
    if (!set.packed) return focalIntensities(set.plain, phase, wantAsym, withK3);
    return focalIntensitiesPacked(set.packed, packPhase(phase, this.rule.n), wantAsym, withK3);
  }

  /** Quadrant [nz, nyq, nxq] → full grid [nz, 2nyq − 1, 2nxq − 1], normalised to unit sum. */
  private mirror(quad: Float64Array, nz: number): Float64Array {
    const ny = 2 * this.nyq - 1;
    const nx = 2 * this.nxq - 1;
    const out = new Float64Array(nz * ny * nx);
    const cy = this.nyq - 1;
    const cx = this.nxq - 1;
    let sum = 0;
    for (let k = 0; k < nz; k++) {
      for (let y = 0; y < ny; y++) {
        const qy = Math.abs(y - cy);
        for (let x = 0; x < nx; x++) {
          const v = quad[(k * this.nyq + qy) * this.nxq + Math.abs(x - cx)];
          out[(k * ny + y) * nx + x] = v;
          sum += v;
        }
      }
    }
    if (!(sum > 0) || !Number.isFinite(sum)) throw new OpticsError(`the confocal PSF sums to ${sum}; check the optical parameters`);
    for (let i = 0; i < out.length; i++) out[i] /= sum;
    return out;
  }
}

/** Gauss–Hermite offsets y_p = √2·width·t_p and weights W_p/√π across a Gaussian line image. */
function lineWidthQuadrature(width: number, points: number): { y: number[]; w: number[] } {
  if (!Number.isFinite(width)) throw new OpticsError(`line width must be finite, got ${width}`);
  const gh = gaussHermite(points);
  return {
    y: Array.from(gh.nodes, (t) => t * Math.SQRT2 * width),
    w: Array.from(gh.weights, (v) => v / Math.sqrt(Math.PI)),
  };
}
