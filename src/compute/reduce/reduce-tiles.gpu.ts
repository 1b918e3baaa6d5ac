/**
 * GPU moments per tile (tile-moments.wgsl). The volume is processed in slabs of whole tile rows
 * along z, each slab bound at an aligned offset (or uploaded, for host arrays) and small enough for
 * one storage binding; a tile row that does not fit is refused with a message naming the limit.
 * Per-chunk float32 partials are combined per tile in float64 on the host.
 */
import type { GpuContext } from '../gpu/context';
import { encodePass } from '../gpu/pass';
import src from '../../shaders/reduce/tile-moments.wgsl';
import { BufferUsage } from '../gpu/usage';
import { bindingLimits, type BindingLimits } from '../elementwise/binding-split';
import { refuseBinding, STORAGE_RW, UNIFORM_PARAMS } from '../elementwise/gpu-array';
import { checkTiles, emptyTileStats, type Shape3, type TileStats } from './reduce-tiles.cpu';
import { concatSlots, slotOffsets, type F32Input, type ReduceGpuOptions } from './pieces.gpu';

const KERNEL = 'reduce/tile-moments';
const CHUNK = 4096;

interface Slab {
  /** First plane and number of planes. */
  z0: number;
  planes: number;
  /** Binding of the slab's voxels and the index of its first voxel inside the binding. */
  byteOffset: number;
  byteSize: number;
  base: number;
  tiles: number;
}

export async function reduceTilesGpu(ctx: GpuContext, x: F32Input, shape: Shape3, tile: Shape3,
  options: ReduceGpuOptions = {}): Promise<TileStats> {
  checkTiles(x, shape, tile);
  const out = emptyTileStats(shape, tile);
  const cpt = Math.ceil((tile[0] * tile[1] * tile[2]) / CHUNK);
  const limits = bindingLimits(ctx, options.maxBindingBytes);
  const slabs = planSlabs(shape, tile, cpt, limits, x instanceof Float32Array);
  const slots = slabs.map((s) => s.tiles * cpt * 16);
  const offsets = slotOffsets(slots, limits.minStorageBufferOffsetAlignment);
  const total = offsets[offsets.length - 1] + slots[slots.length - 1];
  const partials = ctx.createBuffer(total, STORAGE_RW, `${KERNEL} partials`);
  const pipeline = ctx.pipeline(KERNEL, src);
  const transient: GPUBuffer[] = [];
  try {
    for (const [k, slab] of slabs.entries()) {
      await ctx.run(KERNEL, (enc) => {
        const params = ctx.upload(slabParams(shape, tile, cpt, slab), UNIFORM_PARAMS, `${KERNEL} params`);
        transient.push(params);
        const input = bindSlab(ctx, x, shape, slab, transient);
        encodePass(ctx, enc, {
          label: KERNEL,
          pipeline,
          bindings: [{ buffer: params }, input, { buffer: partials, offset: offsets[k], size: slots[k] }],
          workgroups: slab.tiles * cpt,
        });
      });
      for (const b of transient.splice(0)) b.destroy();
    }
    combineTiles(out, new Float32Array(concatSlots(await ctx.read(partials, total), offsets, slots)), cpt);
    return out;
  } finally {
    for (const b of transient) b.destroy();
    partials.destroy();
  }
}

/** Slabs of whole tile rows along z, each fitting one binding (voxels and partials). */
function planSlabs(shape: Shape3, tile: Shape3, cpt: number, limits: BindingLimits, uploaded: boolean): Slab[] {
  const [nz, ny, nx] = shape;
  const gy = Math.ceil(ny / tile[1]);
  const gx = Math.ceil(nx / tile[2]);
  const plane = ny * nx;
  const maxFloats = limits.maxStorageBufferBindingSize / 4;
  const slack = uploaded ? 0 : limits.minStorageBufferOffsetAlignment / 4 - 1;
  const rowFloats = tile[0] * plane;
  const rowPartials = gy * gx * cpt * 16;
  const rows = Math.min(Math.floor((maxFloats - slack) / rowFloats), Math.floor(limits.maxStorageBufferBindingSize / rowPartials));
  if (rows < 1) {
    const bytes = Math.max((rowFloats + slack) * 4, rowPartials);
    refuseBinding(`reduceTiles: one row of ${tile[0]}-plane tiles of a ${shape.join('×')} volume`, bytes, limits);
  }
  const slabs: Slab[] = [];
  for (let z0 = 0; z0 < nz; z0 += rows * tile[0]) {
    const planes = Math.min(rows * tile[0], nz - z0);
    const startByte = z0 * plane * 4;
    const byteOffset = uploaded ? 0 : startByte - (startByte % limits.minStorageBufferOffsetAlignment);
    const base = uploaded ? 0 : (startByte - byteOffset) / 4;
    slabs.push({ z0, planes, byteOffset, base, byteSize: (base + planes * plane) * 4, tiles: Math.ceil(planes / tile[0]) * gy * gx });
  }
  return slabs;
}

function bindSlab(ctx: GpuContext, x: F32Input, shape: Shape3, slab: Slab, transient: GPUBuffer[]): GPUBufferBinding {
  if (!(x instanceof Float32Array)) return { buffer: x.buffer, offset: slab.byteOffset, size: slab.byteSize };
  const plane = shape[1] * shape[2];
  const data = x.subarray(slab.z0 * plane, (slab.z0 + slab.planes) * plane);
  const buf = ctx.upload(data, BufferUsage.STORAGE | BufferUsage.COPY_DST, `${KERNEL} slab`);
  transient.push(buf);
  return { buffer: buf, offset: 0, size: slab.byteSize };
}

function slabParams(shape: Shape3, tile: Shape3, cpt: number, slab: Slab): Uint32Array {
  const gy = Math.ceil(shape[1] / tile[1]);
  const gx = Math.ceil(shape[2] / tile[2]);
  return new Uint32Array([
    slab.planes, shape[1], shape[2], slab.base,
    tile[0], tile[1], tile[2], cpt,
    Math.ceil(slab.planes / tile[0]), gy, gx, slab.tiles,
  ]);
}

/** Adds each tile's chunk partials in float64; chunks past a tile's voxel count are skipped. */
function combineTiles(out: TileStats, partials: Float32Array, cpt: number): void {
  for (let t = 0; t < out.count.length; t++) {
    const chunks = Math.ceil(out.count[t] / CHUNK);
    let s = 0;
    let q = 0;
    for (let c = 0; c < chunks; c++) {
      const at = 4 * (t * cpt + c);
      s += partials[at];
      q += partials[at + 1];
      out.min[t] = Math.min(out.min[t], partials[at + 2]);
      out.max[t] = Math.max(out.max[t], partials[at + 3]);
    }
    out.sum[t] = s;
    out.sumSquares[t] = q;
  }
}
