import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DemoDataError } from './errors';
import { makeSyntheticConfocal, type SyntheticConfocal } from './synthetic-confocal';

const sha256 = (v: ArrayBufferView) => createHash('sha256').update(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)).digest('hex');

const demo = makeSyntheticConfocal();
const [nz, ny, nx] = demo.volume.shape;
const at = (a: ArrayLike<number>, z: number, y: number, x: number) => a[(z * ny + y) * nx + x];

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** uint8 values of voxels at least `margin` px (surface distance) away from every sphere and above the slab. */
function fluidVoxels(d: SyntheticConfocal, margin: number): number[] {
  const zs = d.truth.zscale;
  const out: number[] = [];
  for (let z = Math.ceil(d.truth.slab.zpos + 5); z < nz; z += 2) {
    for (let y = 0; y < ny; y += 2) {
      for (let x = 0; x < nx; x += 2) {
        const clear = d.particles.every((p) => Math.hypot((z - p.z) * zs, y - p.y, x - p.x) > p.a + margin);
        if (clear) out.push(at(d.uint8, z, y, x));
      }
    }
  }
  return out;
}

describe('makeSyntheticConfocal', () => {
  it('is deterministic: the same options give the same bytes', () => {
    const again = makeSyntheticConfocal();
    expect(sha256(again.uint8)).toBe(sha256(demo.uint8));
    expect(sha256(again.volume.data)).toBe(sha256(demo.volume.data));
    expect(again.truth).toEqual(demo.truth);
    const other = makeSyntheticConfocal({ seed: 7 });
    expect(sha256(other.uint8)).not.toBe(sha256(demo.uint8));
  });

  it('makes a 48×64×64 volume with consistent voxel size and metadata', () => {
    expect(demo.volume.shape).toEqual([48, 64, 64]);
    expect(demo.uint8.length).toBe(48 * 64 * 64);
    expect(demo.volume.data.length).toBe(48 * 64 * 64);
    expect(demo.volume.axis).toBe('z');
    expect(demo.volume.voxelSize).toEqual({ z: 0.125 * 0.9, y: 0.125, x: 0.125, unit: 'µm' });
    expect(demo.truth.generator).toEqual({ name: 'lucid-synthetic-confocal', version: 1 });
    expect(demo.truth.seed).toBe(2017);
  });

  it('places the requested number of non-overlapping spheres of radius ~5 above the coverslip', () => {
    const { particles, truth } = demo;
    expect(particles.length).toBeGreaterThanOrEqual(30);
    expect(truth.particles).toEqual(particles);
    const zs = truth.zscale;
    for (const p of particles) {
      expect(p.a).toBeGreaterThan(4.5);
      expect(p.a).toBeLessThan(5.5);
      expect(p.y).toBeGreaterThanOrEqual(0);
      expect(p.y).toBeLessThanOrEqual(ny - 1);
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.x).toBeLessThanOrEqual(nx - 1);
      expect(p.z).toBeLessThanOrEqual(nz - 1);
      expect((p.z - truth.slab.zpos) * zs).toBeGreaterThan(p.a);
    }
    for (let i = 0; i < particles.length; i++) {
      for (let j = i + 1; j < particles.length; j++) {
        const [p, q] = [particles[i], particles[j]];
        expect(Math.hypot((p.z - q.z) * zs, p.y - q.y, p.x - q.x)).toBeGreaterThanOrEqual(p.a + q.a + 1);
      }
    }
    expect(makeSyntheticConfocal({ nParticles: 12, shape: [24, 48, 48] }).particles.length).toBe(12);
  });

  it('shows dark sphere interiors in bright dyed fluid', () => {
    const fluid = median(fluidVoxels(demo, 3));
    expect(fluid).toBeGreaterThan(140);
    const inside = demo.particles.filter((p) => p.z >= 4 && p.z <= nz - 5 && [p.y, p.x].every((c) => c >= 2 && c <= 61));
    expect(inside.length).toBeGreaterThan(10);
    for (const p of inside) {
      const c = at(demo.uint8, Math.round(p.z), Math.round(p.y), Math.round(p.x));
      expect(c).toBeLessThan(0.5 * fluid);
    }
  });

  it('shows a dark coverslip below slab-zpos', () => {
    const fluid = median(fluidVoxels(demo, 3));
    const zTop = Math.floor(demo.truth.slab.zpos - 4);
    const slabValues: number[] = [];
    for (let z = 0; z <= zTop; z++) for (let i = 0; i < ny * nx; i += 7) slabValues.push(demo.uint8[z * ny * nx + i]);
    expect(median(slabValues)).toBeLessThan(0.25 * fluid);
  });

  it('uses a decent part of the 8-bit range without clipping', () => {
    const sorted = Array.from(demo.uint8).sort((a, b) => a - b);
    const q = (f: number) => sorted[Math.floor(f * (sorted.length - 1))];
    expect(q(0.999) - q(0.001)).toBeGreaterThan(150);
    expect(q(0.999)).toBeLessThan(250);
    expect(demo.truth.stats.fractionAt0 + demo.truth.stats.fractionAt255).toBeLessThan(1e-4);
  });

  it('adds noise of the documented size around the noise-free model', () => {
    let s = 0;
    let s2 = 0;
    const n = demo.uint8.length;
    for (let i = 0; i < n; i++) {
      const r = demo.uint8[i] / 255 - demo.volume.data[i];
      s += r;
      s2 += r * r;
    }
    const std = Math.sqrt(s2 / n - (s / n) ** 2);
    expect(Math.abs(s / n)).toBeLessThan(2e-3);
    expect(std / demo.truth.noise.sigmaAtMeanModel).toBeGreaterThan(0.9);
    expect(std / demo.truth.noise.sigmaAtMeanModel).toBeLessThan(1.1);
  });

  it('darkens the fluid with depth (illumination decays along z)', () => {
    const meanOfSlice = (z: number) => {
      let s = 0;
      for (let i = 0; i < ny * nx; i++) s += demo.volume.data[z * ny * nx + i];
      return s / (ny * nx);
    };
    const flat = makeSyntheticConfocal({ nParticles: 0 });
    const flatSlice = (z: number) => flat.volume.data.slice(z * ny * nx, (z + 1) * ny * nx).reduce((a, v) => a + v, 0) / (ny * nx);
    expect(flatSlice(nz - 1)).toBeLessThan(0.9 * flatSlice(12));
    expect(meanOfSlice(2)).toBeLessThan(0.3 * flatSlice(12));
  });

  it('rejects impossible requests with a clear message', () => {
    expect(() => makeSyntheticConfocal({ shape: [4, 64, 64] })).toThrow(DemoDataError);
    expect(() => makeSyntheticConfocal({ radius: -1 })).toThrow(/radius/);
    expect(() => makeSyntheticConfocal({ nParticles: 400 })).toThrow(/could not place 400/);
    expect(() => makeSyntheticConfocal({ seed: 1.5 })).toThrow(/seed/);
    expect(() => makeSyntheticConfocal({ psfSigma: [2, -1, 1] })).toThrow(/psfSigma/);
  });
});
