import { describe, expect, it } from 'vitest';
import { getDecoder } from 'geotiff';
import { lzwEncode } from './lzw-encode';
import { packBitsEncode } from './packbits-encode';

const params = { tileWidth: 1, tileHeight: 1, predictor: 1, bitsPerSample: [8], planarConfiguration: 1 };

function sample(n: number, kind: 'random' | 'smooth' | 'runs'): Uint8Array {
  const a = new Uint8Array(n);
  let s = 12345;
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    a[i] = kind === 'random' ? s >>> 24 : kind === 'smooth' ? (i >> 3) & 255 : i % 300 < 200 ? 7 : s >>> 24;
  }
  return a;
}

describe('test-only encoders decode with geotiff', () => {
  // 20 kB of random bytes fills the LZW table many times over (clear codes, 12-bit codes).
  for (const n of [0, 1, 2, 3, 511, 5000, 20_000]) {
    for (const kind of ['random', 'smooth', 'runs'] as const) {
      it(`LZW and PackBits round trip ${n} ${kind} bytes`, async () => {
        const input = sample(n, kind);
        const lzw = await getDecoder(5, params);
        expect(new Uint8Array(await lzw.decode(lzwEncode(input).buffer as ArrayBuffer))).toEqual(input);
        const packbits = await getDecoder(32773, params);
        expect(new Uint8Array(await packbits.decode(packBitsEncode(input).buffer as ArrayBuffer))).toEqual(input);
      });
    }
  }
});
