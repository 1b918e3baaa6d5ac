/**
 * Is what a fit leaves white noise? Two checks on the residuals r = data − model:
 * - their real-space distribution: excess kurtosis m4/m2² − 3 (0 for a Gaussian);
 * - particle-shaped structure: for each particle whose centre lies inside the image, the mean
 *   residual over its surface shell (voxels whose distance to the centre, z scaled by zscale, is
 *   within ±`shellHalfWidth` px of the radius), divided by σ/√n for the shell's n voxels. For pure
 *   noise each score is N(0, 1), so their RMS is ≈ 1; a misplaced or mis-sized sphere leaves a
 *   signed ring on its surface and a score of many units.
 * σ is the RMS of the residuals (the noise level a converged fit estimates).
 */
import { PeriValueError } from '../errors';
import { ZSCALE_PARAM } from '../params';
import type { Vec3 } from '../tile';

export interface ShellScore {
  index: number;
  pos: Vec3;
  rad: number;
  /** Voxels in the shell (inside the image). */
  n: number;
  meanResidual: number;
  /** meanResidual / (σ/√n). */
  score: number;
}

export interface WhiteNoiseDiagnostics {
  sigma: number;
  mean: number;
  excessKurtosis: number;
  skewness: number;
  shells: ShellScore[];
  /** √(mean score²) over the particles inside the image (NaN when there is none). */
  rmsShellScore: number;
  maxAbsShellScore: number;
}

export interface DiagnosticsInput {
  residuals: ArrayLike<number>;
  /** Image shape (z, y, x). */
  shape: Vec3;
  positions: readonly Vec3[];
  radii: readonly number[];
  zscale: number;
}

export interface DiagnosticsOptions {
  /** Half-width of the shell in pixels. Default 2. */
  shellHalfWidth?: number;
}

/** Central moments of the residuals: mean, σ (RMS about 0), skewness, excess kurtosis. */
export function residualMoments(r: ArrayLike<number>): { mean: number; rms: number; skewness: number; excessKurtosis: number } {
  const n = r.length;
  if (n < 2) throw new PeriValueError(`residual statistics need at least 2 values, got ${n}`);
  let s = 0;
  let s2 = 0;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    s += r[i];
    s2 += r[i] * r[i];
    lo = Math.min(lo, r[i]);
    hi = Math.max(hi, r[i]);
  }
  if (!(hi > lo)) throw new PeriValueError('the residuals are constant: their distribution has no spread');
  const mean = s / n;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (let i = 0; i < n; i++) {
    const d = r[i] - mean;
    const d2 = d * d;
    m2 += d2;
    m3 += d2 * d;
    m4 += d2 * d2;
  }
  m2 /= n;
  return { mean, rms: Math.sqrt(s2 / n), skewness: m3 / n / m2 ** 1.5, excessKurtosis: m4 / n / (m2 * m2) - 3 };
}

function insideImage(p: Vec3, a: number, shape: Vec3): boolean {
  return a > 0 && p.every((v, k) => v > 0 && v < shape[k]);
}

/** Σ and count of the residuals on the shell |d − a| ≤ w around p (d with z scaled by zscale). */
function shellSum(r: ArrayLike<number>, shape: Vec3, p: Vec3, a: number, zscale: number, w: number): { sum: number; n: number } {
  const [nz, ny, nx] = shape;
  const reach = [(a + w) / zscale, a + w, a + w];
  const lo = p.map((v, k) => Math.max(0, Math.ceil(v - reach[k])));
  const hi = p.map((v, k) => Math.min(shape[k] - 1, Math.floor(v + reach[k])));
  const inner2 = Math.max(0, a - w) ** 2;
  const outer2 = (a + w) ** 2;
  let sum = 0;
  let n = 0;
  for (let z = lo[0]; z <= hi[0] && z < nz; z++) {
    const dz2 = (zscale * (z - p[0])) ** 2;
    for (let y = lo[1]; y <= hi[1] && y < ny; y++) {
      const dzy2 = dz2 + (y - p[1]) ** 2;
      const row = (z * ny + y) * nx;
      for (let x = lo[2]; x <= hi[2] && x < nx; x++) {
        const d2 = dzy2 + (x - p[2]) ** 2;
        if (d2 >= inner2 && d2 <= outer2) {
          sum += r[row + x];
          n++;
        }
      }
    }
  }
  return { sum, n };
}

/** Shell scores of every particle whose centre lies inside the image. */
export function shellScores(input: DiagnosticsInput, sigma: number, opts: DiagnosticsOptions = {}): ShellScore[] {
  const w = opts.shellHalfWidth ?? 2;
  if (!(w > 0)) throw new PeriValueError(`the shell half-width must be > 0 px, got ${w}`);
  if (!(sigma > 0)) throw new PeriValueError(`σ must be > 0 to score shells, got ${sigma}`);
  if (!(input.zscale > 0)) throw new PeriValueError(`zscale must be > 0, got ${input.zscale}`);
  const out: ShellScore[] = [];
  input.positions.forEach((p, index) => {
    const a = input.radii[index];
    if (!insideImage(p, a, input.shape)) return;
    const { sum, n } = shellSum(input.residuals, input.shape, p, a, input.zscale, w);
    if (n === 0) return;
    out.push({ index, pos: p, rad: a, n, meanResidual: sum / n, score: sum / n / (sigma / Math.sqrt(n)) });
  });
  return out;
}

/** Both checks on explicit residuals and particles. */
export function residualDiagnostics(input: DiagnosticsInput, opts: DiagnosticsOptions = {}): WhiteNoiseDiagnostics {
  const len = input.shape[0] * input.shape[1] * input.shape[2];
  if (input.residuals.length !== len) throw new PeriValueError(`${input.residuals.length} residuals for an image of ${input.shape.join('×')} = ${len} voxels`);
  if (input.positions.length !== input.radii.length) throw new PeriValueError(`${input.positions.length} positions but ${input.radii.length} radii`);
  const m = residualMoments(input.residuals);
  const shells = shellScores(input, m.rms, opts);
  const sq = shells.reduce((s, c) => s + c.score * c.score, 0);
  return {
    sigma: m.rms,
    mean: m.mean,
    excessKurtosis: m.excessKurtosis,
    skewness: m.skewness,
    shells,
    rmsShellScore: shells.length ? Math.sqrt(sq / shells.length) : Number.NaN,
    maxAbsShellScore: shells.reduce((s, c) => Math.max(s, Math.abs(c.score)), 0),
  };
}

/** What the diagnostics read of a state. */
export interface DiagnosedState {
  residuals: Float32Array;
  ishape: { shape: Vec3 };
  spheres: { positions(): Vec3[]; radii(): number[]; getValues(names: readonly string[]): number[] } | null;
}

/** whiteNoiseDiagnostics(state): kurtosis of the residuals and the particles' shell scores. */
export function whiteNoiseDiagnostics(st: DiagnosedState, opts: DiagnosticsOptions = {}): WhiteNoiseDiagnostics {
  const sph = st.spheres;
  return residualDiagnostics(
    { residuals: st.residuals, shape: st.ishape.shape, positions: sph?.positions() ?? [], radii: sph?.radii() ?? [], zscale: sph ? sph.getValues([ZSCALE_PARAM])[0] : 1 },
    opts,
  );
}
