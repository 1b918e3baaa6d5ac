/** Recording one kernel dispatch: its bind group, its compute pass and its workgroups on the 2-D grid. */
import type { GpuContext } from './context';

export interface KernelPass {
  /** Names the bind group and the pass in WebGPU's messages. */
  label: string;
  pipeline: GPUComputePipeline;
  /** Group-0 buffer bindings by binding number (an array binds 0, 1, 2, …). */
  bindings: Readonly<Record<number, GPUBufferBinding>>;
  /** Workgroups to launch; `ctx.dispatch` folds counts past 65,535 into a 2-D grid. */
  workgroups: number;
}

/** Records `pass` into `encoder`. */
export function encodePass(ctx: GpuContext, encoder: GPUCommandEncoder, pass: KernelPass): void {
  const bindGroup = ctx.device.createBindGroup({
    label: pass.label,
    layout: pass.pipeline.getBindGroupLayout(0),
    entries: Object.entries(pass.bindings).map(([binding, resource]) => ({ binding: Number(binding), resource })),
  });
  const compute = encoder.beginComputePass({ label: pass.label });
  compute.setPipeline(pass.pipeline);
  compute.setBindGroup(0, bindGroup);
  ctx.dispatch(compute, pass.workgroups);
  compute.end();
}
