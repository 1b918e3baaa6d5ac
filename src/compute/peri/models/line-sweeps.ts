/**
 * The inner loop of the direct convolutions (separable-blur.cpu.ts, axis-pass.ts): many output
 * lines at once, acc[p] = Σ_j w_j · src[starts[j] + p], with the taps folded into pairs.
 */
/**
 * Taps grouped for the sweeps as pairs (a, b, w) contributing w·(src[a] + src[b]): a symmetric
 * kernel's ±k taps share a multiply; a single tap s of weight v is the pair (s, s, v/2), exactly
 * v·src[s] (halving and doubling are exact in binary floating point).
 */
export interface FoldedTaps {
  pairA: Int32Array;
  pairB: Int32Array;
  pairW: Float64Array;
}

export function foldTaps(w: Float64Array): FoldedTaps {
  const c = Math.floor(w.length / 2);
  const pairs: [number, number, number][] = [];
  const used = new Set<number>();
  for (let k = 1; c - k >= 0 && c + k < w.length; k++) {
    if (w[c - k] === w[c + k]) {
      pairs.push([c - k, c + k, w[c - k]]);
      used.add(c - k).add(c + k);
    }
  }
  w.forEach((v, j) => {
    if (!used.has(j)) pairs.push([j, j, v / 2]);
  });
  return {
    pairA: Int32Array.from(pairs, (q) => q[0]),
    pairB: Int32Array.from(pairs, (q) => q[1]),
    pairW: Float64Array.from(pairs, (q) => q[2]),
  };
}

/** Pairs per sweep over acc: each sweep reads and writes acc once, so fewer sweeps, less traffic. */
const PAIRS_PER_SWEEP = 5;

/** acc[p] = Σ_j w_j · src[starts[j] + p] for p < len, in sweeps of up to five tap pairs. */
export function accumulateLines(src: Float32Array, starts: Int32Array, t: FoldedTaps, len: number, acc: Float64Array): void {
  acc.fill(0, 0, len);
  const np = t.pairW.length;
  for (let q = 0; q < np; q += PAIRS_PER_SWEEP) sweep(src, starts, t, q, Math.min(PAIRS_PER_SWEEP, np - q), len, acc);
}

/** acc[p] += Σ over pairs q..q+count−1 of w·(src[a + p] + src[b + p]); one loop per count. */
function sweep(src: Float32Array, starts: Int32Array, t: FoldedTaps, q: number, count: number, len: number, acc: Float64Array): void {
  const { pairA: pa, pairB: pb, pairW: pw } = t;
  const a1 = starts[pa[q]], b1 = starts[pb[q]], w1 = pw[q];
  if (count === 1) {
    for (let p = 0; p < len; p++) acc[p] += w1 * (src[a1 + p] + src[b1 + p]);
    return;
  }
  const a2 = starts[pa[q + 1]], b2 = starts[pb[q + 1]], w2 = pw[q + 1];
  if (count === 2) {
    for (let p = 0; p < len; p++) acc[p] += w1 * (src[a1 + p] + src[b1 + p]) + w2 * (src[a2 + p] + src[b2 + p]);
    return;
  }
  const a3 = starts[pa[q + 2]], b3 = starts[pb[q + 2]], w3 = pw[q + 2];
  if (count === 3) {
    for (let p = 0; p < len; p++) acc[p] += w1 * (src[a1 + p] + src[b1 + p]) + w2 * (src[a2 + p] + src[b2 + p]) + w3 * (src[a3 + p] + src[b3 + p]);
    return;
  }
  const a4 = starts[pa[q + 3]], b4 = starts[pb[q + 3]], w4 = pw[q + 3];
  if (count === 4) {
    for (let p = 0; p < len; p++) {
      acc[p] += w1 * (src[a1 + p] + src[b1 + p]) + w2 * (src[a2 + p] + src[b2 + p]) + w3 * (src[a3 + p] + src[b3 + p]) + w4 * (src[a4 + p] + src[b4 + p]);
    }
    return;
  }
  const a5 = starts[pa[q + 4]], b5 = starts[pb[q + 4]], w5 = pw[q + 4];
  for (let p = 0; p < len; p++) {
    acc[p] +=
      w1 * (src[a1 + p] + src[b1 + p]) + w2 * (src[a2 + p] + src[b2 + p]) + w3 * (src[a3 + p] + src[b3 + p]) +
      w4 * (src[a4 + p] + src[b4 + p]) + w5 * (src[a5 + p] + src[b5 + p]);
  }
}
