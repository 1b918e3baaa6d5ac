/**
 * sphere-draw.wgsl against its twin, for every interpolation method. Tolerance (absolute, values in
 * [0, 1]): the f32 kernel rounds n = |u∘s| and n − a to ≈ 1.5 ulp of n ≤ a + 1.6, so dr is off by up
 * to 3·ulp(a_max + 1.6); the steepest profile has |df/ddr| ≤ 1.7 (logistic α/4 = 1.63, Gaussian
 * 1/(α√2π) = 1.45, triangle 1/α = 1.51, lerp 1/2α = 1.1); peri_erf adds ≤ 3e-7 (see erf.wgsl).
 */
import { expect, it } from 'vitest';
import { describeGpu } from '../../gpu/test-gpu';
import { BufferUsage } from '../../gpu/usage';
import type { GpuContext } from '../../gpu/context';
import { Tile } from '../tile';
import { drawSpheresCpu } from './sphere-draw.cpu';
import { drawSpheresGpu } from './sphere-draw.gpu';
import type { SphereMethod } from './sphere-functions';
import { PlatonicSpheresCollection } from './spheres';

const GRID = new Tile([22, 26, 30]);
const INNER = GRID.pad(-3);
const POSITIONS = [
  [5.3, 6.1, 7.7],
  [8.9, 9.45, 11.2],
  [12.6, 4.2, 20.05],
  [1.1, 17.7, 3.3],
];
const RADII = [4.6, 3.3, 5.45, 2.8];
const A_MAX = Math.max(...RADII) * 1.01;
const ULP = (x: number) => 2 ** (Math.floor(Math.log2(x)) - 23);
const TOL = 1.7 * 3 * ULP(A_MAX + 1.6) + 3e-7;
const METHODS: SphereMethod[] = ['exact-gaussian-fast', 'exact-gaussian', 'lerp', 'logistic', 'triangle', 'constrained-cubic', 'bool'];

function collection(method: SphereMethod): PlatonicSpheresCollection {
  const s = new PlatonicSpheresCollection(POSITIONS, RADII, { zscale: 0.9, method });
  s.setShape(GRID, INNER);
  return s;
}

async function gpuField(ctx: GpuContext, s: PlatonicSpheresCollection, dst: Tile, signs: number[]): Promise<Float32Array> {
  const buf = ctx.createBuffer(dst.volume * 4, BufferUsage.STORAGE | BufferUsage.COPY_SRC | BufferUsage.COPY_DST, 'test field');
  try {
    for (const sign of signs) await drawSpheresGpu(ctx, buf, dst, s.drawRecords(undefined, sign), s.style());
    return new Float32Array(await ctx.read(buf, dst.volume * 4));
  } finally {
    buf.destroy();
  }
}

function maxAbs(a: Float32Array, b?: Float32Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - (b ? b[i] : 0)));
  return m;
}

await describeGpu('sphere-draw kernel vs twin', (ctx) => {
  it.each(METHODS)('%s: 4 overlapping spheres, zscale 0.9, one clipped by the grid edge', async (method) => {
    const s = collection(method);
    const want = new Float32Array(GRID.volume);
    drawSpheresCpu(want, GRID, s.drawRecords(), s.style());
    expect(maxAbs(want, s.get())).toBeLessThanOrEqual(2e-7);
    const got = await gpuField(ctx, s, GRID, [1]);
    expect(maxAbs(got, want)).toBeLessThanOrEqual(TOL);
  });

  it('draws into a destination tile that cuts the spheres', async () => {
    const s = collection('exact-gaussian-trim');
    const dst = new Tile([3, 5, 8], [17, 20, 25]);
    const want = s.get(dst);
    const got = await gpuField(ctx, s, dst, [1]);
    expect(maxAbs(got, want)).toBeLessThanOrEqual(TOL);
  });

  it('erasing (sign −1) what was drawn leaves zeros', async () => {
    const s = collection('exact-gaussian');
    const got = await gpuField(ctx, s, GRID, [1, -1]);
    expect(maxAbs(got)).toBeLessThanOrEqual(1e-6);
  });
});
