/** Host wrapper of cheb-combine.wgsl (twin: cheb-combine.cpu.ts). */
import type { GpuContext } from '../../gpu/context';
import { encodePass } from '../../gpu/pass';
import { BufferUsage } from '../../gpu/usage';
import combineSrc from '../../../shaders/peri/psfs/cheb-combine.wgsl';
import { u32x4, uniformBuffer, workgroupsFor } from '../gpu-params';
import type { Vec3 } from '../tile';
import { checkChebCombine } from './cheb-combine.cpu';

const KERNEL = 'peri/psfs/cheb-combine';

export interface ChebCombineBuffers {
  /** The `degree` convolved fields, stacked: degree × n float32. */
  conv: GPUBuffer;
  /** T_k(ẑ(z)), nz × degree float32. */
  weights: GPUBuffer;
  /** n float32. */
  out: GPUBuffer;
}

/** Records the combination of fields shaped `shape`; returns the uniform buffer to destroy after submission. */
export function recordChebCombine(ctx: GpuContext, enc: GPUCommandEncoder, bufs: ChebCombineBuffers, shape: Vec3, degree: number): GPUBuffer {
  const n = shape[0] * shape[1] * shape[2];
  ctx.checkBindingSize(degree * n * 4, 'Chebyshev convolved fields');
  const params = uniformBuffer(ctx, [u32x4(n, shape[1] * shape[2], degree)], 'cheb-combine params');
  const pipeline = ctx.pipeline(KERNEL, combineSrc);
  encodePass(ctx, enc, {
    label: KERNEL,
    pipeline,
    bindings: [
      { buffer: params },
      { buffer: bufs.conv, size: degree * n * 4 },
      { buffer: bufs.weights, size: shape[0] * degree * 4 },
      { buffer: bufs.out, size: n * 4 },
    ],
    workgroups: workgroupsFor(n),
  });
  return params;
}

/** Uploads the fields and weights, combines them on the GPU and reads the result back. */
export async function chebCombineGpu(ctx: GpuContext, convs: readonly Float32Array[], weights: ArrayLike<number>, shape: Vec3): Promise<Float32Array> {
  const degree = convs.length;
  checkChebCombine(degree, convs[0]?.length ?? 0, weights, shape);
  const n = convs[0].length;
  const stacked = new Float32Array(degree * n);
  convs.forEach((c, k) => stacked.set(c, k * n));
  const conv = ctx.upload(stacked, BufferUsage.STORAGE, 'cheb conv');
  const w = ctx.upload(Float32Array.from(weights), BufferUsage.STORAGE, 'cheb weights');
  const out = ctx.createBuffer(n * 4, BufferUsage.STORAGE | BufferUsage.COPY_SRC, 'cheb out');
  let params: GPUBuffer | null = null;
  try {
    await ctx.run(KERNEL, (enc) => {
      params = recordChebCombine(ctx, enc, { conv, weights: w, out }, shape, degree);
    });
    return new Float32Array(await ctx.read(out, n * 4));
  } finally {
    (params as GPUBuffer | null)?.destroy();
    [conv, w, out].forEach((b) => b.destroy());
  }
}
