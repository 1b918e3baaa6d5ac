/**
 * Named float32 work arrays reused from one call to the next: a full model evaluation needs half a
 * dozen arrays of a quarter of the padded grid (~1 MB each), an exact-PSF convolution on 96×80×96
 * a few of ~3 MB, hundreds of times per fit; allocating them each time made the collector a tenth
 * of the fit's time. `get` returns a view of exactly n values; its contents are whatever the last
 * user left. A model engine keeps its own set (some of its arrays hold fields from one evaluation
 * to the next); the CPU convolutions share one (`workArray`, JS runs one at a time), with names
 * per use ('module:purpose').
 */
export class WorkArrays {
  private readonly arrays = new Map<string, Float32Array>();

  get(name: string, n: number): Float32Array {
    let a = this.arrays.get(name);
    if (!a || a.length < n) {
      a = new Float32Array(n);
      this.arrays.set(name, a);
    }
    return a.length === n ? a : a.subarray(0, n);
  }
}

const shared = new WorkArrays();

/** A reused array of n values from the set the CPU convolutions share. */
export function workArray(name: string, n: number): Float32Array {
  return shared.get(name, n);
}
