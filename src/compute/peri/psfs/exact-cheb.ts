/**
 * PERI's FixedSSChebLinePSF ('cheb-linescan-fixedss', the paper's PSF) and FixedSSChebPinholePSF:
 * exact confocal PSFs whose depth dependence is a Chebyshev series over `zrange`,
 * PSF(·; z) ≈ Σ_{k<6} c_k(·)·T_k(ẑ(z)), with fixed support [35, 17, 25].
 * On an update the drift line (the PSF's axial centre of mass at max(zrange[0], zslab) and at
 * zrange[1]) is measured, then the 6 coefficient kernels c_k come from 8 slices at the Chebyshev
 * nodes, each centred on its drift. `execute` is out(z) = Σ_k T_k(ẑ(z))·[field ⊛ c_k](z): one
 * forward real FFT of the tile and one inverse per kernel (circular, kernels zero-padded centred).
 * Kernels are cached per parameter set (a few sets, for finite differences that step back and
 * forth), kernel spectra per parameter set and tile shape (LRU bounded by bytes).
 */
import { chebyshevWeights } from '../../psf/chebyshev';
import { ExactConfocalPsf, driftAt, type DriftLine } from '../../psf/confocal-depth';
import type { ConfocalScan } from '../../psf/confocal-exact';
import { Tile, type Vec3 } from '../tile';
import { chebExecuteCpu } from './cheb-execute.cpu';
import { PeriShapeError } from '../errors';
import { clipExactValues, exactModel, resolveExactOptions, type ExactPsfOptions, type ResolvedExactOptions } from './exact-options';
import { PsfBase, asFloat32, wrapCentredKernel } from './psf';
import { complexMulCpu } from '../../elementwise/elementwise.cpu';
import { planRfftCpu } from '../../fft/fft';
import { OtfCache } from '../../conv/otf-cache';

export type { ExactPsfOptions } from './exact-options';

/** Parameter sets kept: a Jacobian steps each of the 7 PSF parameters away before restoring them all. */
const KERNEL_CACHE_SIZE = 12;
/** Kernel spectra of a few tile shapes (6 half spectra each, ≈ 18 MB at 96×80×96). */
const SPECTRA_CACHE_BYTES = 256 * 2 ** 20;

export interface ChebyshevKernels {
  readonly psf: ExactConfocalPsf;
  readonly drift: DriftLine;
  readonly window: readonly [number, number];
  /** c_0..c_{degree−1}, each [support] (z, y, x), centred. */
  readonly coefficients: readonly Float64Array[];
  /** Σ c_k per kernel (H(1) = Σ_k T_k·Σc_k). */
  readonly sums: readonly number[];
}

export abstract class FixedSSChebPSF extends PsfBase {
  readonly settings: ResolvedExactOptions;
  private cache = new Map<string, ChebyshevKernels>();
  /**
   * Kernel spectra per (parameter set, tile shape), least recently used first out: a Jacobian
   * steps each PSF parameter away and then restores them all, and the fit convolves on a few shapes.
   */
  private readonly spectra = new OtfCache({ maxEntries: 64, maxBytes: SPECTRA_CACHE_BYTES });
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
    const sums = coefficients.map(total);
    const entry = { psf, drift, window, coefficients, sums };
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
    return this.spectra.get(`${this.valueKey()}@${shape.join('x')}`, () => {
      const plan = planRfftCpu(shape);
      const otfs = this.kernels().coefficients.map((c) => plan.forward(wrapCentredKernel(c, this.support, shape)));
      return { value: otfs, bytes: otfs.reduce((b, o) => b + o.byteLength, 0) };
    });
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

  /** Σ_k T_k(ẑ(z))·[field ⊛ c_k](z) (see cheb-execute.cpu.ts). Same result as combining `convolutions`. */
  execute(field: ArrayLike<number>, tile: Tile): Float32Array {
    return this.executePlanes(field, tile, 0, tile.shape[0]);
  }

  /** Planes [z0, z1) of the tile (relative to tile.l) of `execute`, into `out` when given. */
  executePlanes(field: ArrayLike<number>, tile: Tile, z0: number, z1: number, out?: Float32Array): Float32Array {
    this.checkField(field, tile);
    this.checkSupport(tile, this.support);
    const [nz, ny, nx] = tile.shape;
    if (!(Number.isInteger(z0) && Number.isInteger(z1) && 0 <= z0 && z0 < z1 && z1 <= nz)) {
      throw new PeriShapeError(`${this.describe()}: planes [${z0}, ${z1}) are not inside the tile's ${nz}`);
    }
    const res = out ?? new Float32Array((z1 - z0) * ny * nx);
    if (res.length !== (z1 - z0) * ny * nx) throw new PeriShapeError(`${this.describe()}: out holds ${res.length} values, the planes ${(z1 - z0) * ny * nx}`);
    return chebExecuteCpu(asFloat32(field), tile.shape, this.kernelSpectra(tile.shape), this.chebyshevWeights(tile), z0, z1, res);
  }

  protected override initialize(): void {
    this.zrange();
    super.initialize();
  }

  protected override afterValues(): void {
    const clipped = clipExactValues((n) => this.value(n), this.settings.zscaleName);
    if (clipped.length) this.setValues(clipped.map(([n]) => n), clipped.map(([, v]) => v));
  }

  /** Kernels and spectra are keyed by the values: nothing to drop. */
  protected invalidate(): void {}

  private valueKey(): string {
    const z = this.zrange();
    return `${this.values.join(',')}|${z.join(',')}`;
  }
}

/** Σ c_i in index order. */
function total(c: Float64Array): number {
  let s = 0;
  for (let i = 0; i < c.length; i++) s += c[i];
  return s;
}

/** otf · f as a new half spectrum. */
function product(otf: Float32Array, f: Float32Array): Float32Array {
  const p = f.slice();
  complexMulCpu(otf, p);
  return p;
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
