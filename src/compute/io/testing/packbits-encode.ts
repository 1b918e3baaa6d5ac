/** Test-only PackBits encoder: runs of 3+ equal bytes as repeats, the rest as literals. */
export function packBitsEncode(input: Uint8Array): Uint8Array {
  const out: number[] = [];
  let i = 0;
  while (i < input.length) {
    let run = 1;
    while (i + run < input.length && run < 128 && input[i + run] === input[i]) run++;
    if (run >= 3) {
      out.push(257 - run, input[i]);
      i += run;
      continue;
    }
    let end = i;
    while (end < input.length && end - i < 128) {
      if (end + 2 < input.length && input[end] === input[end + 1] && input[end] === input[end + 2]) break;
      end++;
    }
    out.push(end - i - 1, ...input.subarray(i, end));
    i = end;
  }
  return new Uint8Array(out);
}
