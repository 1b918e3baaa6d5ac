/**
 * PERI's FixedSSChebLinePSF ('cheb-linescan-fixedss', the paper's PSF) and FixedSSChebPinholePSF:
 * exact confocal PSFs whose depth dependence is a Chebyshev series over `zrange`,
 * PSF(·; z) ≈ Σ_{k<6} c_k(·)·T_k(ẑ(z)), with fixed support [35, 17, 25].
 * On an update the drift line (the PSF's axial centre of mass at max(zrange[0], zslab) and at
 * zrange[1]) is measured, then the 6 coefficient kernels c_k come from 8 slices at the Chebyshev
 * nodes, each centred on its drift. `execute` is out(z) = Σ_k T_k(ẑ(z))·[field ⊛ c_k](z): one
 * forward real FFT of the tile and one inverse per kernel (circular, kernels zero-padded centred).
 * Kernels are cached per parameter set (a few sets, for finite differences that step back and
 * forth), kernel spectra per tile shape.
 */
import { chebyshevWeights } from '../../psf/chebyshev';
import { ExactConfocalPsf, driftAt, type DriftLine } from '../../psf/confocal-depth';
import type { ConfocalScan } from '../../psf/confocal-exact';
import { Tile, type Vec3 } from '../tile';
import { chebCombineCpu } from './cheb-combine.cpu';
import { clipExactValues, exactModel, resolveExactOptions, type ExactPsfOptions, type ResolvedExactOptions } from './exact-options';
import { PsfBase, asFloat32, wrapCentredKernel } from './psf';
import { complexMulCpu } from '../../elementwise/elementwise.cpu';
import { halfShape, planFftCpu, planRfftCpu } from '../../fft/fft';

export type { ExactPsfOptions } from './exact-options';

const KERNEL_CACHE_SIZE = 4;

export interface ChebyshevKernels {
  readonly psf: ExactConfocalPsf;
  readonly drift: DriftLine;
  readonly window: readonly [number, number];
  /** c_0..c_{degree−1}, each [support] (z, y, x), centred. */
  readonly coefficients: readonly Float64Array[];
}

export abstract class FixedSSChebPSF extends PsfBase {
  readonly settings: ResolvedExactOptions;
  private cache = new Map<string, ChebyshevKernels>();
  private spectra: { key: string; shape: string; otfs: Float32Array[] } | null = null;
  /** PERI fixes zrange at the first set_shape when it was not given. */
  private zWindow: [number, number] | null;

  constructor(scan: ConfocalScan, opts: ExactPsfOptions) {
    const { names, values, settings } = resolveExactOptions(scan, opts);
    super(names, values);
    this.settings = settings;
    this.zWindow = settings.zrange;
  }

  get support(): Vec3 {
    return this.settings.support;
  }

  /** The z window of the interpolation: `zrange`, or (0, padded Nz) of the first shape. */
  zrange(): [number, number] {
    this.zWindow ??= [0, this.requireShape().shape[0]];
    return this.zWindow;
  }

  getPaddingSize(): Tile {
    return new Tile(this.support);
  }

  /** Drift line and Chebyshev kernels of the current values (computed once per parameter set). */
  kernels(): ChebyshevKernels {
    const key = this.valueKey();
    const hit = this.cache.get(key);
    if (hit) {
      this.cache.delete(key);
      this.cache.set(key, hit);
      return hit;
    }
    const get = (n: string) => this.value(n);
    const { optics, geometry } = exactModel(get, this.settings);
    const psf = new ExactConfocalPsf(optics, geometry, this.support);
    const window = this.zrange();
    const s = this.settings;
    const drift = psf.driftLine(Math.max(window[0], geometry.zslab), window[1], s.measurementIterations);
    const coefficients = psf.chebyshevKernels(window, drift, s.chebDegree, s.chebEvals);
    const entry = { psf, drift, window, coefficients };
    if (this.cache.size >= KERNEL_CACHE_SIZE) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(key, entry);
    return entry;
  }

  /** PERI's drift(z): the PSF's axial offset (pixels) at padded-grid depth z. */
  drift(z: number): number {
    return driftAt(this.kernels().drift, z);
  }

  /** PERI's psf_slice(z, size=support, zoffset=drift(z)): the exact (not interpolated) PSF at z. */
  slice(z: number): Float64Array {
    const k = this.kernels();
    return k.psf.slice(z, driftAt(k.drift, z));
  }

