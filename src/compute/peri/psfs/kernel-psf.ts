/**
 * PERI's generic 3-D PSF: a kernel sampled on its minimum support (the padding size rounded up to
 * even, offsets −n/2..n/2−1, so the truncation is one pixel asymmetric), zero-padded centred onto
 * the tile, ifftshifted and normalised by Re(OTF[0]) + 1e-15; `execute` is the circular convolution
 * on the tile. OTFs are kept per tile shape until the parameters change.
 */
import { Tile, type Vec3 } from '../tile';
import { gaussianKernelScale, gaussianMinKernel, gaussianTileKernelCpu, type GaussianKernelSpec } from './gaussian-kernel.cpu';
import { PsfBase, evenSupport } from './psf';
import { convolveWithOtf, halfSpectrum } from './spectral';

const OTF_CACHE_SIZE = 4;

export abstract class GaussianKernelPsf extends PsfBase {
  private otfs = new Map<string, Float32Array>();
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
    const key = shape.join('x');
    let otf = this.otfs.get(key);
    if (!otf) {
      otf = halfSpectrum(this.tileKernel(shape), shape);
      if (this.otfs.size >= OTF_CACHE_SIZE) this.otfs.delete(this.otfs.keys().next().value as string);
      this.otfs.set(key, otf);
    }
    return otf;
  }

  execute(field: ArrayLike<number>, tile: Tile): Float32Array {
    this.checkField(field, tile);
    this.checkSupport(tile, this.minSupport());
    return convolveWithOtf(field, this.otf(tile.shape), tile.shape);
  }

  protected invalidate(): void {
    this.otfs = new Map();
    this.specCache = null;
  }
}
