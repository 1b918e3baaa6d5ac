/**
 * The depth-dependent exact confocal PSF in pixel units (PERI's ExactPSF machinery):
 * - `slice(z, zoffset)`: the PSF of an emitter at padded-grid depth z, on a centred grid of the
 *   support size; the emitter sits zint = max(p2k((z − zslab)·zscale), 0) above the interface,
 *   z offsets are (i·zscale + zoffset) pixels (the offset only when zint > 0), p2k(v) = 2π·pxsize·v/λ;
 * - `measureDrift(z)`: the axial centre of mass of the slice, refined `iterations` times by
 *   re-centring on the running estimate;
 * - `driftLine(l, u)`: the straight line through the drifts measured at l and u;
 * - `chebyshevKernels(zrange)`: the Chebyshev coefficient kernels of the slice, each slice taken
 *   at its own drift, over the window zrange.
 * Evaluators (and so the Bessel tables) are built once per parameter set.
 */
import { chebyshevCoefficients, chebyshevNodes, type Window } from './chebyshev';
import { ConfocalPsfEvaluator, type ConfocalOptics, type EvaluatorOptions } from './confocal-exact';
import { OpticsError } from './vectorial';

export interface ConfocalGeometry {
  /** xy pixel size (µm). */
  pxsize: number;
  /** Wavelength of the illuminating light (µm). */
  laserWavelength: number;
  /** Padded-grid z (pixels) of the optical interface. */
  zslab: number;
  /** z pixel size / xy pixel size. */
  zscale: number;
}

export type Support3 = readonly [number, number, number];

/** Line a·z + b (PERI's drift polynomial [a, b]). */
export interface DriftLine {
  slope: number;
  intercept: number;
}

export function driftAt(line: DriftLine, z: number): number {
  return line.slope * z + line.intercept;
}

function checkSupport(support: Support3): void {
  if (support.length !== 3 || !support.every((n) => Number.isInteger(n) && n >= 1 && n % 2 === 1)) {
    throw new OpticsError(`the exact PSF support must be 3 odd positive integers (z, y, x), got [${support.join(', ')}]`);
  }
}

function checkGeometry(g: ConfocalGeometry): void {
  for (const [k, v] of Object.entries(g)) {
    if (!Number.isFinite(v)) throw new OpticsError(`${k} must be finite, got ${v}`);
  }
  if (!(g.pxsize > 0)) throw new OpticsError(`pxsize must be positive, got ${g.pxsize}`);
  if (!(g.laserWavelength > 0)) throw new OpticsError(`laserWavelength must be positive, got ${g.laserWavelength}`);
}

export class ExactConfocalPsf {
  readonly evaluator: ConfocalPsfEvaluator;
  private readonly zIndex: Float64Array;

  constructor(
    readonly optics: ConfocalOptics,
    readonly geometry: ConfocalGeometry,
    readonly support: Support3,
    opts: EvaluatorOptions = {},
  ) {
    checkSupport(support);
    checkGeometry(geometry);
    const half = (n: number) => Float64Array.from({ length: (n + 1) / 2 }, (_, i) => this.p2k(i));
    this.evaluator = new ConfocalPsfEvaluator(optics, { x: half(support[2]), y: half(support[1]) }, opts);
    const hz = (support[0] - 1) / 2;
    this.zIndex = Float64Array.from({ length: support[0] }, (_, i) => i - hz);
  }

  /** Pixels → 1/k_in units. */
  p2k(v: number): number {
    return (2 * Math.PI * this.geometry.pxsize * v) / this.geometry.laserWavelength;
  }

  /** Padded-grid z → distance above the interface in (xy) pixels. */
  tz(z: number): number {
    return (z - this.geometry.zslab) * this.geometry.zscale;
  }

  /** PERI's psf_slice(z, size=support, zoffset): [support] (z, y, x), unit sum. */
  slice(z: number, zoffset = 0): Float64Array {
    const zint = Math.max(this.p2k(this.tz(z)), 0);
    const offset = zint > 0 ? zoffset : 0;
    const zs = this.zIndex.map((i) => this.p2k(this.geometry.zscale * i + offset));
    return this.evaluator.evaluate(zs, zint);
  }

  /** Axial centre of mass (pixels) of the slice at z, re-centred `iterations` times. */
  measureDrift(z: number, iterations = 11): number {
    // Near convergence the estimate repeats (a zero or ±1-ulp correction): reuse its correction.
    const corrections = new Map<number, number>();
    let drift = 0;
    for (let it = 0; it < iterations; it++) {
      let correction = corrections.get(drift);
      if (correction === undefined) corrections.set(drift, (correction = this.axialCentre(z, drift)));
      drift += correction;
    }
    return drift;
  }

  /** Axial centre of mass (pixels, from the centre plane) of slice(z, offset). */
  private axialCentre(z: number, offset: number): number {
    const [nz, ny, nx] = this.support;
    const plane = ny * nx;
    const psf = this.slice(z, offset);
    let moment = 0;
    let total = 0;
    for (let k = 0; k < nz; k++) {
      let s = 0;
      for (let i = k * plane; i < (k + 1) * plane; i++) s += psf[i];
      moment += this.zIndex[k] * s;
      total += s;
    }
    return moment / total;
  }

  /**
   * Least-squares line through the drifts at l and u (numpy polyfit of degree 1; when l = u it is
   * the minimum-norm solution, as lstsq gives).
   */
  driftLine(l: number, u: number, iterations = 11): DriftLine {
    const dl = this.measureDrift(l, iterations);
    const du = this.measureDrift(u, iterations);
    if (l !== u) {
      const slope = (du - dl) / (u - l);
      return { slope, intercept: dl - slope * l };
    }
    const mean = (dl + du) / 2;
    return { slope: (mean * l) / (l * l + 1), intercept: mean / (l * l + 1) };
  }

  /** Chebyshev coefficient kernels c_0..c_{degree−1} of slice(z, drift(z)) over `window`. */
  chebyshevKernels(window: Window, drift: DriftLine, degree = 6, evals = 8): Float64Array[] {
    const samples = Array.from(chebyshevNodes(window, evals), (z) => this.slice(z, driftAt(drift, z)));
    return chebyshevCoefficients(samples, degree);
  }
}
