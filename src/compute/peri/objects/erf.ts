/**
 * The error function in float64, accurate to a few ulps: a series with positive terms for |x| < 2.5,
 * erf(x) = 2/√π · e^(−x²) · Σ_n 2^n x^(2n+1) / (1·3·…·(2n+1)), and the continued fraction of erfc
 * beyond, erfc(x) = e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))). erf(±6) is ±1 in float64.
 */
const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);
const ONE_OVER_SQRT_PI = 1 / Math.sqrt(Math.PI);
const SERIES_LIMIT = 2.5;
const CF_DEPTH = 80;

function erfSeries(x: number): number {
  const x2 = x * x;
  let term = x;
  let sum = x;
  for (let n = 1; n < 200; n++) {
    term *= (2 * x2) / (2 * n + 1);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return TWO_OVER_SQRT_PI * Math.exp(-x2) * sum;
}

function erfcContinuedFraction(x: number): number {
  let f = x;
  for (let k = CF_DEPTH; k >= 1; k--) f = x + k / 2 / f;
  return (ONE_OVER_SQRT_PI * Math.exp(-x * x)) / f;
}

export function erf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const ax = Math.abs(x);
  let v: number;
  if (ax < SERIES_LIMIT) v = erfSeries(ax);
  else if (ax < 6) v = 1 - erfcContinuedFraction(ax);
  else v = 1;
  return x < 0 ? -v : v;
}
