/**
 * The component classes a configuration may name, by PERI class name, with their keyword
 * arguments under PERI's names (snake_case, as in a PERI statemaker) and how each becomes a Lucid
 * component. Arguments are validated here, so a bad one is reported with its field path.
 */
import type { PeriComponent } from '../component';
import { BarnesStreakLegPoly2P1D } from '../fields/barnes-ilm';
import { GlobalScalar } from '../fields/global-scalar';
import { ChebyshevPoly2P1D, LegendrePoly2P1D, Polynomial2P1D } from '../fields/poly2p1d';
import { LegendrePoly3D, Polynomial3D } from '../fields/poly3d';
import { Slab } from '../objects/slab';
import { PlatonicSpheresCollection } from '../objects/spheres';
import { SPHERE_METHODS } from '../objects/sphere-functions';
import { FixedSSChebLinePSF, FixedSSChebPinholePSF } from '../psfs/exact-cheb';
import { AnisotropicGaussian, AnisotropicGaussianXYZ } from '../psfs/gaussian';
import { Gaussian4DLegPoly, Gaussian4DPoly } from '../psfs/gaussian4d';
import { IdentityPSF } from '../psfs/identity';
import type { Vec3 } from '../tile';
import { PeriConfigError } from './errors';
import { readBool, readInt, readInts, readNumber, readNumbers, readPositions, readString, type Json } from './validate';

type Reader = (v: Json, field: string) => unknown;
type Args = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface ComponentClass {
  name: string;
  kind: 'object' | 'field' | 'scalar' | 'psf';
  args: Record<string, Reader>;
  build(a: Args): PeriComponent;
}

const num: Reader = (v, f) => readNumber(v, f);
const pos: Reader = (v, f) => readNumber(v, f, { gt: 0 });
const int0: Reader = (v, f) => readInt(v, f, 0);
const int1: Reader = (v, f) => readInt(v, f, 1);
const bool: Reader = (v, f) => readBool(v, f);
const str: Reader = (v, f) => readString(v, f);
const vec2: Reader = (v, f) => readNumbers(v, f, 2);
const vec3: Reader = (v, f) => readNumbers(v, f, 3);
const order3: Reader = (v, f) => readInts(v, f, 0, 3);
const op: Reader = (v, f) => readString(v, f, ['*', '+']);
const nullable = (r: Reader): Reader => (v, f) => (v === null ? null : r(v, f));
const numOrList: Reader = (v, f) => (Array.isArray(v) ? readNumbers(v, f) : readNumber(v, f, { min: 0 }));

const polyArgs = { order: order3, constval: num, category: str };
const poly2p1dArgs = { ...polyArgs, operation: op };

const sphereArgs = {
  pos: (v: Json, f: string) => readPositions(v, f),
  rad: numOrList,
  zscale: pos,
  support_pad: int0,
  method: (v: Json, f: string) => readString(v, f, SPHERE_METHODS),
  alpha: num,
  exact_volume: bool,
  volume_error: pos,
  max_radius_change: pos,
  param_prefix: str,
  grouping: (v: Json, f: string) => readString(v, f, ['particle', 'parameter']),
  category: str,
};

const exactArgs = {
  laser_wavelength: pos, zslab: num, zscale: pos, kfki: num, n2n1: pos, alpha: pos, polar_angle: num, pxsize: pos,
  sigkf: nullable(num), nkpts: nullable(int1), measurement_iterations: int1, use_J1: bool, sph6_ab: nullable(num),
  global_zscale: bool, support_size: (v: Json, f: string) => readInts(v, f, 1, 3), cheb_degree: int1, cheb_evals: int1,
  zrange: nullable(vec2), do_pinhole: bool, pinhole_width: nullable(pos),
};

function exactOptions(a: Args) {
  return {
    laserWavelength: a.laser_wavelength, zslab: a.zslab, zscale: a.zscale, kfki: a.kfki, n2n1: a.n2n1, alpha: a.alpha,
    polarAngle: a.polar_angle, pxsize: a.pxsize, sigkf: a.sigkf, nkpts: a.nkpts, measurementIterations: a.measurement_iterations,
    useJ1: a.use_J1, sph6Ab: a.sph6_ab, globalZscale: a.global_zscale, supportSize: a.support_size as Vec3 | undefined,
    chebDegree: a.cheb_degree, chebEvals: a.cheb_evals, zrange: a.zrange, doPinhole: a.do_pinhole, pinholeWidth: a.pinhole_width,
  };
}

