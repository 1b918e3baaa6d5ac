/** GPU objects a plan owns (uniforms, tables, scratch), created once and destroyed with the plan. */
import type { GpuContext } from '../gpu/context';
import { BufferUsage } from '../gpu/usage';
import { twiddleTable } from './radix';

export class PlanResources {
  private readonly owned: GPUBuffer[] = [];
  private readonly twiddles = new Map<number, GPUBuffer>();
  private readonly shared = new Map<string, { bytes: number; buffer: GPUBuffer | null }>();

  constructor(readonly ctx: GpuContext, readonly label: string) {}

  /** Uniform buffer holding `words` (u32 words; floats passed through their bit pattern). */
  uniform(words: ArrayLike<number>, what: string): GPUBuffer {
    const data = new Uint32Array(Math.ceil(words.length / 4) * 4);
    data.set(words);
    return this.own(this.ctx.upload(data, BufferUsage.UNIFORM, `${this.label} ${what}`));
  }

  /** Read-only storage table (twiddles, chirps). */
  table(data: Float32Array, what: string): GPUBuffer {
    return this.own(this.ctx.upload(data, BufferUsage.STORAGE, `${this.label} ${what}`));
  }

  /** Scratch storage buffer of `bytes` (also a copy source/destination). */
  scratch(bytes: number, what: string): GPUBuffer {
    const usage = BufferUsage.STORAGE | BufferUsage.COPY_SRC | BufferUsage.COPY_DST;
    return this.own(this.ctx.createBuffer(bytes, usage, `${this.label} ${what}`));
  }

  /**
   * Registers a need for `bytes` of the scratch shared under `key` by passes that never run at the
   * same time (passes run in recording order). Fetch it with `sharedScratch(key)` when recording.
   */
  reserveScratch(key: string, bytes: number): void {
    const s = this.shared.get(key);
    if (!s) this.shared.set(key, { bytes, buffer: null });
    else if (bytes > s.bytes) this.shared.set(key, { bytes, buffer: null });
  }

  /** The shared scratch `key`, sized for the largest reservation (created on first use). */
  sharedScratch(key: string): GPUBufferBinding {
    const s = this.shared.get(key);
    if (!s) throw new Error(`no scratch reserved under "${key}"`);
    s.buffer ??= this.scratch(s.bytes, `scratch ${key}`);
    return { buffer: s.buffer, offset: 0, size: s.bytes };
  }

  /** W_n^k table for length n, shared by every pass of the plan. */
  twiddle(n: number): GPUBuffer {
    let t = this.twiddles.get(n);
    if (!t) {
      t = this.table(twiddleTable(n), `twiddles ${n}`);
      this.twiddles.set(n, t);
    }
    return t;
  }

  destroy(): void {
    for (const b of this.owned) b.destroy();
    this.owned.length = 0;
    this.twiddles.clear();
    this.shared.clear();
  }

  private own(b: GPUBuffer): GPUBuffer {
    this.owned.push(b);
    return b;
  }
}

/** Bit pattern of a float32, for packing mixed u32/f32 uniform structs. */
export function f32Bits(x: number): number {
  return new Uint32Array(new Float32Array([x]).buffer)[0];
}
