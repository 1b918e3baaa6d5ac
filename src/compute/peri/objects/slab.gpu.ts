/** Host wrapper of the slab kernel (twin: slab.cpu.ts): the slab on a tile of the padded grid. */
import type { GpuContext } from '../../gpu/context';
import slabSrc from '../../../shaders/peri/slab.wgsl';
import { PeriShapeError } from '../errors';
import { f32x4, i32x4, tileBuffer, u32x4, uniformBuffer, workgroupsFor } from '../gpu-params';
import type { Tile } from '../tile';
import type { SlabGeometry } from './slab.cpu';

const KERNEL = 'peri/slab';

/** Records the slab on `tile` into `out` (row-major float32 of the tile). Returns the uniform buffer to destroy afterwards. */
export function recordSlab(ctx: GpuContext, enc: GPUCommandEncoder, geom: SlabGeometry, tile: Tile, out: GPUBuffer): GPUBuffer {
  tileBuffer(ctx, tile, 'slab field', out);
  const ci = geom.pivot.map(Math.floor);
  const params = uniformBuffer(
    ctx,
    [
      i32x4(...tile.l, tile.volume),
      u32x4(...tile.shape),
      i32x4(...ci),
      f32x4(...geom.pivot.map((c, i) => c - ci[i])),
      f32x4(...geom.normal),
    ],
    'slab params',
  );
  const pipeline = ctx.pipeline(KERNEL, slabSrc);
  const group = ctx.device.createBindGroup({
    layout: pipeline.getBindGroupLayout(0),
    entries: [
      { binding: 0, resource: { buffer: params } },
      { binding: 1, resource: { buffer: out, size: tile.volume * 4 } },
    ],
  });
  const pass = enc.beginComputePass({ label: KERNEL });
  pass.setPipeline(pipeline);
  pass.setBindGroup(0, group);
  ctx.dispatch(pass, workgroupsFor(tile.volume));
  pass.end();
  return params;
}

/** The slab on `tile` in a float32 buffer (`out`, or a new one). */
export async function drawSlabGpu(ctx: GpuContext, geom: SlabGeometry, tile: Tile, out?: GPUBuffer): Promise<GPUBuffer> {
  if (tile.isEmpty) throw new PeriShapeError(`drawSlabGpu: the tile ${tile} is empty`);
  const buffer = tileBuffer(ctx, tile, 'slab field', out);
  let params: GPUBuffer | null = null;
  try {
    await ctx.run(KERNEL, (enc) => {
      params = recordSlab(ctx, enc, geom, tile, buffer);
    });
  } finally {
    (params as GPUBuffer | null)?.destroy();
  }
  return buffer;
}
