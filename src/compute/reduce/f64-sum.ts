/**
 * Float64 summation used by the CPU twins and by the host-side combine of GPU partials.
 * Blocks of BLOCK values are summed in float64 (error ≤ BLOCK·2⁻⁵³ relative to Σ|v| per block),
 * then the block sums are added pairwise (error grows like log2(blocks)·2⁻⁵³). For 10⁷ values the
 * bound is ≈ 1e-13 of Σ|v|: far below the 1e-7 the reductions promise.
 */

export const BLOCK = 1024;

/** Pairwise (cascade) sum of a list of float64 values. */
export function pairwiseSum(values: ArrayLike<number>, lo = 0, hi = values.length): number {
  const n = hi - lo;
  if (n <= 8) {
    let s = 0;
    for (let i = lo; i < hi; i++) s += values[i];
    return s;
  }
  const mid = lo + (n >> 1);
  return pairwiseSum(values, lo, mid) + pairwiseSum(values, mid, hi);
}

/** Σ f(i) for i in [0, n): float64 blocks, then a pairwise sum of the block sums. */
export function blockedSum(n: number, block: (lo: number, hi: number) => number): number {
  const blocks = new Float64Array(Math.ceil(n / BLOCK));
  for (let b = 0; b < blocks.length; b++) {
    blocks[b] = block(b * BLOCK, Math.min(n, (b + 1) * BLOCK));
  }
  return pairwiseSum(blocks);
}
