/** Decoding and float64 combination of the per-workgroup partials of the moments kernel. */
import type { Moments } from './volume-stats.common';

/** Bytes of one `Partial` in volume-stats-moments.wgsl: 6 u32 then 2 f32. */
export const PARTIAL_BYTES = 32;

const keyBits = new Uint32Array(1);
const keyFloat = new Float32Array(keyBits.buffer);

/** Inverse of the kernel's order_key: the f32 value whose bits map to `key`. */
export function floatFromOrderKey(key: number): number {
  keyBits[0] = key & 0x80000000 ? key ^ 0x80000000 : ~key;
  return keyFloat[0];
}

/** The kernel's order_key, for tests. */
export function orderKey(value: number): number {
  keyFloat[0] = value;
  const bits = keyBits[0];
  return (bits & 0x80000000 ? ~bits : bits | 0x80000000) >>> 0;
}

/** Chan et al.'s pairwise merge of (count, mean, M2), in float64, plus min/max keys and counts. */
export class MomentsAccumulator {
  private count = 0;
  private mean = 0;
  private m2 = 0;
  private loKey = 0xffffffff;
  private hiKey = 0;
  private nanCount = 0;
  private infCount = 0;

  /** Adds the partials read back from one dispatch. */
  add(raw: ArrayBuffer): void {
    const u = new Uint32Array(raw);
    const f = new Float32Array(raw);
    for (let p = 0; p < u.length; p += PARTIAL_BYTES / 4) {
      this.nanCount += u[p + 1];
      this.infCount += u[p + 2];
      const n = u[p];
      if (n === 0) continue;
      this.loKey = Math.min(this.loKey, u[p + 4]);
      this.hiKey = Math.max(this.hiKey, u[p + 5]);
      this.merge(n, f[p + 6], f[p + 7]);
    }
  }

  result(): Moments {
    const empty = this.count === 0;
    return {
      count: this.count,
      min: empty ? NaN : floatFromOrderKey(this.loKey),
      max: empty ? NaN : floatFromOrderKey(this.hiKey),
      mean: this.mean,
      m2: this.m2,
      nanCount: this.nanCount,
      infCount: this.infCount,
    };
  }

  private merge(nb: number, meanB: number, m2B: number): void {
    const na = this.count;
    const n = na + nb;
    const delta = meanB - this.mean;
    this.mean += (delta * nb) / n;
    this.m2 += m2B + (delta * delta * na * nb) / n;
    this.count = n;
  }
}
