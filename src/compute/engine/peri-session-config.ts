/**
 * Configurations for a fitting session: PERI's statemaker defaults scaled to the image, and the
 * session's overrides (zscale from metadata, the featured particles' radius).
 */
import { parseConfig } from '../peri/config/parse-config';
import type { ComponentSpec, PeriConfig } from '../peri/config/schema';
import { EngineError } from './errors';
import type { StatemakerChoices } from './peri-session-choices';
import type { Vec3 } from './peri-session-types';

export { ILM_CHOICES, MODEL_CHOICES, PSF_CHOICES, type StatemakerChoices } from './peri-session-choices';

/**
 * PERI's statemaker_example rules for the Barnes illumination: zorder = int(Nz/6.25)+1, streaks
 * len(npts) = int(Ny/42.5)+1 with npts_i = int(Nx·[59,39,29,19,14][i]/512)+1 (then ·11/512).
 */
export function barnesOrders([nz, ny, nx]: Vec3): { npts: number[]; zorder: number } {
  const factors = [59, 39, 29, 19, 14];
  const streaks = Math.floor(ny / 42.5) + 1;
  const npts = Array.from({ length: streaks }, (_, i) => Math.floor((nx * (factors[i] ?? 11)) / 512) + 1);
  return { npts: npts.map((n) => Math.max(2, n)), zorder: Math.floor(nz / 6.25) + 1 };
}

function ilmSpec(kind: NonNullable<StatemakerChoices['ilm']>, shape: Vec3): ComponentSpec {
  if (kind === 'BarnesStreakLegPoly2P1D') return { class: kind, args: barnesOrders(shape) };
  if (kind === 'LegendrePoly3D') return { class: kind, args: { order: [3, 3, 3], category: 'ilm', constval: 1 } };
  return { class: kind, args: { order: [Math.min(7, Math.floor(shape[0] / 6.25) + 1), 3, 3], category: 'ilm', constval: 1 } };
}

function psfSpec(kind: NonNullable<StatemakerChoices['psf']>): ComponentSpec {
  if (kind === 'AnisotropicGaussianXYZ') return { class: kind, args: { sigmas: [4, 2, 2] } };
  if (kind === 'AnisotropicGaussian') return { class: kind, args: { sigmas: [4, 2] } };
  return { class: kind, args: {} };
}

/** A configuration with PERI's statemaker components for an image of `shape` (z, y, x). */
export function statemakerConfig(shape: Vec3, c: StatemakerChoices = {}): PeriConfig {
  const psf = c.psf ?? 'AnisotropicGaussianXYZ';
  const exact = psf === 'FixedSSChebLinePSF';
  const spheres: ComponentSpec = { class: 'PlatonicSpheresCollection', args: { pos: [], rad: c.radius ?? 5, zscale: c.zscale ?? 1 } };
  const slabZ = c.slabZ === undefined ? 0 : c.slabZ;
  const obj: ComponentSpec = slabZ === null
    ? spheres
    : { class: 'ComponentCollection', args: { category: 'obj' }, components: [spheres, { class: 'Slab', args: { zpos: slabZ } }] };
  const config = {
    format: 'lucid.peri.config',
    version: 1,
    name: `statemaker defaults for ${shape.join('×')}`,
    description: "PERI's statemaker_example components scaled to the image: Barnes illumination orders from the shape, LegendrePoly2P1D (9,3,5) background, scalar offset.",
    model: c.model ?? 'ConfocalImageModel',
    pad: 24,
    sigma: 0.04,
    components: [
      obj,
      ilmSpec(c.ilm ?? 'BarnesStreakLegPoly2P1D', shape),
      { class: 'LegendrePoly2P1D', args: { order: [9, 3, 5], category: 'bkg' } },
      { class: 'GlobalScalar', args: { name: 'offset', value: 0 } },
      psfSpec(psf),
    ],
    link_zscale: exact,
    values: {},
  };
  return parseConfig(config);
}

function mapSpheres(specs: ComponentSpec[], f: (s: ComponentSpec) => ComponentSpec): ComponentSpec[] {
  return specs.map((s) =>
    s.components ? { ...s, components: mapSpheres(s.components, f) } : s.class === 'PlatonicSpheresCollection' ? f(s) : s,
  );
}

/** The configuration with zscale replaced (the spheres', or the linked global one). */
export function withZscale(config: PeriConfig, zscale: number): PeriConfig {
  if (!Number.isFinite(zscale) || zscale <= 0) throw new EngineError('invalid-request', `zscale must be a finite number > 0, got ${zscale}.`);
  const components = mapSpheres(config.components, (s) => ({ ...s, args: { ...(s.args ?? {}), zscale } }));
  const values = config.link_zscale || 'zscale' in config.values ? { ...config.values, zscale } : config.values;
  return { ...config, components, values };
}

/** The radius the configuration gives its particles (a number, or the first of a list), else 5. */
export function configRadius(config: PeriConfig): number {
  let rad: unknown;
  mapSpheres(config.components, (s) => {
    rad = s.args?.rad;
    return s;
  });
  const r = Array.isArray(rad) ? rad[0] : rad;
  return typeof r === 'number' && r > 0 ? r : 5;
}

/** z pixel / xy pixel when the voxel size is known on z and x. */
export function zscaleFromVoxelSize(v: { z: number | null; x: number | null } | null | undefined): number | null {
  if (!v || v.z === null || v.x === null || !(v.z > 0) || !(v.x > 0)) return null;
  return v.z / v.x;
}
