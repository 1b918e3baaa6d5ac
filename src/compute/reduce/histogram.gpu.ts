/** GPU histogram (histogram.wgsl): workgroup-memory counts added atomically into one global histogram. */
import type { GpuContext } from '../gpu/context';
import { encodePass } from '../gpu/pass';
import src from '../../shaders/reduce/histogram.wgsl';
import { bindingLimits, splitForBinding } from '../elementwise/binding-split';
import { refuseBinding, STORAGE_RW, UNIFORM_PARAMS } from '../elementwise/gpu-array';
import { binConstants, checkBins, type Histogram, type HistogramBins } from './histogram.cpu';
import { bindInput, type F32Input, type ReduceGpuOptions } from './pieces.gpu';

const KERNEL = 'reduce/histogram';
const CHUNK = 4096;

export async function histogramGpu(ctx: GpuContext, x: F32Input, bins: HistogramBins,
  options: ReduceGpuOptions = {}): Promise<Histogram> {
  checkBins(bins);
  const slots = bins.count + 3;
  const limits = bindingLimits(ctx, options.maxBindingBytes);
  const segs = splitForBinding(x.length, 4, limits, CHUNK) ?? refuseBinding(`${KERNEL} (one chunk of ${CHUNK} float32)`, CHUNK * 4, limits);
  const pipeline = ctx.pipeline(`${KERNEL}/${bins.count}`, src, 'main', { NBINS: bins.count, NSLOTS: slots });
  const hist = ctx.createBuffer(slots * 4, STORAGE_RW, `${KERNEL} counts`);
  const transient: GPUBuffer[] = [];
  try {
    await ctx.run(KERNEL, (enc) => enc.clearBuffer(hist));
    for (const seg of segs) {
      await ctx.run(KERNEL, (enc) => {
        const params = ctx.upload(new Uint8Array(histogramParams(bins, seg.count)), UNIFORM_PARAMS, `${KERNEL} params`);
        transient.push(params);
        encodePass(ctx, enc, {
          label: KERNEL,
          pipeline,
          bindings: [{ buffer: params }, bindInput(ctx, x, seg, transient, KERNEL), { buffer: hist }],
          workgroups: Math.ceil(seg.count / CHUNK),
        });
      });
      for (const b of transient.splice(0)) b.destroy();
    }
    const counts = new Uint32Array(await ctx.read(hist, slots * 4));
    return {
      bins: { ...bins }, counts: counts.slice(0, bins.count),
      below: counts[bins.count], above: counts[bins.count + 1], nan: counts[bins.count + 2],
    };
  } finally {
    for (const b of transient) b.destroy();
    hist.destroy();
  }
}

function histogramParams(bins: HistogramBins, count: number): ArrayBuffer {
  const { lo, hi, scale } = binConstants(bins);
  const raw = new ArrayBuffer(32);
  new Uint32Array(raw, 0, 1)[0] = count;
  new Float32Array(raw, 16, 3).set([lo, hi, scale]);
  return raw;
}
