/**
 * Options, parameter names and value clipping of PERI's exact confocal PSFs (ExactPSF defaults):
 * laser_wavelength 0.488 µm, zslab 0, zscale 1, kfki 0.889, n2n1 1.44/1.518, alpha 1.173,
 * polar_angle 0, pxsize 0.125 µm, sigkf 0 (so polychromatic with nkpts = 3), measurement_iterations
 * 11, use_J1 true, sph6_ab none; FixedSS support [35, 17, 25], Chebyshev degree 6 from 8 points.
 * Parameters, in PERI's order: psf-kfki, psf-zslab, psf-zscale (or the global `zscale`), psf-alpha,
 * psf-n2n1, psf-laser-wavelength, then psf-sigkf when polychromatic and psf-sph6-ab when set.
 */
import type { ConfocalGeometry } from '../../psf/confocal-depth';
import type { ConfocalOptics, ConfocalScan } from '../../psf/confocal-exact';
import { PeriValueError } from '../errors';
import type { Vec3 } from '../tile';

export interface ExactPsfOptions {
  /** Padded-grid z window of the Chebyshev interpolation; default (0, padded Nz). */
  zrange?: readonly [number, number] | null;
  laserWavelength?: number;
  zslab?: number;
  zscale?: number;
  kfki?: number;
  n2n1?: number;
  alpha?: number;
  polarAngle?: number;
  pxsize?: number;
  /** null: monochromatic detection (unless nkpts is given). */
  sigkf?: number | null;
  nkpts?: number | null;
  measurementIterations?: number;
  /** Include K3 in the detection (PERI's use_J1). */
  useJ1?: boolean;
  sph6Ab?: number | null;
  /** Name the z scale `zscale` (shared with the spheres, PERI's link_zscale) instead of `psf-zscale`. */
  globalZscale?: boolean;
  supportSize?: Vec3;
  chebDegree?: number;
  chebEvals?: number;
  /**
   * Line-scan only: a line image of finite (Gaussian) width, 3 Hermite points, parameter
   * `psf-pinhole-width` (1/k units, default 1). PERI 0.1.3 cannot construct this (its __init__
   * raises NameError), so this is an extension.
   */
  doPinhole?: boolean;
  pinholeWidth?: number | null;
}

export interface ResolvedExactOptions {
  scan: ConfocalScan;
  polychromatic: boolean;
  nkpts: number;
  sph6: boolean;
  zscaleName: string;
  polarAngle: number;
  pxsize: number;
  measurementIterations: number;
  useJ1: boolean;
  support: Vec3;
  chebDegree: number;
  chebEvals: number;
  zrange: [number, number] | null;
  doPinhole: boolean;
}

export const DEFAULT_SUPPORT: Vec3 = [35, 17, 25];

function checkInt(v: number, what: string, min: number): number {
  if (!Number.isInteger(v) || v < min) throw new PeriValueError(`${what} must be an integer ≥ ${min}, got ${v}`);
  return v;
}

