/**
 * Host wrapper of the sphere-draw kernel (twin: sphere-draw.cpu.ts). Each sphere is one dispatch,
 * one invocation per voxel of its box; dispatches in one pass run in order, so overlapping spheres
 * accumulate without atomics. Each dispatch reads its own 256-byte slot of one uniform buffer.
 */
import type { GpuContext } from '../../gpu/context';
import { BufferUsage } from '../../gpu/usage';
import erfSrc from '../../../shaders/peri/erf.wgsl';
import sphereSrc from '../../../shaders/peri/sphere-draw.wgsl';
import { PeriShapeError } from '../errors';
import { f32x4, i32x4, tileBuffer, u32x4, workgroupsFor, writeRows } from '../gpu-params';
import { Tile } from '../tile';
import type { SphereDraw, SphereStyle } from './sphere-draw.cpu';
import { resolveSphereMethod, type ResolvedSphereMethod } from './sphere-functions';
import { drawCenter } from './sphere-geometry';

const KERNEL = 'peri/sphere-draw';
const CODE = `${erfSrc}\n${sphereSrc}`;
const PARAM_BYTES = 7 * 16;

/** Values of `box_n.w` in sphere-draw.wgsl. */
const METHOD_CODE: Readonly<Record<ResolvedSphereMethod, number>> = {
  'exact-gaussian-trim': 0,
  'exact-gaussian': 1,
  lerp: 2,
  logistic: 3,
  triangle: 4,
  'constrained-cubic': 5,
  bool: 6,
};

function slotBytes(ctx: GpuContext): number {
  const align = ctx.limits.minUniformBufferOffsetAlignment;
  return Math.ceil(PARAM_BYTES / align) * align;
}

/**
 * Records the draws into `enc`. Returns the uniform buffer to destroy once the work is done.
 * `field` holds the tile `dst` of the padded grid, row-major float32.
 */
export function recordSphereDraws(
  ctx: GpuContext,
  enc: GPUCommandEncoder,
  field: GPUBuffer,
  dst: Tile,
  draws: readonly SphereDraw[],
  style: SphereStyle,
): GPUBuffer | null {
  tileBuffer(ctx, dst, 'sphere field', field);
  const method = METHOD_CODE[resolveSphereMethod(style.method)];
  const jobs = draws
    .map((d) => ({ d, box: Tile.intersection(d.box, dst) }))
    .filter(({ d, box }) => !box.isEmpty && d.aEff > 0);
  if (jobs.length === 0) return null;
  const slot = slotBytes(ctx);
  const bytes = new ArrayBuffer(slot * jobs.length);
  const view = new DataView(bytes);
  jobs.forEach(({ d, box }, j) => {
    const c = drawCenter(d.pos);
    writeRows(view, j * slot, [
      i32x4(...box.l, box.volume),
      u32x4(...box.shape, method),
      i32x4(...dst.l),
      u32x4(...dst.shape),
      i32x4(...c),
      f32x4(d.pos[0] - c[0], d.pos[1] - c[1], d.pos[2] - c[2], d.aEff),
      f32x4(style.zscale, style.alpha, d.sign),
    ]);
  });
  const params = ctx.upload(new Uint8Array(bytes), BufferUsage.UNIFORM | BufferUsage.COPY_DST, 'sphere-draw params');
  const pipeline = ctx.pipeline(KERNEL, CODE);
  const pass = enc.beginComputePass({ label: KERNEL });
  pass.setPipeline(pipeline);
  jobs.forEach(({ box }, j) => {
    const group = ctx.device.createBindGroup({
      layout: pipeline.getBindGroupLayout(0),
      entries: [
        { binding: 0, resource: { buffer: params, offset: j * slot, size: PARAM_BYTES } },
        { binding: 1, resource: { buffer: field, size: dst.volume * 4 } },
      ],
    });
    pass.setBindGroup(0, group);
    ctx.dispatch(pass, workgroupsFor(box.volume));
  });
  pass.end();
  return params;
}

/** Draws (sign +1) or erases (sign −1) spheres into `field`, which holds `dst`. */
export async function drawSpheresGpu(
  ctx: GpuContext,
  field: GPUBuffer,
  dst: Tile,
  draws: readonly SphereDraw[],
  style: SphereStyle,
): Promise<void> {
  if (dst.isEmpty) throw new PeriShapeError(`drawSpheresGpu: the destination ${dst} is empty`);
  let params: GPUBuffer | null = null;
  try {
    await ctx.run(KERNEL, (enc) => {
      params = recordSphereDraws(ctx, enc, field, dst, draws, style);
    });
  } finally {
    (params as GPUBuffer | null)?.destroy();
  }
}
