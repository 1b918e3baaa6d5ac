/** Host wrapper of the erf-eval kernel: peri_erf (f32, erf.wgsl) on an array, to measure its error. Twin: erf-eval.cpu.ts. */
import type { GpuContext } from '../../gpu/context';
import erfSrc from '../../../shaders/peri/erf.wgsl';
import evalSrc from '../../../shaders/peri/erf-eval.wgsl';
import { BufferUsage } from '../../gpu/usage';
import { u32x4, uniformBuffer, workgroupsFor } from '../gpu-params';

const KERNEL = 'peri/erf-eval';

export async function erfEvalGpu(ctx: GpuContext, xs: Float32Array): Promise<Float32Array> {
  ctx.checkBindingSize(xs.byteLength, 'erf-eval input');
  const params = uniformBuffer(ctx, [u32x4(xs.length)], 'erf-eval params');
  const input = ctx.upload(xs, undefined, 'erf-eval x');
  const output = ctx.createBuffer(xs.byteLength, BufferUsage.STORAGE | BufferUsage.COPY_SRC, 'erf-eval y');
  try {
    const pipeline = ctx.pipeline(KERNEL, `${erfSrc}\n${evalSrc}`);
    await ctx.run(KERNEL, (enc) => {
      const group = ctx.device.createBindGroup({
        layout: pipeline.getBindGroupLayout(0),
        entries: [
          { binding: 0, resource: { buffer: params } },
          { binding: 1, resource: { buffer: input } },
          { binding: 2, resource: { buffer: output } },
        ],
      });
      const pass = enc.beginComputePass({ label: KERNEL });
      pass.setPipeline(pipeline);
      pass.setBindGroup(0, group);
      ctx.dispatch(pass, workgroupsFor(xs.length));
      pass.end();
    });
    return new Float32Array(await ctx.read(output, xs.byteLength));
  } finally {
    [params, input, output].forEach((b) => b.destroy());
  }
}
