/** Test-only TIFF LZW encoder (MSB-first codes, 9–12 bits, early change, clear at a full table). */

const CLEAR = 256;
const EOI = 257;
/** geotiff's decoder keeps 4093 table entries, so the table is cleared before it holds more. */
const TABLE_LIMIT = 4093;

class BitWriter {
  private bytes: number[] = [];
  private acc = 0;
  private bits = 0;
  write(code: number, width: number): void {
    this.acc = (this.acc << width) | code;
    this.bits += width;
    while (this.bits >= 8) {
      this.bits -= 8;
      this.bytes.push((this.acc >>> this.bits) & 0xff);
    }
    this.acc &= (1 << this.bits) - 1;
  }
  finish(): Uint8Array {
    if (this.bits > 0) this.bytes.push((this.acc << (8 - this.bits)) & 0xff);
    return new Uint8Array(this.bytes);
  }
}

export function lzwEncode(input: Uint8Array): Uint8Array {
  const out = new BitWriter();
  let table = new Map<number, number>();
  let next = 258;
  let width = 9;
  out.write(CLEAR, width);
  if (input.length === 0) {
    out.write(EOI, width);
    return out.finish();
  }
  let prefix = input[0];
  for (let i = 1; i < input.length; i++) {
    const k = input[i];
    const key = prefix * 256 + k;
    const code = table.get(key);
    if (code !== undefined) {
      prefix = code;
      continue;
    }
    out.write(prefix, width);
    table.set(key, next++);
    if (next >= 1 << width && width < 12) width++;
    if (next >= TABLE_LIMIT) {
      out.write(CLEAR, width);
      table = new Map();
      next = 258;
      width = 9;
    }
    prefix = k;
  }
  out.write(prefix, width);
  next++;
  if (next >= 1 << width && width < 12) width++;
  out.write(EOI, width);
  return out.finish();
}