const CLASSES: ComponentClass[] = [
  {
    name: 'PlatonicSpheresCollection',
    kind: 'object',
    args: sphereArgs,
    build: (a) =>
      new PlatonicSpheresCollection(a.pos ?? [], a.rad ?? [], {
        zscale: a.zscale, supportPad: a.support_pad, method: a.method, alpha: a.alpha, exactVolume: a.exact_volume,
        volumeError: a.volume_error, maxRadiusChange: a.max_radius_change, paramPrefix: a.param_prefix,
        grouping: a.grouping, category: a.category,
      }),
  },
  {
    name: 'Slab',
    kind: 'object',
    args: { zpos: num, angles: vec2, param_prefix: str, category: str },
    build: (a) => new Slab({ zpos: a.zpos, angles: a.angles, paramPrefix: a.param_prefix, category: a.category }),
  },
  { name: 'Polynomial3D', kind: 'field', args: polyArgs, build: (a) => new Polynomial3D(a) },
  { name: 'LegendrePoly3D', kind: 'field', args: polyArgs, build: (a) => new LegendrePoly3D(a) },
  { name: 'Polynomial2P1D', kind: 'field', args: poly2p1dArgs, build: (a) => new Polynomial2P1D(a) },
  { name: 'LegendrePoly2P1D', kind: 'field', args: poly2p1dArgs, build: (a) => new LegendrePoly2P1D(a) },
  { name: 'ChebyshevPoly2P1D', kind: 'field', args: poly2p1dArgs, build: (a) => new ChebyshevPoly2P1D(a) },
  {
    name: 'BarnesStreakLegPoly2P1D',
    kind: 'field',
    args: {
      npts: (v, f) => readInts(v, f, 2), zorder: int0, op, barnes_dist: pos, barnes_clip_size: pos, local_updates: bool, category: str,
      donorm: (v, f) => {
        if (!readBool(v, f)) throw new PeriConfigError(f, 'only donorm: true (the normalised Barnes interpolant) is implemented');
        return true;
      },
    },
    build: (a) =>
      new BarnesStreakLegPoly2P1D({
        npts: a.npts, zorder: a.zorder, op: a.op, barnesDist: a.barnes_dist, barnesClipSize: a.barnes_clip_size,
        localUpdates: a.local_updates, category: a.category,
      }),
  },
  { name: 'GlobalScalar', kind: 'scalar', args: { name: str, value: num }, build: (a) => new GlobalScalar(a.name ?? 'offset', a.value ?? 0) },
  { name: 'IdentityPSF', kind: 'psf', args: {}, build: () => new IdentityPSF() },
  { name: 'AnisotropicGaussian', kind: 'psf', args: { sigmas: vec2, error: pos }, build: (a) => new AnisotropicGaussian(a) },
  { name: 'AnisotropicGaussianXYZ', kind: 'psf', args: { sigmas: vec3, error: pos }, build: (a) => new AnisotropicGaussianXYZ(a) },
  { name: 'Gaussian4DPoly', kind: 'psf', args: { sigmas: vec3, order: order3, error: pos, zrange: pos }, build: (a) => new Gaussian4DPoly(a) },
  { name: 'Gaussian4DLegPoly', kind: 'psf', args: { sigmas: vec3, order: order3, error: pos, zrange: pos }, build: (a) => new Gaussian4DLegPoly(a) },
  { name: 'FixedSSChebLinePSF', kind: 'psf', args: exactArgs, build: (a) => new FixedSSChebLinePSF(exactOptions(a)) },
  { name: 'FixedSSChebPinholePSF', kind: 'psf', args: exactArgs, build: (a) => new FixedSSChebPinholePSF(exactOptions(a)) },
];

/** PERI's registry short names (models.py `allfields`, `allpsfs`, `allobjs`) accepted as class names. */
const SHORT_NAMES: Record<string, string> = {
  spheres: 'PlatonicSpheresCollection', slab: 'Slab', const: 'GlobalScalar', poly3d: 'Polynomial3D', leg3d: 'LegendrePoly3D',
  poly2p1d: 'Polynomial2P1D', leg2p1d: 'LegendrePoly2P1D', cheb2p1d: 'ChebyshevPoly2P1D', barnesleg2p1d: 'BarnesStreakLegPoly2P1D',
  identity: 'IdentityPSF', gauss2d: 'AnisotropicGaussian', gauss3d: 'AnisotropicGaussianXYZ', gauss4d: 'Gaussian4DPoly',
  'gauss4d-leg': 'Gaussian4DLegPoly', 'cheb-linescan-fixedss': 'FixedSSChebLinePSF',
};

export const COLLECTION_CLASS = 'ComponentCollection';

export function componentClassNames(): string[] {
  return [...CLASSES.map((c) => c.name), COLLECTION_CLASS];
}

export function findComponentClass(name: string): ComponentClass | null {
  const full = SHORT_NAMES[name] ?? name;
  return CLASSES.find((c) => c.name === full) ?? null;
}
