/** Host wrapper of gaussian-kernel.wgsl (twin: gaussianTileKernelCpu in gaussian-kernel.cpu.ts). */
import type { GpuContext } from '../../gpu/context';
import { encodePass } from '../../gpu/pass';
import { BufferUsage } from '../../gpu/usage';
import kernelSrc from '../../../shaders/peri/psfs/gaussian-kernel.wgsl';
import { PeriShapeError } from '../errors';
import { f32x4, i32x4, u32x4, uniformBuffer, workgroupsFor } from '../gpu-params';
import type { Vec3 } from '../tile';
import type { GaussianKernelSpec } from './gaussian-kernel.cpu';

const KERNEL = 'peri/psfs/gaussian-kernel';

/** Records the kernel on a tile of `shape` into `out` (float32); returns the uniform buffer to destroy after submission. */
export function recordGaussianKernel(ctx: GpuContext, enc: GPUCommandEncoder, spec: GaussianKernelSpec, shape: Vec3, scale: number, out: GPUBuffer): GPUBuffer {
  const n = shape[0] * shape[1] * shape[2];
  if (shape.some((s, i) => s < spec.support[i])) {
    throw new PeriShapeError(`tile [${shape.join(', ')}] is smaller than the kernel support [${spec.support.join(', ')}]`);
  }
  ctx.checkBindingSize(n * 4, 'Gaussian PSF kernel');
  const centre = spec.support.map((s) => Math.floor(s / 2));
  const params = uniformBuffer(
    ctx,
    [
      u32x4(...shape, n),
      i32x4(...centre),
      i32x4(...spec.support.map((s, i) => s - 1 - centre[i])),
      f32x4(...spec.std.map((s) => 1 / (s * s))),
      f32x4(...spec.cut, spec.cutoff === 'cylinder' ? 1 : 0),
      f32x4(scale),
    ],
    'gaussian-kernel params',
  );
  const pipeline = ctx.pipeline(KERNEL, kernelSrc);
  encodePass(ctx, enc, {
    label: KERNEL,
    pipeline,
    bindings: [{ buffer: params }, { buffer: out, size: n * 4 }],
    workgroups: workgroupsFor(n),
  });
  return params;
}

/** The normalised, ifftshifted kernel on a tile of `shape`, computed on the GPU and read back. */
export async function gaussianTileKernelGpu(ctx: GpuContext, spec: GaussianKernelSpec, shape: Vec3, scale: number): Promise<Float32Array> {
  const n = shape[0] * shape[1] * shape[2];
  const out = ctx.createBuffer(n * 4, BufferUsage.STORAGE | BufferUsage.COPY_SRC, 'gaussian kernel');
  let params: GPUBuffer | null = null;
  try {
    await ctx.run(KERNEL, (enc) => {
      params = recordGaussianKernel(ctx, enc, spec, shape, scale, out);
    });
    return new Float32Array(await ctx.read(out, n * 4));
  } finally {
    (params as GPUBuffer | null)?.destroy();
    out.destroy();
  }
}
