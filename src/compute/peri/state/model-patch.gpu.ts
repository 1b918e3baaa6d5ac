/** Host wrapper of model-patch.wgsl (twin: model-patch.cpu.ts). */
import type { GpuContext } from '../../gpu/context';
import { BufferUsage } from '../../gpu/usage';
import patchSrc from '../../../shaders/peri/model-patch.wgsl';
import { u32x4, uniformBuffer, workgroupsFor } from '../gpu-params';
import type { Tile } from '../tile';
import { checkPatch, type ModelPatch } from './model-patch.cpu';

const KERNEL = 'peri/model-patch';

export interface ModelPatchBuffers {
  src: GPUBuffer;
  model: GPUBuffer;
  data: GPUBuffer;
  residuals: GPUBuffer;
  /** One float per workgroup of the patch (workgroupsFor(patch.volume)). */
  partials: GPUBuffer;
}

export interface PatchGeometry {
  grid: Tile;
  srcTile: Tile;
  patch: Tile;
  mode: 'add' | 'set';
  image: Tile;
}

export function patchWorkgroups(patch: Tile): number {
  return workgroupsFor(patch.volume);
}

/** Records the patch; returns the uniform buffer to destroy after submission. */
export function recordModelPatch(ctx: GpuContext, enc: GPUCommandEncoder, g: PatchGeometry, bufs: ModelPatchBuffers): GPUBuffer {
  ctx.checkBindingSize(g.grid.volume * 4, 'padded model');
  const params = uniformBuffer(
    ctx,
    [
      u32x4(...g.grid.shape, g.mode === 'add' ? 1 : 0),
      u32x4(...g.patch.l, g.patch.volume),
      u32x4(...g.patch.shape),
      u32x4(...g.srcTile.l),
      u32x4(...g.srcTile.shape),
      u32x4(...g.image.l),
      u32x4(...g.image.shape),
    ],
    'model-patch params',
  );
  const pipeline = ctx.pipeline(KERNEL, patchSrc);
  const group = ctx.device.createBindGroup({
    layout: pipeline.getBindGroupLayout(0),
    entries: [
      { binding: 0, resource: { buffer: params } },
      { binding: 1, resource: { buffer: bufs.src, size: g.srcTile.volume * 4 } },
      { binding: 2, resource: { buffer: bufs.model, size: g.grid.volume * 4 } },
      { binding: 3, resource: { buffer: bufs.data, size: g.image.volume * 4 } },
      { binding: 4, resource: { buffer: bufs.residuals, size: g.image.volume * 4 } },
      { binding: 5, resource: { buffer: bufs.partials, size: patchWorkgroups(g.patch) * 4 } },
    ],
  });
  const pass = enc.beginComputePass({ label: KERNEL });
  pass.setPipeline(pipeline);
  pass.setBindGroup(0, group);
  ctx.dispatch(pass, patchWorkgroups(g.patch));
  pass.end();
  return params;
}

/**
 * GPU counterpart of modelPatchCpu: uploads the arrays, patches, reads model and residuals back
 * into `p.model` / `p.residuals` and returns Σ(r_new² − r_old²) (partials summed in float64).
 */
export async function modelPatchGpu(ctx: GpuContext, p: ModelPatch): Promise<number> {
  checkPatch(p);
  const rw = BufferUsage.STORAGE | BufferUsage.COPY_SRC | BufferUsage.COPY_DST;
  const groups = patchWorkgroups(p.patch);
  const bufs: ModelPatchBuffers = {
    src: ctx.upload(p.src, BufferUsage.STORAGE | BufferUsage.COPY_DST, 'patch src'),
    model: ctx.upload(p.model, rw, 'patch model'),
    data: ctx.upload(p.data, BufferUsage.STORAGE | BufferUsage.COPY_DST, 'patch data'),
    residuals: ctx.upload(p.residuals, rw, 'patch residuals'),
    partials: ctx.createBuffer(Math.max(1, groups) * 4, rw, 'patch partials'),
  };
  let params: GPUBuffer | null = null;
  try {
    await ctx.run(KERNEL, (enc) => {
      params = recordModelPatch(ctx, enc, p, bufs);
    });
    p.model.set(new Float32Array(await ctx.read(bufs.model, p.model.length * 4)));
    p.residuals.set(new Float32Array(await ctx.read(bufs.residuals, p.residuals.length * 4)));
    const partials = new Float32Array(await ctx.read(bufs.partials, groups * 4));
    let delta = 0;
    for (const v of partials) delta += v;
    return delta;
  } finally {
    (params as GPUBuffer | null)?.destroy();
    Object.values(bufs).forEach((b) => b.destroy());
  }
}