/** PERI's constructor logic: (parameter names, initial values, resolved settings). */
export function resolveExactOptions(scan: ConfocalScan, o: ExactPsfOptions): { names: string[]; values: number[]; settings: ResolvedExactOptions } {
  const polychromatic = o.sigkf !== null || (o.nkpts ?? null) !== null;
  const sigkf = o.sigkf ?? 0;
  const sph6 = o.sph6Ab != null && !Number.isNaN(o.sph6Ab);
  const zscaleName = o.globalZscale ? 'zscale' : 'psf-zscale';
  const doPinhole = scan === 'line' && (o.doPinhole ?? false);
  const names = ['psf-kfki', 'psf-zslab', zscaleName, 'psf-alpha', 'psf-n2n1', 'psf-laser-wavelength'];
  const values = [o.kfki ?? 0.889, o.zslab ?? 0, o.zscale ?? 1, o.alpha ?? 1.173, o.n2n1 ?? 1.44 / 1.518, o.laserWavelength ?? 0.488];
  if (polychromatic) names.push('psf-sigkf'), values.push(sigkf);
  if (sph6) names.push('psf-sph6-ab'), values.push(o.sph6Ab as number);
  if (doPinhole) names.push('psf-pinhole-width'), values.push(o.pinholeWidth ?? 1);
  const support = [...(o.supportSize ?? DEFAULT_SUPPORT)] as Vec3;
  if (!support.every((n) => Number.isInteger(n) && n > 0 && n % 2 === 1)) {
    throw new PeriValueError(`the exact PSF support must be 3 odd positive integers (z, y, x), got [${support.join(', ')}]`);
  }
  const zrange = o.zrange ? ([o.zrange[0], o.zrange[1]] as [number, number]) : null;
  if (zrange && !(zrange.every(Number.isFinite) && zrange[1] > zrange[0])) {
    throw new PeriValueError(`zrange must be two finite numbers, low < high, got [${zrange.join(', ')}]`);
  }
  const settings: ResolvedExactOptions = {
    scan,
    polychromatic,
    nkpts: polychromatic ? checkInt(o.nkpts ?? 3, 'nkpts', 1) : 1,
    sph6,
    zscaleName,
    polarAngle: o.polarAngle ?? 0,
    pxsize: o.pxsize ?? 0.125,
    measurementIterations: checkInt(o.measurementIterations ?? 11, 'measurementIterations', 1),
    useJ1: o.useJ1 ?? true,
    support,
    chebDegree: checkInt(o.chebDegree ?? 6, 'chebDegree', 1),
    chebEvals: checkInt(o.chebEvals ?? 8, 'chebEvals', 1),
    zrange,
    doPinhole,
  };
  if (settings.chebEvals < settings.chebDegree) {
    throw new PeriValueError(`chebEvals (${settings.chebEvals}) must be ≥ chebDegree (${settings.chebDegree})`);
  }
  if (!(settings.pxsize > 0)) throw new PeriValueError(`pxsize must be positive, got ${settings.pxsize}`);
  return { names, values, settings };
}

/**
 * PERI's update_values clipping: alpha outside [1e-3, π/2] → clipped to [1e-3, π/2 − 1e-3];
 * zscale outside [1e-3, 100] → [1e-3, 100 − 1e-3]; wavelength below 1e-3 → 1e-3.
 * Returns the (name, clipped value) pairs that changed.
 */
export function clipExactValues(get: (name: string) => number, zscaleName: string): [string, number][] {
  const out: [string, number][] = [];
  const alpha = get('psf-alpha');
  if (alpha < 1e-3 || alpha > Math.PI / 2) out.push(['psf-alpha', Math.min(Math.max(alpha, 1e-3), Math.PI / 2 - 1e-3)]);
  const zscale = get(zscaleName);
  if (zscale < 1e-3 || zscale > 100) out.push([zscaleName, Math.min(Math.max(zscale, 1e-3), 100 - 1e-3)]);
  const wl = get('psf-laser-wavelength');
  if (wl < 1e-3) out.push(['psf-laser-wavelength', 1e-3]);
  return out;
}

/** Optics and geometry of the current values. */
export function exactModel(get: (name: string) => number, s: ResolvedExactOptions): { optics: ConfocalOptics; geometry: ConfocalGeometry } {
  const optics: ConfocalOptics = {
    scan: s.scan,
    alpha: get('psf-alpha'),
    n2n1: get('psf-n2n1'),
    sph6Ab: s.sph6 ? get('psf-sph6-ab') : null,
    kfki: get('psf-kfki'),
    sigkf: s.polychromatic ? get('psf-sigkf') : null,
    nkpts: s.nkpts,
    polarAngle: s.polarAngle,
    includeK3Det: s.useJ1,
    lineWidth: s.doPinhole ? { width: get('psf-pinhole-width'), points: 3 } : null,
  };
  const geometry: ConfocalGeometry = {
    pxsize: s.pxsize,
    laserWavelength: get('psf-laser-wavelength'),
    zslab: get('psf-zslab'),
    zscale: get(s.zscaleName),
  };
  return { optics, geometry };
}
