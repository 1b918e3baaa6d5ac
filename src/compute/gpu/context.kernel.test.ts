import { expect, it } from 'vitest';
import { computeVolumeStatsCpu } from '../reduce/volume-stats.cpu';
import { computeVolumeStatsGpu } from '../reduce/volume-stats.gpu';
import { GpuContext } from './context';
import { GpuDeviceLostError, GpuKernelError } from './errors';
import { createNodeGpu } from './node-gpu';
import { withDeviceRecovery } from './recovery';
import { describeGpu } from './test-gpu';
import { BufferUsage } from './usage';

/** Adds 1 to hits[i] for every linear index i the 2-D grid reaches (test-only kernel). */
const COUNT_HITS = /* wgsl */ `
override WG_SIZE: u32 = 64u;
@group(0) @binding(0) var<storage, read_write> hits: array<atomic<u32>>;
@group(0) @binding(1) var<uniform> n: vec4u;

@compute @workgroup_size(WG_SIZE)
fn main(
  @builtin(workgroup_id) wid: vec3u,
  @builtin(num_workgroups) nwg: vec3u,
  @builtin(local_invocation_index) lid: u32,
) {
  let group = wid.x + wid.y * nwg.x;
  let i = group * WG_SIZE + lid;
  if (i >= n.x) {
    return;
  }
  atomicAdd(&hits[i], 1u);
}
`;

async function countHits(ctx: GpuContext, n: number, wgSize: number, oneDimension = false) {
  const hits = ctx.createBuffer(n * 4, BufferUsage.STORAGE | BufferUsage.COPY_SRC, 'hits');
  const params = ctx.upload(new Uint32Array([n, 0, 0, 0]), BufferUsage.UNIFORM, 'hits params');
  const groups = Math.ceil(n / wgSize);
  try {
    await ctx.run('test/count-hits', (encoder) => {
      const pipeline = ctx.pipeline('test/count-hits', COUNT_HITS, 'main', { WG_SIZE: wgSize });
      const pass = encoder.beginComputePass();
      pass.setPipeline(pipeline);
      pass.setBindGroup(0, ctx.device.createBindGroup({
        layout: pipeline.getBindGroupLayout(0),
        entries: [{ binding: 0, resource: { buffer: hits } }, { binding: 1, resource: { buffer: params } }],
      }));
      if (oneDimension) pass.dispatchWorkgroups(groups);
      else ctx.dispatch(pass, groups);
      pass.end();
    });
    return new Uint32Array(await ctx.read(hits, n * 4));
  } finally {
    hits.destroy();
    params.destroy();
  }
}

function expectEveryElementOnce(counts: Uint32Array): void {
  const wrong = counts.findIndex((c) => c !== 1);
  expect(wrong, `element ${wrong} was hit ${counts[wrong]} times`).toBe(-1);
}

await describeGpu('GPU runtime on Dawn', (ctx) => {
  it('dispatch reaches every element exactly once past 65,535 workgroups', async () => {
    expectEveryElementOnce(await countHits(ctx, 3 * 65_535 + 2, 1)); // 196,607 groups: a 49,152 × 4 grid
    expectEveryElementOnce(await countHits(ctx, 64 * 65_536 + 7, 64)); // 65,537 groups of 64
    expectEveryElementOnce(await countHits(ctx, 1000, 64));
  });

  it('a plain 1-D dispatch of 65,537 workgroups fails validation, naming the kernel', async () => {
    await expect(countHits(ctx, 65_537, 1, true)).rejects.toThrow(
      /GPU kernel "test\/count-hits" failed WebGPU validation/,
    );
  });

  it('reports a WGSL error with the kernel name and the line', async () => {
    const broken = 'fn helper() -> f32 { return 1.0; }\n@compute @workgroup_size(1)\nfn main() { let y: u32 = helper(); }\n';
    const failure = await ctx.run('test/broken', () => void ctx.pipeline('test/broken', broken)).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(GpuKernelError);
    expect((failure as Error).message).toMatch(/GPU kernel "test\/broken" failed to compile: line 3:\d+: /);
    expect((failure as Error).message).toContain('3 | fn main() { let y: u32 = helper(); }');
  });

  it('read copies a range back from an offset', async () => {
    const buffer = ctx.upload(Uint32Array.from({ length: 64 }, (_, i) => i * 3));
    const part = new Uint32Array(await ctx.read(buffer, 16, 32));
    expect(Array.from(part)).toEqual([24, 27, 30, 33]);
    buffer.destroy();
  });

  it('a device lost mid-run surfaces as GpuDeviceLostError, and recovery reruns on a fresh device', async () => {
    const gpu = await createNodeGpu();
    expect(gpu).not.toBeNull();
    const contexts: GpuContext[] = [];
    const getCtx = async (lost?: GpuContext) => {
      const last = contexts.at(-1);
      if (last && !lost) return last;
      contexts.push(await GpuContext.create(gpu as GPU, { label: `recovery-${contexts.length}` }));
      return contexts.at(-1) as GpuContext;
    };
    const data = Float32Array.from({ length: 300_000 }, (_, i) => (i * 7919) % 1000);
    const errors: unknown[] = [];
    const stats = await withDeviceRecovery(
      getCtx,
      async (c) => {
        const running = computeVolumeStatsGpu(c, data, { bins: 64 });
        if (contexts.length === 1) c.device.destroy(); // the driver takes the device away
        return running;
      },
      { onRetry: ({ error }) => errors.push(error) },
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(GpuDeviceLostError);
    expect(contexts).toHaveLength(2);
    expect(contexts[0].isLost).toBe(true);
    const twin = await computeVolumeStatsCpu(data, { bins: 64 });
    expect(Array.from(stats.histogram.counts)).toEqual(Array.from(twin.histogram.counts));
    for (const c of contexts) c.destroy();
  });

  it('pools readback buffers across reads', async () => {
    const buffer = ctx.upload(new Float32Array(256));
    await ctx.read(buffer);
    const idle = ctx.pool.pooledBytes;
    await ctx.read(buffer);
    expect(ctx.pool.pooledBytes).toBe(idle);
    expect(idle).toBeGreaterThan(0);
    buffer.destroy();
  });
});
