/**
 * Smooth fields of the confocal model: a Legendre "2+1-D" polynomial (PERI's LegendrePoly2P1D form,
 * used for the illumination and the background) and the coverslip slab.
 */

/**
 * F(x,y,z) = [Σ xy[i][j]·P_i(u_x)·P_j(u_y)] · (1 + Σ z[k]·P_{k+1}(u_z)), with u = 2·index/(n−1) − 1
 * over the image (so u ∈ [−1, 1] inside it; the polynomial simply continues into any padding).
 * Names follow PERI: xy[i][j] is `<prefix>-xy-i-j` (i: x order, j: y order), z[k] is `<prefix>-z-k`.
 */
export interface Legendre2P1D {
  xy: number[][];
  z: number[];
}

/** Legendre polynomials P_0..P_order at u (Bonnet's recursion). */
export function legendreSeries(u: number, order: number): number[] {
  const p = [1, u];
  for (let n = 1; n < order; n++) p.push(((2 * n + 1) * u * p[n] - n * p[n - 1]) / (n + 1));
  return p.slice(0, order + 1);
}

function normalised(index: number, n: number): number {
  return n > 1 ? (2 * index) / (n - 1) - 1 : 0;
}

function xyTerm(f: Legendre2P1D, ux: number, uy: number): number {
  const px = legendreSeries(ux, Math.max(f.xy.length - 1, 0));
  let sum = 0;
  for (let i = 0; i < f.xy.length; i++) {
    const row = f.xy[i];
    const py = legendreSeries(uy, Math.max(row.length - 1, 0));
    for (let j = 0; j < row.length; j++) sum += row[j] * px[i] * py[j];
  }
  return sum;
}

function zFactor(f: Legendre2P1D, uz: number): number {
  const p = legendreSeries(uz, f.z.length);
  let sum = 1;
  for (let k = 0; k < f.z.length; k++) sum += f.z[k] * p[k + 1];
  return sum;
}

/**
 * Evaluates the field on a grid of `gridShape` whose voxel (0,0,0) sits at image coordinate `origin`;
 * `imageShape` fixes the normalisation of u.
 */
export function evalLegendre2P1D(
  f: Legendre2P1D,
  gridShape: readonly [number, number, number],
  origin: readonly [number, number, number],
  imageShape: readonly [number, number, number],
): Float64Array {
  const [nz, ny, nx] = gridShape;
  const xy = new Float64Array(ny * nx);
  for (let y = 0; y < ny; y++) {
    const uy = normalised(y + origin[1], imageShape[1]);
    for (let x = 0; x < nx; x++) xy[y * nx + x] = xyTerm(f, normalised(x + origin[2], imageShape[2]), uy);
  }
  const out = new Float64Array(nz * ny * nx);
  for (let z = 0; z < nz; z++) {
    const fz = zFactor(f, normalised(z + origin[0], imageShape[0]));
    const base = z * ny * nx;
    for (let k = 0; k < ny * nx; k++) out[base + k] = xy[k] * fz;
  }
  return out;
}

/**
 * A flat coverslip filling the half-space below a plane through `pivot` (z, y, x) with normal
 * n = (cos φ·cos θ, sin θ, −sin φ·cos θ) in (z, y, x). Occupancy 1/(1+e^{7p}) of the signed distance p
 * to the plane (PERI's edge), exactly 1 for p < −4 and 0 for p > 4.
 */
export interface Slab {
  zpos: number;
  theta: number;
  phi: number;
  pivot: [number, number, number];
}

export function slabNormal(s: Pick<Slab, 'theta' | 'phi'>): [number, number, number] {
  return [Math.cos(s.phi) * Math.cos(s.theta), Math.sin(s.theta), -Math.sin(s.phi) * Math.cos(s.theta)];
}

export function slabOccupancy(p: number): number {
  if (p < -4) return 1;
  if (p > 4) return 0;
  return 1 / (1 + Math.exp(7 * p));
}

/** Adds the slab's occupancy into `field` (grid `shape`, voxel (0,0,0) at image coordinate `origin`). */
export function addSlab(
  field: Float64Array,
  shape: readonly [number, number, number],
  origin: readonly [number, number, number],
  slab: Slab,
): void {
  const [nz, ny, nx] = shape;
  const [nzv, nyv, nxv] = slabNormal(slab);
  const c = slab.pivot[0] * nzv + slab.pivot[1] * nyv + slab.pivot[2] * nxv;
  for (let z = 0; z < nz; z++) {
    for (let y = 0; y < ny; y++) {
      const row = (z + origin[0]) * nzv + (y + origin[1]) * nyv - c;
      const base = (z * ny + y) * nx;
      for (let x = 0; x < nx; x++) field[base + x] += slabOccupancy(row + (x + origin[2]) * nxv);
    }
  }
}
