/** Brute-force references for the inspection tests. */

/** Deterministic pseudo-random numbers in [0, 1). */
export function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Standard normal deviates (Box–Muller) from a seeded generator. */
export function gaussians(n: number, sigma: number, seed: number): Float32Array {
  const rnd = lcg(seed);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const u = Math.max(rnd(), 1e-12);
    out[i] = sigma * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd());
  }
  return out;
}

/** The 3-D DFT by its definition, float64: [re, im] per element, fftn order. */
export function bruteDft(data: ArrayLike<number>, [nz, ny, nx]: readonly number[]): Float64Array {
  const out = new Float64Array(2 * nz * ny * nx);
  for (let kz = 0, k = 0; kz < nz; kz++) {
    for (let ky = 0; ky < ny; ky++) {
      for (let kx = 0; kx < nx; kx++, k++) {
        let re = 0;
        let im = 0;
        for (let z = 0, i = 0; z < nz; z++) {
          for (let y = 0; y < ny; y++) {
            for (let x = 0; x < nx; x++, i++) {
              const ph = -2 * Math.PI * ((kz * z) / nz + (ky * y) / ny + (kx * x) / nx);
              re += data[i] * Math.cos(ph);
              im += data[i] * Math.sin(ph);
            }
          }
        }
        out[2 * k] = re;
        out[2 * k + 1] = im;
      }
    }
  }
  return out;
}

/** Counts of values in explicit bins [e_k, e_k+1) (the last closed), by scanning every edge. */
export function bruteCounts(values: ArrayLike<number>, lo: number, hi: number, bins: number): number[] {
  const edges = Array.from({ length: bins + 1 }, (_, k) => lo + ((hi - lo) * k) / bins);
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    for (let k = 0; k < bins; k++) {
      const last = k === bins - 1;
      if (v >= edges[k] && (v < edges[k + 1] || (last && v <= edges[k + 1]))) {
        counts[k]++;
        break;
      }
    }
  }
  return counts;
}
