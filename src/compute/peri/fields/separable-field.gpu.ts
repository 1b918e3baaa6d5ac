/** Host wrapper of the separable-field kernel (twin: separable-field.cpu.ts). */
import type { GpuContext } from '../../gpu/context';
import { encodePass } from '../../gpu/pass';
import fieldSrc from '../../../shaders/peri/separable-field.wgsl';
import { PeriShapeError } from '../errors';
import { f32x4, tileBuffer, u32x4, uniformBuffer, workgroupsFor } from '../gpu-params';
import { Tile } from '../tile';
import { checkSeparable, type SeparableField } from './separable-field.cpu';

const KERNEL = 'peri/separable-field';

function concat(parts: readonly Float64Array[]): Float32Array {
  const out = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * Records F on `tile` into `out`. Returns the temporary buffers (uniforms, planes, profiles) to
 * destroy once the work is done.
 */
export function recordSeparableField(
  ctx: GpuContext,
  enc: GPUCommandEncoder,
  f: SeparableField,
  tile: Tile,
  out: GPUBuffer,
): GPUBuffer[] {
  checkSeparable(f);
  if (!new Tile(f.shape).includes(tile)) throw new PeriShapeError(`${tile} is not inside the grid ${f.shape.join('×')}`);
  tileBuffer(ctx, tile, 'separable field', out);
  const xy = concat(f.xy);
  const zp = concat(f.z);
  ctx.checkBindingSize(xy.byteLength, 'separable field xy planes');
  const params = uniformBuffer(
    ctx,
    [u32x4(...tile.l, tile.volume), u32x4(...tile.shape, f.xy.length), u32x4(...f.shape), f32x4(f.scale, f.offset)],
    'separable-field params',
  );
  const xyBuf = ctx.upload(xy, undefined, 'separable-field xy');
  const zBuf = ctx.upload(zp, undefined, 'separable-field z');
  const pipeline = ctx.pipeline(KERNEL, fieldSrc);
  encodePass(ctx, enc, {
    label: KERNEL,
    pipeline,
    bindings: [{ buffer: params }, { buffer: xyBuf }, { buffer: zBuf }, { buffer: out, size: tile.volume * 4 }],
    workgroups: workgroupsFor(tile.volume),
  });
  return [params, xyBuf, zBuf];
}

/** F on `tile` (default: the whole grid) in a float32 buffer (`out`, or a new one). */
export async function evaluateSeparableGpu(
  ctx: GpuContext,
  f: SeparableField,
  tile: Tile = new Tile(f.shape),
  out?: GPUBuffer,
): Promise<GPUBuffer> {
  if (tile.isEmpty) throw new PeriShapeError(`evaluateSeparableGpu: the tile ${tile} is empty`);
  const buffer = tileBuffer(ctx, tile, 'separable field', out);
  let temps: GPUBuffer[] = [];
  try {
    await ctx.run(KERNEL, (enc) => {
      temps = recordSeparableField(ctx, enc, f, tile, buffer);
    });
  } finally {
    temps.forEach((b) => b.destroy());
  }
  return buffer;
}
