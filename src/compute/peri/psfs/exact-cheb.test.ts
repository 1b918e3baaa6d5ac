/**
 * PERI's exact Chebyshev PSFs: the line-scan PSF for the tutorial parameters against PERI's own
 * slices, drift line and Chebyshev kernels (exactpsf/), then parameters, defaults, clipping and
 * `execute` (delta response, agreement with the plain combination of the convolutions).
 */
import { describe, expect, it } from 'vitest';
import { PeriShapeError } from '../errors';
import { SKIP_NO_PERI_DATA, hasPeriData, readPeriJson, readPeriTiff } from '../testing/shared-data';
import { Tile } from '../tile';
import { chebCombineCpu } from './cheb-combine.cpu';
import { FixedSSChebLinePSF, FixedSSChebPinholePSF } from './exact-cheb';
import { relL2 } from '../../fft/fft64.reference';

interface ExactParams {
  params: Record<string, number>;
  psf: { support_zyx: number[]; zrange: [number, number]; drift_poly: [number, number] };
  padded_shape_zyx: [number, number, number];
  pad: number;
}

const FILES = ['exactpsf/exactpsf_params.json', 'exactpsf/tutorial_exactpsf_cheb_coeffs_f64.tif', 'exactpsf/tutorial_exactpsf_slice_z00_f64.tif'];
const HAVE = hasPeriData(...FILES);

describe.skipIf(!HAVE)(`FixedSSChebLinePSF vs PERI (tutorial parameters) ${HAVE ? '' : SKIP_NO_PERI_DATA}`, () => {
  const load = () => {
    const ref = readPeriJson<ExactParams>('exactpsf/exactpsf_params.json');
    const p = ref.params;
    const psf = new FixedSSChebLinePSF({
      kfki: p['psf-kfki'],
      zslab: p['psf-zslab'],
      zscale: p['psf-zscale'],
      alpha: p['psf-alpha'],
      n2n1: p['psf-n2n1'],
      laserWavelength: p['psf-laser-wavelength'],
      sigkf: p['psf-sigkf'],
    });
    const grid = new Tile(ref.padded_shape_zyx);
    psf.setShape(grid, grid.pad(-ref.pad));
    return { ref, psf };
  };
  const { ref, psf } = HAVE ? load() : ({} as ReturnType<typeof load>);

  it('uses the reference support, zrange and drift line', () => {
    expect(psf.support).toEqual(ref.psf.support_zyx);
    expect(psf.zrange()).toEqual(ref.psf.zrange);
    const { drift } = psf.kernels();
    expect(drift.slope).toBeCloseTo(ref.psf.drift_poly[0], 10);
    expect(drift.intercept).toBeCloseTo(ref.psf.drift_poly[1], 10);
  });

  it.each([0, 24, 47])('psf_slice(z = %i) within 1e-6 relative L2 (acceptance: 1e-3)', async (z) => {
    const slice = await readPeriTiff(`exactpsf/tutorial_exactpsf_slice_z${String(z).padStart(2, '0')}_f64.tif`);
    expect(slice.shape).toEqual(ref.psf.support_zyx);
    expect(relL2(psf.slice(z), slice.data)).toBeLessThan(1e-6);
  });

  it('the six Chebyshev kernels within 1e-5 relative L2 each (acceptance: 1e-3)', async () => {
    const cheb = await readPeriTiff('exactpsf/tutorial_exactpsf_cheb_coeffs_f64.tif');
    const { coefficients } = psf.kernels();
    expect(coefficients.length).toBe(6);
    const n = coefficients[0].length;
    expect(cheb.data.length).toBe(6 * n);
    coefficients.forEach((c, k) => expect(relL2(c, cheb.data.subarray(k * n, (k + 1) * n))).toBeLessThan(1e-5));
  });
});

