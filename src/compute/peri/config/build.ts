/** A validated configuration → Lucid components (PERI's statemaker, line by line). */
import { ComponentCollection } from '../collection';
import type { FieldComponent, PeriComponent } from '../component';
import { imageModel, type ImageModel } from '../models/image-models';
import { PlatonicSpheresCollection } from '../objects/spheres';
import { ComponentSet } from '../state/component-set';
import { COLLECTION_CLASS, findComponentClass } from './classes';
import { PeriConfigError, atField } from './errors';
import type { ComponentSpec, PeriConfig } from './schema';

export interface ParticleOverride {
  /** Positions (z, y, x) in image pixels. */
  pos: readonly (readonly number[])[];
  /** One radius for all, or one per particle. */
  rad: number | readonly number[];
}

export interface BuildOptions {
  /** Replaces the PlatonicSpheresCollection's pos and rad (e.g. positions from featuring). */
  particles?: ParticleOverride;
}

export interface BuiltComponents {
  model: ImageModel;
  comps: PeriComponent[];
}

const EXACT_PSFS = ['FixedSSChebLinePSF', 'FixedSSChebPinholePSF'];
const ZSCALE = 'zscale';

function sphereSpecs(specs: readonly ComponentSpec[]): ComponentSpec[] {
  return specs.flatMap((s) => (s.class === COLLECTION_CLASS ? sphereSpecs(s.components ?? []) : s.class === 'PlatonicSpheresCollection' ? [s] : []));
}

/** The value the linked zscale starts at: values.zscale, else the spheres', else the PSF's, else 1. */
function linkedZscale(config: PeriConfig): number {
  if (config.values[ZSCALE] !== undefined) return config.values[ZSCALE];
  const s = sphereSpecs(config.components).find((c) => c.args?.zscale !== undefined);
  if (s) return s.args!.zscale as number;
  const p = config.components.find((c) => EXACT_PSFS.includes(c.class) && c.args?.zscale !== undefined);
  return (p?.args?.zscale as number | undefined) ?? 1;
}

function prepareArgs(spec: ComponentSpec, opts: BuildOptions, zscale: number | null): Record<string, unknown> {
  const args = { ...(spec.args ?? {}) };
  if (spec.class === 'PlatonicSpheresCollection') {
    if (opts.particles) Object.assign(args, { pos: opts.particles.pos, rad: opts.particles.rad });
    if (zscale !== null) args.zscale = zscale;
  }
  if (EXACT_PSFS.includes(spec.class) && zscale !== null) Object.assign(args, { global_zscale: true, zscale });
  return args;
}

function buildOne(spec: ComponentSpec, field: string, opts: BuildOptions, zscale: number | null): PeriComponent {
  if (spec.class === COLLECTION_CLASS) {
    const members = (spec.components ?? []).map((m, i) => buildOne(m, `${field}.components[${i}]`, opts, zscale));
    return atField(field, () => new ComponentCollection(members as FieldComponent[], (spec.args?.category as string | undefined) ?? 'obj'));
  }
  const cls = findComponentClass(spec.class);
  if (!cls) throw new PeriConfigError(`${field}.class`, `unknown component class '${spec.class}'`);
  return atField(field, () => cls.build(prepareArgs(spec, opts, zscale)));
}

function checkLink(config: PeriConfig): void {
  if (!config.link_zscale) return;
  const psf = config.components.findIndex((c) => EXACT_PSFS.includes(c.class));
  if (psf < 0) throw new PeriConfigError('link_zscale', `needs an exact PSF (${EXACT_PSFS.join(' or ')}) with a psf-zscale to link`);
  if (sphereSpecs(config.components).length === 0) throw new PeriConfigError('link_zscale', 'needs a PlatonicSpheresCollection whose zscale to link');
}

function applyValues(comps: readonly PeriComponent[], values: Record<string, number>): void {
  const set = new ComponentSet(comps);
  for (const [name, v] of Object.entries(values)) {
    let owners: PeriComponent[];
    try {
      owners = set.ownersOf(name);
    } catch {
      throw new PeriConfigError(`values.${name}`, `not a parameter of this model (its parameters start ${set.params.slice(0, 6).join(', ')}, …)`);
    }
    owners.forEach((c) => atField(`values.${name}`, () => c.setValues([name], [v])));
  }
}

/** Builds the components of a validated configuration. */
export function buildComponents(config: PeriConfig, opts: BuildOptions = {}): BuiltComponents {
  const model = atField('model', () => imageModel(config.model));
  checkLink(config);
  const zscale = config.link_zscale ? linkedZscale(config) : null;
  const comps = config.components.map((s, i) => buildOne(s, `components[${i}]`, opts, zscale));
  const seen = new Map<string, number>();
  comps.forEach((c, i) => {
    const prev = seen.get(c.category);
    if (prev !== undefined) throw new PeriConfigError(`components[${i}]`, `category '${c.category}' is already used by components[${prev}]; group objects in a ComponentCollection`);
    seen.set(c.category, i);
  });
  const missing = Object.entries(model.varmap).filter(([, cat]) => !seen.has(cat));
  if (missing.length) {
    throw new PeriConfigError('components', `${model.name} needs ${missing.map(([s, c]) => `a '${c}' component (${s})`).join(', ')}`);
  }
  applyValues(comps, config.values);
  return { model, comps };
}

/** The sphere collection of a component list (alone or in the obj collection). */
export function findSpheres(comps: readonly PeriComponent[]): PlatonicSpheresCollection | null {
  return new ComponentSet(comps).spheres();
}
