/**
 * PERI's Gaussian 3-D PSFs: parameters, std = value/2, padding and even support, the swapped
 * cut-offs of AnisotropicGaussian, the kernel against PERI's min_rpsf, and `execute` (circular
 * convolution on the tile) against a direct sum and against PERI's single-sphere confocal model.
 */
import { describe, expect, it } from 'vitest';
import { PeriShapeError, PeriValueError } from '../errors';
import { PlatonicSpheresCollection } from '../objects/spheres';
import { SKIP_NO_PERI_DATA, hasPeriData, readPeriTiff } from '../testing/shared-data';
import { Tile, copyTileOut, type Vec3 } from '../tile';
import { AnisotropicGaussian, AnisotropicGaussianXYZ } from './gaussian';
import { IdentityPSF } from './identity';

const C = Math.sqrt(-2 * Math.log(1 / 255));

function relL2(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < a.length; i++) {
    num += (a[i] - b[i]) ** 2;
    den += b[i] ** 2;
  }
  return Math.sqrt(num / den);
}

/** Direct circular convolution of `field` with the normalised min kernel of `psf`. */
function directConvolve(psf: AnisotropicGaussianXYZ | AnisotropicGaussian, field: Float32Array, shape: Vec3): Float64Array {
  const k = psf.minKernel();
  const n = psf.minSupport();
  const sum = k.reduce((a, b) => a + b, 0);
  const out = new Float64Array(field.length);
  const c = n.map((v) => v / 2);
  const mod = (v: number, s: number) => ((v % s) + s) % s;
  for (let z = 0; z < shape[0]; z++)
    for (let y = 0; y < shape[1]; y++)
      for (let x = 0; x < shape[2]; x++) {
        let acc = 0;
        for (let a = 0; a < n[0]; a++)
          for (let b = 0; b < n[1]; b++)
            for (let d = 0; d < n[2]; d++) {
              const w = k[(a * n[1] + b) * n[2] + d];
              if (w === 0) continue;
              const fz = mod(z - (a - c[0]), shape[0]);
              const fy = mod(y - (b - c[1]), shape[1]);
              const fx = mod(x - (d - c[2]), shape[2]);
              acc += w * field[(fz * shape[1] + fy) * shape[2] + fx];
            }
        out[(z * shape[1] + y) * shape[2] + x] = acc / sum;
      }
  return out;
}

describe('AnisotropicGaussianXYZ', () => {
  it('lists PERI parameter names and defaults', () => {
    const psf = new AnisotropicGaussianXYZ();
    expect(psf.params).toEqual(['psf-sigz', 'psf-sigy', 'psf-sigx']);
    expect(psf.values).toEqual([2, 0.5, 1]);
    expect(psf.category).toBe('psf');
  });

  it('pads by ceil(3.33·v) and rounds the kernel box up to even (PERI example (4, 2, 2.2))', () => {
    const psf = new AnisotropicGaussianXYZ({ sigmas: [4, 2, 2.2] });
    expect(psf.paddingShape()).toEqual([14, 7, 8]);
    expect(psf.getPaddingSize().shape).toEqual([14, 7, 8]);
    expect(psf.minSupport()).toEqual([14, 8, 8]);
  });

  it('uses std = value/2 on offsets −n/2..n/2−1', () => {
    const psf = new AnisotropicGaussianXYZ({ sigmas: [4, 2, 2.2] });
    const k = psf.minKernel();
    // offset (−7, −4, −4) is index (0, 0, 0); offset 0 is index (7, 4, 4)
    expect(k[(7 * 8 + 4) * 8 + 4]).toBe(1);
    expect(k[0]).toBeCloseTo(Math.exp(-0.5 * ((7 / 2) ** 2 + (4 / 1) ** 2 + (4 / 1.1) ** 2)), 15);
    expect(k[((7 + 1) * 8 + 4) * 8 + 4]).toBeCloseTo(Math.exp(-0.5 * (1 / 2) ** 2), 15);
  });

  it.skipIf(!hasPeriData('spheres/gauss3d_psf_min_rpsf_f64.tif'))(
    `matches PERI's min_rpsf for (4, 2, 2.2) ${hasPeriData('spheres/gauss3d_psf_min_rpsf_f64.tif') ? '' : SKIP_NO_PERI_DATA}`,
    async () => {
      const ref = await readPeriTiff('spheres/gauss3d_psf_min_rpsf_f64.tif');
      const psf = new AnisotropicGaussianXYZ({ sigmas: [4, 2, 2.2] });
      expect(ref.shape).toEqual(psf.minSupport());
      const k = psf.minKernel();
      let worst = 0;
      k.forEach((v, i) => (worst = Math.max(worst, Math.abs(v - ref.data[i]))));
      expect(worst).toBeLessThan(1e-7);
    },
  );

  it('execute is the circular convolution with the kernel normalised to unit sum', () => {
    const psf = new AnisotropicGaussianXYZ({ sigmas: [2.4, 1.6, 2] });
    const grid = new Tile([12, 10, 14]);
    psf.setShape(grid, grid.pad(-2));
    const field = Float32Array.from({ length: grid.volume }, (_, i) => Math.sin(i * 0.37) + (i % 7) * 0.1);
    const got = psf.execute(field, grid);
    expect(relL2(got, directConvolve(psf, field, grid.shape))).toBeLessThan(1e-6);
    const total = (a: ArrayLike<number>) => Array.from(a).reduce((s, v) => s + v, 0);
    expect(total(got)).toBeCloseTo(total(field), 2);
  });

  it('refuses tiles smaller than the support and fields of the wrong size', () => {
    const psf = new AnisotropicGaussianXYZ({ sigmas: [4, 2, 2.2] });
    const grid = new Tile([40, 40, 40]);
    psf.setShape(grid, grid.pad(-10));
    const small = new Tile([10, 30, 30]);
    expect(() => psf.execute(new Float32Array(small.volume), small)).toThrow(PeriShapeError);
    expect(() => psf.execute(new Float32Array(5), grid)).toThrow(/field has 5 values/);
    expect(() => new AnisotropicGaussianXYZ({ sigmas: [0, 1, 1] })).toThrow(PeriValueError);
  });

  it('update changes the kernel and invalidates cached OTFs', () => {
    const psf = new AnisotropicGaussianXYZ({ sigmas: [2, 2, 2] });
    const grid = new Tile([16, 16, 16]);
    psf.setShape(grid, grid.pad(-4));
    const field = new Float32Array(grid.volume);
    field[(8 * 16 + 8) * 16 + 8] = 1;
    const before = psf.execute(field, grid);
    expect(psf.getUpdateTile(['psf-sigx'], [3])?.equals(grid)).toBe(true);
    psf.update(['psf-sigx'], [3]);
    const after = psf.execute(field, grid);
    expect(psf.minSupport()).toEqual([8, 8, 10]);
    expect(relL2(after, before)).toBeGreaterThan(0.05);
  });
});

