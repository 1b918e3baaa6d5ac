/** Host wrappers of model-pre.wgsl and model-post.wgsl (twins: expression.cpu.ts). */
import type { GpuContext } from '../../gpu/context';
import { BufferUsage } from '../../gpu/usage';
import preSrc from '../../../shaders/peri/model-pre.wgsl';
import postSrc from '../../../shaders/peri/model-post.wgsl';
import { PeriShapeError } from '../errors';
import { f32x4, u32x4, uniformBuffer, workgroupsFor } from '../gpu-params';
import type { Coeffs4 } from './stage';

const PRE = 'peri/model-pre';
const POST = 'peri/model-post';

/** GPU arrays of one stage, n float32 each; A and B may be absent when their terms are zero. */
export interface ExpressionBuffers {
  a: GPUBuffer | null;
  b: GPUBuffer | null;
  /** The output of 'pre'; for 'post', h (rewritten in place). */
  out: GPUBuffer;
}

function checkSizes(ctx: GpuContext, n: number, bufs: ExpressionBuffers, what: string): void {
  ctx.checkBindingSize(n * 4, what);
  for (const [name, b] of [['A', bufs.a], ['B', bufs.b], ['out', bufs.out]] as const) {
    if (b && b.size < n * 4) throw new PeriShapeError(`${what}: buffer ${name} of ${b.size} bytes is too small for ${n} values`);
  }
}

/** Records one kernel; returns the buffers to destroy after submission. */
function record(ctx: GpuContext, enc: GPUCommandEncoder, kernel: string, src: string, c: Coeffs4, n: number, bufs: ExpressionBuffers): GPUBuffer[] {
  checkSizes(ctx, n, bufs, kernel);
  const params = uniformBuffer(ctx, [u32x4(n, bufs.a ? 1 : 0, bufs.b ? 1 : 0), f32x4(...c)], `${kernel} params`);
  const placeholder = ctx.createBuffer(4, BufferUsage.STORAGE, `${kernel} placeholder`);
  const pipeline = ctx.pipeline(kernel, src);
  const bind = (b: GPUBuffer | null) => (b ? { buffer: b, size: n * 4 } : { buffer: placeholder });
  const group = ctx.device.createBindGroup({
    layout: pipeline.getBindGroupLayout(0),
    entries: [
      { binding: 0, resource: { buffer: params } },
      { binding: 1, resource: bind(bufs.a) },
      { binding: 2, resource: bind(bufs.b) },
      { binding: 3, resource: { buffer: bufs.out, size: n * 4 } },
    ],
  });
  const pass = enc.beginComputePass({ label: kernel });
  pass.setPipeline(pipeline);
  pass.setBindGroup(0, group);
  ctx.dispatch(pass, workgroupsFor(n));
  pass.end();
  return [params, placeholder];
}

/** out = c0 + c1·A + c2·B + c3·A·B */
export function recordModelPre(ctx: GpuContext, enc: GPUCommandEncoder, c: Coeffs4, n: number, bufs: ExpressionBuffers): GPUBuffer[] {
  return record(ctx, enc, PRE, preSrc, c, n, bufs);
}

/** h = d0·h + d1·A·h + d2·A + d3·B, in place (bufs.out is h). */
export function recordModelPost(ctx: GpuContext, enc: GPUCommandEncoder, d: Coeffs4, n: number, bufs: ExpressionBuffers): GPUBuffer[] {
  return record(ctx, enc, POST, postSrc, d, n, bufs);
}

async function oneShot(
  ctx: GpuContext,
  kind: 'pre' | 'post',
  coeffs: Coeffs4,
  a: Float32Array | null,
  b: Float32Array | null,
  h: Float32Array | null,
  n: number,
): Promise<Float32Array> {
  const up = (x: Float32Array | null, label: string) => (x ? ctx.upload(x, BufferUsage.STORAGE | BufferUsage.COPY_DST, label) : null);
  const bufs: ExpressionBuffers = {
    a: up(a, 'model A'),
    b: up(b, 'model B'),
    out: h ? ctx.upload(h, BufferUsage.STORAGE | BufferUsage.COPY_SRC | BufferUsage.COPY_DST, 'model h') : ctx.createBuffer(n * 4, BufferUsage.STORAGE | BufferUsage.COPY_SRC, 'model out'),
  };
  let temps: GPUBuffer[] = [];
  try {
    await ctx.run(kind === 'pre' ? PRE : POST, (enc) => {
      temps = (kind === 'pre' ? recordModelPre : recordModelPost)(ctx, enc, coeffs, n, bufs);
    });
    return new Float32Array(await ctx.read(bufs.out, n * 4));
  } finally {
    [...temps, bufs.a, bufs.b, bufs.out].forEach((x) => x?.destroy());
  }
}

/** GPU counterpart of modelPreCpu (uploads, runs, reads back). */
export function modelPreGpu(ctx: GpuContext, c: Coeffs4, a: Float32Array | null, b: Float32Array | null, n: number): Promise<Float32Array> {
  return oneShot(ctx, 'pre', c, a, b, null, n);
}

/** GPU counterpart of modelPostCpu. */
export function modelPostGpu(ctx: GpuContext, d: Coeffs4, h: Float32Array, a: Float32Array | null, b: Float32Array | null): Promise<Float32Array> {
  return oneShot(ctx, 'post', d, a, b, h, h.length);
}
