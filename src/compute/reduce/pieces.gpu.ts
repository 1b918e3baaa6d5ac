/**
 * Runs a chunked reduction kernel over inputs that may be longer than one storage binding: the
 * inputs are cut into pieces of whole chunks (each fits the binding limit), every piece writes its
 * partials into its own aligned slice of one partials buffer, and the partials are read back once.
 * Host arrays are uploaded piece by piece, so GPU memory holds one piece at a time.
 */
import type { GpuContext } from '../gpu/context';
import { encodePass } from '../gpu/pass';
import { BufferUsage } from '../gpu/usage';
import { bindingLimits, splitForBinding, type BindingSegment } from '../elementwise/binding-split';
import { GpuArrayError, refuseBinding, STORAGE_RW, UNIFORM_PARAMS, type GpuArray } from '../elementwise/gpu-array';

/** Input of a GPU reduction: an array already on the GPU, or a host array to upload. */
export type F32Input = Float32Array | GpuArray;

export interface ReduceGpuOptions {
  /** A binding limit below the device's, to exercise the splitting in tests. */
  maxBindingBytes?: number;
}

/** Values per workgroup chunk in the chunked kernels (moments.wgsl, dot.wgsl). */
export const CHUNK = 4096;

export interface Piece {
  seg: BindingSegment;
  /** One binding per input, in input order. */
  inputs: GPUBufferBinding[];
  /** Where this piece's partials go. */
  partials: GPUBufferBinding;
  /** The piece's parameters, already uploaded (16-byte aligned uniform). */
  params: GPUBuffer;
  /** Chunks in this piece (= workgroups to dispatch). */
  chunks: number;
}

export interface PiecesPlan {
  kernel: string;
  inputs: F32Input[];
  /** Bytes of partials written per chunk. */
  partialBytes: number;
  /** Uniform contents for a piece of `count` values. */
  params: (count: number) => ArrayBuffer;
  record: (enc: GPUCommandEncoder, piece: Piece) => void;
}

export function inputLength(what: string, inputs: F32Input[]): number {
  const n = inputs[0].length;
  for (const arr of inputs) {
    if (arr.length !== n) throw new GpuArrayError(`${what}: inputs have ${n} and ${arr.length} values; they must match`);
    if (!(arr instanceof Float32Array) && arr.length * 4 > arr.buffer.size) {
      throw new GpuArrayError(`${what}: ${arr.length} floats do not fit its GPU buffer of ${arr.buffer.size} bytes`);
    }
  }
  return n;
}

/** Runs the plan and returns the partials of every piece, concatenated in order (chunk order). */
export async function runPieces(ctx: GpuContext, plan: PiecesPlan, options: ReduceGpuOptions = {}): Promise<ArrayBuffer> {
  const n = inputLength(plan.kernel, plan.inputs);
  const limits = bindingLimits(ctx, options.maxBindingBytes);
  const segs = splitForBinding(n, 4, limits, CHUNK) ?? refuseBinding(`${plan.kernel} (one chunk of ${CHUNK} float32)`, CHUNK * 4, limits);
  const align = limits.minStorageBufferOffsetAlignment;
  const slots = segs.map((s) => Math.ceil(s.count / CHUNK) * plan.partialBytes);
  const offsets = slotOffsets(slots, align);
  const total = offsets[offsets.length - 1] + slots[slots.length - 1];
  const partials = ctx.createBuffer(Math.max(16, Math.ceil(total / 4) * 4), STORAGE_RW, `${plan.kernel} partials`);
  const transient: GPUBuffer[] = [];
  try {
    const onGpu = plan.inputs.every((arr) => !(arr instanceof Float32Array));
    const pieces = segs.map((seg, k) => ({ seg, k }));
    const makePiece = (seg: BindingSegment, k: number): Piece => {
      const params = ctx.upload(new Uint8Array(plan.params(seg.count)), UNIFORM_PARAMS, `${plan.kernel} params`);
      transient.push(params);
      return {
        seg, params, chunks: Math.ceil(seg.count / CHUNK),
        inputs: plan.inputs.map((arr) => bindInput(ctx, arr, seg, transient, plan.kernel)),
        partials: { buffer: partials, offset: offsets[k], size: slots[k] },
      };
    };
    if (onGpu) {
      await ctx.run(plan.kernel, (enc) => { for (const { seg, k } of pieces) plan.record(enc, makePiece(seg, k)); });
    } else {
      for (const { seg, k } of pieces) {
        await ctx.run(plan.kernel, (enc) => plan.record(enc, makePiece(seg, k)));
        for (const b of transient.splice(0)) b.destroy();
      }
    }
    const raw = await ctx.read(partials, Math.ceil(total / 4) * 4);
    return concatSlots(raw, offsets, slots);
  } finally {
    for (const b of transient) b.destroy();
    partials.destroy();
  }
}

export function bindInput(ctx: GpuContext, arr: F32Input, seg: BindingSegment, transient: GPUBuffer[], what: string): GPUBufferBinding {
  if (!(arr instanceof Float32Array)) return { buffer: arr.buffer, offset: seg.byteOffset, size: seg.byteSize };
  const buf = ctx.upload(arr.subarray(seg.start, seg.start + seg.count), BufferUsage.STORAGE | BufferUsage.COPY_DST, `${what} input`);
  transient.push(buf);
  return { buffer: buf, offset: 0, size: seg.byteSize };
}

export function slotOffsets(slots: number[], align: number): number[] {
  const out: number[] = [];
  let at = 0;
  for (const bytes of slots) {
    out.push(at);
    at = Math.ceil((at + bytes) / align) * align;
  }
  return out;
}

export function concatSlots(raw: ArrayBuffer, offsets: number[], slots: number[]): ArrayBuffer {
  const out = new Uint8Array(slots.reduce((a, b) => a + b, 0));
  let at = 0;
  offsets.forEach((off, k) => {
    out.set(new Uint8Array(raw, off, slots[k]), at);
    at += slots[k];
  });
  return out.buffer;
}

/** Records one dispatch of `pipeline` with bindings 0 = params, 1..m = inputs, m+1 = partials. */
export function recordPiece(ctx: GpuContext, enc: GPUCommandEncoder, pipeline: GPUComputePipeline,
  label: string, piece: Piece): void {
  const bindings = [{ buffer: piece.params }, ...piece.inputs, piece.partials];
  encodePass(ctx, enc, { label, pipeline, bindings, workgroups: piece.chunks });
}