  /** Kernel spectra on a tile shape, for the current values. */
  kernelSpectra(shape: Vec3): Float32Array[] {
    const key = this.valueKey();
    const shapeKey = shape.join('x');
    if (this.spectra?.key === key && this.spectra.shape === shapeKey) return this.spectra.otfs;
    const plan = planRfftCpu(shape);
    const otfs = this.kernels().coefficients.map((c) => plan.forward(wrapCentredKernel(c, this.support, shape)));
    this.spectra = { key, shape: shapeKey, otfs };
    return otfs;
  }

  /** Weights T_k(ẑ(z)) for the tile's z coordinates, [nz × degree]. */
  chebyshevWeights(tile: Tile): Float64Array {
    return chebyshevWeights(tile.coords(0), this.zrange(), this.settings.chebDegree);
  }

  /** The convolutions field ⊛ c_k on the tile (the per-kernel inputs of the combination). */
  convolutions(field: ArrayLike<number>, tile: Tile): Float32Array[] {
    this.checkField(field, tile);
    this.checkSupport(tile, this.support);
    const shape = tile.shape;
    const plan = planRfftCpu(shape);
    const f = plan.forward(asFloat32(field));
    return this.kernelSpectra(shape).map((otf) => plan.inverse(product(otf, f)));
  }

  /**
   * Σ_k T_k(ẑ(z))·[field ⊛ c_k](z). The weights depend on z only, so each product F·C_k is
   * inverse-transformed along z alone, combined, and the (y, x) inverse is done once: 1 forward and
   * 1 + 6/3 inverse FFTs' worth of work instead of 1 + 6. Same result as combining `convolutions`.
   */
  execute(field: ArrayLike<number>, tile: Tile): Float32Array {
    this.checkField(field, tile);
    this.checkSupport(tile, this.support);
    const shape = tile.shape;
    const f = planRfftCpu(shape).forward(asFloat32(field));
    const hs = halfShape(shape);
    const alongZ = planFftCpu(hs, [0]);
    const zMixed = this.kernelSpectra(shape).map((otf) => {
      const p = product(otf, f);
      alongZ.inverse(p);
      return p;
    });
    const combined = chebCombineCpu(zMixed, this.chebyshevWeights(tile), [hs[0], hs[1], 2 * hs[2]]);
    return inverseOverXY(combined, shape);
  }

  protected override initialize(): void {
    this.zrange();
    super.initialize();
  }

  protected override afterValues(): void {
    const clipped = clipExactValues((n) => this.value(n), this.settings.zscaleName);
    if (clipped.length) this.setValues(clipped.map(([n]) => n), clipped.map(([, v]) => v));
  }

  protected invalidate(): void {
    this.spectra = null;
  }

  private valueKey(): string {
    const z = this.zrange();
    return `${this.values.join(',')}|${z.join(',')}`;
  }
}

/** otf · f as a new half spectrum. */
function product(otf: Float32Array, f: Float32Array): Float32Array {
  const p = f.slice();
  complexMulCpu(otf, p);
  return p;
}

/** The real array from a half spectrum already inverse-transformed along z: a 2-D inverse real FFT per z plane. */
function inverseOverXY(zMixed: Float32Array, shape: Vec3): Float32Array {
  const [nz, ny, nx] = shape;
  const plan = planRfftCpu([1, ny, nx]);
  const halfPlane = 2 * ny * (Math.floor(nx / 2) + 1);
  const plane = ny * nx;
  const out = new Float32Array(nz * plane);
  for (let z = 0; z < nz; z++) plan.inverse(zMixed.subarray(z * halfPlane, (z + 1) * halfPlane), out.subarray(z * plane, (z + 1) * plane));
  return out;
}

/** Line-scan confocal (the line along x), PERI's 'cheb-linescan-fixedss'. */
export class FixedSSChebLinePSF extends FixedSSChebPSF {
  constructor(opts: ExactPsfOptions = {}) {
    super('line', opts);
  }

  protected describe(): string {
    return 'FixedSSChebLinePSF';
  }
}

/** Point-scanning (pinhole) confocal. */
export class FixedSSChebPinholePSF extends FixedSSChebPSF {
  constructor(opts: ExactPsfOptions = {}) {
    super('pinhole', opts);
  }

  protected describe(): string {
    return 'FixedSSChebPinholePSF';
  }
}