describe('AnisotropicGaussian (gauss2d)', () => {
  it('lists psf-sig-z, psf-sig-rho and reproduces the swapped cut-offs', () => {
    const psf = new AnisotropicGaussian({ sigmas: [4, 1.5] });
    expect(psf.params).toEqual(['psf-sig-z', 'psf-sig-rho']);
    const [pz, pr] = psf.cutoffs();
    expect(pz).toBeCloseTo(C * 1.5, 12);
    expect(pr).toBeCloseTo(C * 4, 12);
    expect(psf.paddingShape()).toEqual([5, 14, 14]);
    expect(psf.minSupport()).toEqual([6, 14, 14]);
  });

  it('samples exp(−½(ρ²/(v_ρ/2)² + z²/(v_z/2)²)) on the even box (the box, not the cylinder, truncates)', () => {
    const psf = new AnisotropicGaussian({ sigmas: [4, 1.5] });
    const k = psf.minKernel();
    const [nz, ny, nx] = psf.minSupport();
    const at = (dz: number, dy: number, dx: number) => k[((dz + nz / 2) * ny + dy + ny / 2) * nx + dx + nx / 2];
    expect(at(1, 2, 1)).toBeCloseTo(Math.exp(-0.5 * (5 / 0.75 ** 2 + 1 / 4)), 14);
    expect(at(-3, -7, -7)).toBeCloseTo(Math.exp(-0.5 * (98 / 0.75 ** 2 + 9 / 4)), 14);
    expect(k.every((v) => v > 0)).toBe(true);
  });
});

describe('IdentityPSF', () => {
  it('returns the field and pads by one pixel', () => {
    const psf = new IdentityPSF();
    const t = new Tile([2, 3, 4]);
    expect(psf.params).toEqual(['psf']);
    expect(Array.from(psf.execute([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24], t))).toEqual(
      Array.from({ length: 24 }, (_, i) => i + 1),
    );
    expect(psf.getPaddingSize().shape).toEqual([1, 1, 1]);
  });
});

const SPHERE_FILE = 'spheres/single_sphere_confocal_model_f64.tif';

describe.skipIf(!hasPeriData(SPHERE_FILE))(`single sphere through H(I(1−P)) ${hasPeriData(SPHERE_FILE) ? '' : SKIP_NO_PERI_DATA}`, () => {
  it("matches PERI's model (pad 24, AnisotropicGaussianXYZ(4, 2, 2.2), I = 1, B = C = 0)", async () => {
    const ref = await readPeriTiff(SPHERE_FILE);
    const grid = new Tile([80, 80, 80]);
    const inner = grid.pad(-24);
    const spheres = new PlatonicSpheresCollection([[16.3, 15.75, 16.1]], [5]);
    spheres.setShape(grid, inner);
    const p = spheres.get();
    const psf = new AnisotropicGaussianXYZ({ sigmas: [4, 2, 2.2] });
    psf.setShape(grid, inner);
    const model = psf.execute(p.map((v) => 1 - v), grid);
    const got = copyTileOut(model, grid, inner);
    expect(relL2(got, ref.data)).toBeLessThan(1e-5);
  });
});