describe('FixedSSChebLinePSF / FixedSSChebPinholePSF components', () => {
  it("has PERI's defaults: polychromatic with psf-sigkf = 0, support [35, 17, 25]", () => {
    const psf = new FixedSSChebLinePSF();
    expect(psf.params).toEqual(['psf-kfki', 'psf-zslab', 'psf-zscale', 'psf-alpha', 'psf-n2n1', 'psf-laser-wavelength', 'psf-sigkf']);
    expect(psf.values).toEqual([0.889, 0, 1, 1.173, 1.44 / 1.518, 0.488, 0]);
    expect(psf.settings.nkpts).toBe(3);
    expect(psf.getPaddingSize().shape).toEqual([35, 17, 25]);
    expect(new FixedSSChebLinePSF({ sigkf: null }).params).not.toContain('psf-sigkf');
    expect(new FixedSSChebLinePSF({ sigkf: null, nkpts: 5 }).getValues(['psf-sigkf'])).toEqual([0]);
    expect(new FixedSSChebPinholePSF({ globalZscale: true, sph6Ab: 0.1 }).params).toEqual([
      'psf-kfki', 'psf-zslab', 'zscale', 'psf-alpha', 'psf-n2n1', 'psf-laser-wavelength', 'psf-sigkf', 'psf-sph6-ab',
    ]);
  });

  it("clips alpha, zscale and the wavelength as PERI's update_values does", () => {
    const psf = new FixedSSChebLinePSF();
    const grid = new Tile([40, 20, 28]);
    psf.setShape(grid, grid.pad(-2));
    psf.update(['psf-alpha', 'psf-zscale', 'psf-laser-wavelength'], [2, 150, -1]);
    expect(psf.getValues(['psf-alpha', 'psf-zscale', 'psf-laser-wavelength'])).toEqual([Math.PI / 2 - 1e-3, 100 - 1e-3, 1e-3]);
    psf.update(['psf-alpha', 'psf-zscale'], [Math.PI / 2, 0]);
    expect(psf.getValues(['psf-alpha', 'psf-zscale'])).toEqual([Math.PI / 2, 1e-3]);
    expect(psf.getUpdateTile(['psf-kfki'], [1])?.equals(grid)).toBe(true);
  });

  const small = { supportSize: [9, 7, 9] as [number, number, number], zslab: 3, zscale: 0.9, n2n1: 0.95, sigkf: 0.05 };

  it('execute of a delta is Σ_k T_k(ẑ(z))·c_k centred on the delta (circular)', () => {
    const psf = new FixedSSChebPinholePSF(small);
    const grid = new Tile([24, 16, 18]);
    psf.setShape(grid, grid.pad(-3));
    const tile = new Tile([6, 2, 1], [18, 13, 14]);
    const [nz, ny, nx] = tile.shape;
    const at = [10, 6, 1];
    const field = new Float32Array(tile.volume);
    field[(at[0] * ny + at[1]) * nx + at[2]] = 1;
    const out = psf.execute(field, tile);
    const { coefficients } = psf.kernels();
    const w = psf.chebyshevWeights(tile);
    let worst = 0;
    for (let z = 0; z < nz; z++)
      for (let y = 0; y < ny; y++)
        for (let x = 0; x < nx; x++) {
          const d = [z - at[0], y - at[1], x - at[2]].map((v, i) => ((v % tile.shape[i]) + tile.shape[i]) % tile.shape[i]);
          const off = d.map((v, i) => (v > tile.shape[i] / 2 ? v - tile.shape[i] : v));
          const inside = off.every((o, i) => Math.abs(o) <= (small.supportSize[i] - 1) / 2);
          let want = 0;
          if (inside) {
            const j = ((off[0] + 4) * 7 + off[1] + 3) * 9 + off[2] + 4;
            coefficients.forEach((c, k) => (want += w[z * 6 + k] * c[j]));
          }
          worst = Math.max(worst, Math.abs(out[(z * ny + y) * nx + x] - want));
        }
    expect(worst).toBeLessThan(1e-7);
    expect(w[0]).toBe(1);
    expect(w[1]).toBeCloseTo((2 * 6 - 24) / 24, 14);
  });

  it('the z-mixed execute equals combining the full convolutions (the GPU path)', () => {
    const psf = new FixedSSChebLinePSF(small);
    const grid = new Tile([20, 12, 14]);
    psf.setShape(grid, grid.pad(-2));
    const field = Float32Array.from({ length: grid.volume }, (_, i) => Math.sin(i * 0.71) ** 2);
    const fast = psf.execute(field, grid);
    const plain = chebCombineCpu(psf.convolutions(field, grid), psf.chebyshevWeights(grid), grid.shape);
    expect(relL2(fast, plain)).toBeLessThan(1e-6);
  });

  it('keeps kernel spectra per parameter set and tile shape; executePlanes gives planes of execute', () => {
    const psf = new FixedSSChebLinePSF(small);
    const grid = new Tile([20, 12, 14]);
    psf.setShape(grid, grid.pad(-2));
    const a = psf.kernelSpectra([16, 12, 14]);
    const b = psf.kernelSpectra([20, 12, 16]);
    expect(psf.kernelSpectra([16, 12, 14])).toBe(a);
    expect(psf.kernelSpectra([20, 12, 16])).toBe(b);
    const fresh = new FixedSSChebLinePSF(small);
    fresh.setShape(grid, grid.pad(-2));
    expect(fresh.kernelSpectra([16, 12, 14])).toEqual(a);
    const kfki = psf.getValues(['psf-kfki'])[0];
    psf.update(['psf-kfki'], [kfki + 0.05]);
    const moved = psf.kernelSpectra([16, 12, 14]);
    expect(relL2(moved[0], a[0])).toBeGreaterThan(1e-4);
    psf.update(['psf-kfki'], [kfki]);
    expect(psf.kernelSpectra([16, 12, 14])).toBe(a);

    const field = Float32Array.from({ length: grid.volume }, (_, i) => Math.cos(i * 0.37) ** 2);
    const all = psf.execute(field, grid);
    const plane = 12 * 14;
    expect(psf.executePlanes(field, grid, 5, 13)).toEqual(all.subarray(5 * plane, 13 * plane));
    expect(() => psf.executePlanes(field, grid, 13, 5)).toThrow(PeriShapeError);
  });

  it('caches kernels per parameter set and refuses tiles smaller than the support', () => {
    const psf = new FixedSSChebLinePSF(small);
    const grid = new Tile([20, 12, 14]);
    psf.setShape(grid, grid.pad(-2));
    const k1 = psf.kernels();
    psf.update(['psf-kfki'], [1.0]);
    const k2 = psf.kernels();
    expect(k2).not.toBe(k1);
    psf.update(['psf-kfki'], [0.889]);
    expect(psf.kernels()).toBe(k1);
    const tiny = new Tile([8, 12, 14]);
    expect(() => psf.execute(new Float32Array(tiny.volume), tiny)).toThrow(PeriShapeError);
    expect(() => new FixedSSChebLinePSF({ supportSize: [8, 7, 9] })).toThrow(/odd/);
  });
});
