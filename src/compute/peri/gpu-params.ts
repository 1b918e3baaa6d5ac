/** Packing of the PERI kernels' uniform structs (rows of vec4<i32|u32|f32>) and dispatch sizes. */
import type { GpuContext } from '../gpu/context';
import { BufferUsage } from '../gpu/usage';
import { PeriShapeError } from './errors';
import type { Tile } from './tile';

/** @workgroup_size of every PERI kernel. */
export const PERI_WG_SIZE = 64;

export function workgroupsFor(invocations: number): number {
  return Math.ceil(invocations / PERI_WG_SIZE);
}

type Row = { kind: 'i32' | 'u32' | 'f32'; values: readonly number[] };

export const i32x4 = (...values: number[]): Row => ({ kind: 'i32', values });
export const u32x4 = (...values: number[]): Row => ({ kind: 'u32', values });
export const f32x4 = (...values: number[]): Row => ({ kind: 'f32', values });

/** Writes rows of 4 × 32-bit values at `byteOffset`. */
export function writeRows(view: DataView, byteOffset: number, rows: readonly Row[]): void {
  rows.forEach((row, r) => {
    for (let c = 0; c < 4; c++) {
      const at = byteOffset + r * 16 + c * 4;
      const v = row.values[c] ?? 0;
      if (row.kind === 'i32') view.setInt32(at, v, true);
      else if (row.kind === 'u32') view.setUint32(at, v, true);
      else view.setFloat32(at, v, true);
    }
  });
}

export function uniformBuffer(ctx: GpuContext, rows: readonly Row[], label: string): GPUBuffer {
  const bytes = new ArrayBuffer(rows.length * 16);
  writeRows(new DataView(bytes), 0, rows);
  return ctx.upload(new Uint8Array(bytes), BufferUsage.UNIFORM | BufferUsage.COPY_DST, label);
}

/** A float32 storage buffer big enough for `tile`, or a check that `buffer` is. */
export function tileBuffer(ctx: GpuContext, tile: Tile, label: string, buffer?: GPUBuffer): GPUBuffer {
  const bytes = tile.volume * 4;
  ctx.checkBindingSize(bytes, label);
  if (buffer) {
    if (buffer.size < bytes) throw new PeriShapeError(`${label}: buffer of ${buffer.size} bytes cannot hold ${tile} (${bytes} bytes)`);
    return buffer;
  }
  return ctx.createBuffer(bytes, BufferUsage.STORAGE | BufferUsage.COPY_SRC | BufferUsage.COPY_DST, label);
}
