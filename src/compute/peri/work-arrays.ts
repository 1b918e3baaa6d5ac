/**
 * Named float32 work arrays shared by the CPU convolutions (JS runs one at a time): an exact-PSF
 * convolution on 96×80×96 needs a few arrays of ~3 MB, hundreds of times per fit; allocating them
 * each time made the collector a tenth of the fit's time. Names are per use ('module:purpose').
 */
const arrays = new Map<string, Float32Array>();

/** A reused array of n values (contents: whatever its last user left). */
export function workArray(name: string, n: number): Float32Array {
  let a = arrays.get(name);
  if (!a || a.length < n) {
    a = new Float32Array(n);
    arrays.set(name, a);
  }
  return a.length === n ? a : a.subarray(0, n);
}
