/**
 * Gauss quadrature rules in float64, nodes found by Newton's method on the three-term recurrences
 * (nodes ascending, like numpy's leggauss / laggauss / hermgauss):
 * - Gauss–Legendre: ∫_{−1}^{1} f(x) dx ≈ Σ w_i f(x_i)
 * - Gauss–Laguerre: ∫_0^∞ e^{−x} f(x) dx
 * - Gauss–Hermite (physicists'): ∫_{−∞}^{∞} e^{−x²} f(x) dx
 * plus PERI's sinh-mapped Laguerre rule for the line-scan integral ∫_0^∞ f(x) dx.
 */

export interface Quadrature {
  readonly nodes: Float64Array;
  readonly weights: Float64Array;
}

export class QuadratureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QuadratureError';
  }
}

const MAX_NEWTON = 100;

function checkOrder(n: number, what: string, max = 200): void {
  if (!Number.isInteger(n) || n < 1 || n > max) {
    throw new QuadratureError(`${what} needs an integer number of points in [1, ${max}], got ${n}`);
  }
}

/** Runs Newton's method from `guess`; `step(z)` returns the Newton correction at z. */
function newton(guess: number, step: (z: number) => number, what: string): number {
  let z = guess;
  for (let it = 0; it < MAX_NEWTON; it++) {
    const dz = step(z);
    z -= dz;
    if (Math.abs(dz) <= 1e-15 * Math.max(1, Math.abs(z))) return z;
  }
  throw new QuadratureError(`${what}: Newton's method did not converge from ${guess}`);
}

/** Legendre P_n(x) and P_{n−1}(x). */
function legendre(n: number, x: number): [number, number] {
  let p0 = 1;
  let p1 = x;
  if (n === 0) return [1, 0];
  for (let k = 2; k <= n; k++) {
    const p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
    p0 = p1;
    p1 = p2;
  }
  return [p1, p0];
}

export function gaussLegendre(n: number): Quadrature {
  checkOrder(n, 'Gauss–Legendre');
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  const half = Math.ceil(n / 2);
  for (let i = 0; i < half; i++) {
    const deriv = (z: number) => {
      const [pn, pm] = legendre(n, z);
      return { pn, dp: (n * (z * pn - pm)) / (z * z - 1) };
    };
    const z = newton(Math.cos((Math.PI * (i + 0.75)) / (n + 0.5)), (t) => {
      const { pn, dp } = deriv(t);
      return pn / dp;
    }, 'Gauss–Legendre');
    const { dp } = deriv(z);
    const w = 2 / ((1 - z * z) * dp * dp);
    nodes[i] = -z;
    nodes[n - 1 - i] = z;
    weights[i] = w;
    weights[n - 1 - i] = w;
  }
  if (n % 2 === 1) nodes[half - 1] = 0;
  return { nodes, weights };
}

/** Laguerre L_n(x) and L_{n−1}(x). */
function laguerre(n: number, x: number): [number, number] {
  let p0 = 1;
  let p1 = 1 - x;
  if (n === 0) return [1, 0];
  for (let k = 2; k <= n; k++) {
    const p2 = ((2 * k - 1 - x) * p1 - (k - 1) * p0) / k;
    p0 = p1;
    p1 = p2;
  }
  return [p1, p0];
}

/** Initial guesses for the Laguerre roots, each from the previous ones (after Stroud & Secrest). */
function laguerreGuess(i: number, n: number, roots: Float64Array): number {
  if (i === 0) return 3 / (1 + 2.4 * n);
  if (i === 1) return roots[0] + 15 / (1 + 2.5 * n);
  const a = i - 1;
  return roots[i - 1] + ((1 + 2.55 * a) / (1.9 * a)) * (roots[i - 1] - roots[i - 2]);
}

export function gaussLaguerre(n: number): Quadrature {
  checkOrder(n, 'Gauss–Laguerre', 100);
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const z = newton(laguerreGuess(i, n, nodes), (t) => {
      const [pn, pm] = laguerre(n, t);
      return pn / ((n * (pn - pm)) / t);
    }, 'Gauss–Laguerre');
    const [pn, pm] = laguerre(n, z);
    const dp = (n * (pn - pm)) / z;
    nodes[i] = z;
    weights[i] = -1 / (dp * n * pm);
  }
  return { nodes, weights };
}

/** Orthonormal Hermite functions h_n(x), h_{n−1}(x) (h_k = H_k / √(2^k k! √π)), stable for large n. */
function hermiteOrthonormal(n: number, x: number): [number, number] {
  let p0 = 0;
  let p1 = Math.PI ** -0.25;
  for (let k = 1; k <= n; k++) {
    const p2 = x * Math.sqrt(2 / k) * p1 - Math.sqrt((k - 1) / k) * p0;
    p0 = p1;
    p1 = p2;
  }
  return [p1, p0];
}

function hermiteGuess(i: number, n: number, roots: number[]): number {
  if (i === 0) return Math.sqrt(2 * n + 1) - 1.85575 * (2 * n + 1) ** (-1 / 6);
  if (i === 1) return roots[0] - (1.14 * n ** 0.426) / roots[0];
  if (i === 2) return 1.86 * roots[1] - 0.86 * roots[0];
  if (i === 3) return 1.91 * roots[2] - 0.91 * roots[1];
  return 2 * roots[i - 1] - roots[i - 2];
}

export function gaussHermite(n: number): Quadrature {
  checkOrder(n, 'Gauss–Hermite');
  const roots: number[] = [];
  const w: number[] = [];
  const half = Math.ceil(n / 2);
  for (let i = 0; i < half; i++) {
    const guess = n % 2 === 1 && i === half - 1 ? 0 : hermiteGuess(i, n, roots);
    const z = newton(guess, (t) => {
      const [pn, pm] = hermiteOrthonormal(n, t);
      return pn / (Math.sqrt(2 * n) * pm);
    }, 'Gauss–Hermite');
    const [, pm] = hermiteOrthonormal(n, z);
    roots.push(z);
    w.push(1 / (n * pm * pm));
  }
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  for (let i = 0; i < half; i++) {
    nodes[i] = -roots[i];
    nodes[n - 1 - i] = roots[i];
    weights[i] = w[i];
    weights[n - 1 - i] = w[i];
  }
  if (n % 2 === 1) nodes[half - 1] = 0;
  return { nodes, weights };
}

/** PERI's sinh scale of the Laguerre nodes for the line-scan integral, per number of points. */
export const LINE_SCAN_SCALES: Readonly<Record<number, number>> = { 15: 0.072144, 20: 0.051532, 25: 0.043266 };

/**
 * ∫_0^∞ f(x) dx ≈ Σ w_i f(x_i) with x_i = sinh(s·t_i), w_i = s·W_i·cosh(s·t_i)·e^{t_i} over the
 * Gauss–Laguerre rule (t_i, W_i): PERI's quadrature along the illuminating line (n = 15, 20, 25).
 */
export function lineScanQuadrature(n = 20): Quadrature {
  const s = LINE_SCAN_SCALES[n];
  if (s === undefined) {
    throw new QuadratureError(`the line-scan quadrature has a tuned scale for 15, 20 or 25 points only, got ${n}`);
  }
  const lag = gaussLaguerre(n);
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t = lag.nodes[i];
    nodes[i] = Math.sinh(s * t);
    weights[i] = s * Math.exp(Math.log(lag.weights[i]) + t) * Math.cosh(s * t);
  }
  return { nodes, weights };
}
