/**
 * PERI's generic 3-D PSF: a kernel sampled on its minimum support (the padding size rounded up to
 * even, offsets −n/2..n/2−1, so the truncation is one pixel asymmetric), zero-padded centred onto
 * the tile, ifftshifted and normalised by Re(OTF[0]) + 1e-15; `execute` is the circular convolution
 * on the tile. OTFs are kept per tile shape until the parameters change.
 */
import { OtfCache } from '../../conv/otf-cache';
import { complexMulCpu } from '../../elementwise/elementwise.cpu';
import { planRfftCpu } from '../../fft/fft';
import { Tile, type Vec3 } from '../tile';
import { gaussianKernelScale, gaussianMinKernel, gaussianTileKernelCpu, type GaussianKernelSpec } from './gaussian-kernel.cpu';
import { PsfBase, asFloat32, evenSupport } from './psf';

const OTF_CACHE_SIZE = 4;

export abstract class GaussianKernelPsf extends PsfBase {
  private readonly otfs = new OtfCache({ maxEntries: OTF_CACHE_SIZE });
  private specCache: GaussianKernelSpec | null = null;

  /** PERI's `get_padding_size(...).shape`: ceil of the cut-offs, per axis. */
  abstract paddingShape(): Vec3;

  /** The kernel's Gaussian and truncation for the current values. */
  protected abstract gaussian(): Omit<GaussianKernelSpec, 'support'>;

  getPaddingSize(): Tile {
    return new Tile(this.paddingShape());
  }

  /** PERI's min_support. */
  minSupport(): Vec3 {
    return evenSupport(this.paddingShape());
  }

  spec(): GaussianKernelSpec {
    this.specCache ??= { ...this.gaussian(), support: this.minSupport() };
    return this.specCache;
  }

  /** PERI's min_rpsf (not normalised), [min_support], offset 0 at index n/2. */
  minKernel(): Float64Array {
    return gaussianMinKernel(this.spec());
  }

  /** The normalised, ifftshifted kernel on a tile of shape `shape`. */
  tileKernel(shape: Vec3): Float32Array {
    const spec = this.spec();
    return gaussianTileKernelCpu(spec, shape, gaussianKernelScale(spec));
  }

  /** Half spectrum of the tile kernel (PERI's kpsf, real-to-complex half). */
  otf(shape: Vec3): Float32Array {
    return this.otfs.get(shape.join('x'), () => {
      const otf = planRfftCpu(shape).forward(this.tileKernel(shape));
      return { value: otf, bytes: otf.byteLength };
    });
  }

  /**
   * Circular convolution with the tile kernel: real FFT, product with its half spectrum, inverse.
   * Not conv's convolveCircularCpu: it reads an OTF of a tile with nx ≤ 2 as a full spectrum.
   */
  execute(field: ArrayLike<number>, tile: Tile): Float32Array {
    this.checkField(field, tile);
    this.checkSupport(tile, this.minSupport());
    const plan = planRfftCpu(tile.shape);
    const spectrum = plan.forward(asFloat32(field));
    complexMulCpu(this.otf(tile.shape), spectrum);
    return plan.inverse(spectrum);
  }

  protected invalidate(): void {
    this.otfs.clear();
    this.specCache = null;
  }
}
