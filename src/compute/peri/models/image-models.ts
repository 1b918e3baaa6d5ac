/**
 * PERI's image models (peri/models.py) as fused stages (stage.ts). Each model maps its symbols to
 * component categories (PERI's varmap), gives the full expression and the partial-update ('d')
 * forms PERI defines: a change of one category's field is pushed through the d-equation on the
 * update tile; categories without one take the full expression.
 */
import { PeriValueError } from '../errors';
import { IDENTITY_POST, checkStage, type ModelStage, type PostForm } from './stage';

/** Current value of a scalar category (the offset C, the contrast c). */
export type ScalarLookup = (category: string) => number;

export interface ImageModel {
  /** PERI's class name. */
  readonly name: string;
  /** PERI's short names (models registry) and lower-case forms accepted in configurations. */
  readonly aliases: readonly string[];
  /** Symbol → component category. */
  readonly varmap: Readonly<Record<string, string>>;
  /** Categories whose component is a GlobalScalar. */
  readonly scalars: readonly string[];
  /** PERI's expressions, for documentation and error messages. */
  readonly expressions: Readonly<Record<string, string>>;
  readonly usesPsf: boolean;
  full(scalar: ScalarLookup): ModelStage;
  /** The d-equation for a change of `category`'s field, or null when PERI has none. */
  diff(category: string, scalar: ScalarLookup): ModelStage | null;
}

const plus = (b: string): PostForm => ({ a: null, b, d: [1, 0, 0, 1] });

interface ModelSpec {
  name: string;
  aliases: string[];
  varmap: Record<string, string>;
  scalars?: string[];
  expressions: Record<string, string>;
  full: (s: ScalarLookup) => ModelStage;
  diffs: Record<string, (s: ScalarLookup) => ModelStage>;
}

function defineModel(spec: ModelSpec): ImageModel {
  const usesPsf = Object.values(spec.varmap).includes('psf');
  return {
    name: spec.name,
    aliases: spec.aliases,
    varmap: spec.varmap,
    scalars: spec.scalars ?? [],
    expressions: spec.expressions,
    usesPsf,
    full(s) {
      const stage = spec.full(s);
      checkStage(stage, `${spec.name} full`);
      return stage;
    },
    diff(category, s) {
      const make = spec.diffs[category];
      if (!make) return null;
      const stage = make(s);
      checkStage(stage, `${spec.name} d${category}`);
      return stage;
    },
  };
}

/** H(I·(1−P) + C·P) + B: dyed fluid around dark particles, the default. */
export const ConfocalImageModel = defineModel({
  name: 'ConfocalImageModel',
  aliases: ['confocal-dyedfluid'],
  varmap: { B: 'bkg', I: 'ilm', H: 'psf', P: 'obj', C: 'offset' },
  scalars: ['offset'],
  expressions: { full: 'H(I*(1-P)+C*P) + B', dI: 'H(dI*(1-P))', dP: 'H((C-I)*dP)', dC: 'H(dC*P)', dB: 'dB' },
  full: (s) => ({ pre: { a: 'ilm', b: 'obj', c: [0, 1, s('offset'), -1] }, blur: true, post: plus('bkg') }),
  diffs: {
    obj: (s) => ({ pre: { a: 'ilm', b: 'diff', c: [0, 0, s('offset'), -1] }, blur: true, post: IDENTITY_POST }),
    ilm: () => ({ pre: { a: 'diff', b: 'obj', c: [0, 1, 0, -1] }, blur: true, post: IDENTITY_POST }),
    bkg: () => ({ pre: { a: 'diff', b: null, c: [0, 1, 0, 0] }, blur: false, post: IDENTITY_POST }),
  },
});

/** H(I·P) + B: dyed particles. PERI's ilm d-equation is keyed 'dS' (a typo), so ilm changes take the full path. */
export const ConfocalDyedParticlesModel = defineModel({
  name: 'ConfocalDyedParticlesModel',
  aliases: ['confocal-dyedobjects'],
  varmap: { P: 'obj', H: 'psf', I: 'ilm', B: 'bkg' },
  expressions: { full: 'H(I*P) + B', dP: 'H(I*dP)', dS: 'H(dI*P)', dB: 'dB' },
  full: () => ({ pre: { a: 'ilm', b: 'obj', c: [0, 0, 0, 1] }, blur: true, post: plus('bkg') }),
  diffs: {
    obj: () => ({ pre: { a: 'ilm', b: 'diff', c: [0, 0, 0, 1] }, blur: true, post: IDENTITY_POST }),
    bkg: () => ({ pre: { a: 'diff', b: null, c: [0, 1, 0, 0] }, blur: false, post: IDENTITY_POST }),
  },
});

/** I: a smooth field alone (PERI's featuring and ILM fits). */
export const SmoothFieldModel = defineModel({
  name: 'SmoothFieldModel',
  aliases: ['smooth-field'],
  varmap: { I: 'ilm' },
  expressions: { full: 'I', dI: 'dI' },
  full: () => ({ pre: { a: 'ilm', b: null, c: [0, 1, 0, 0] }, blur: false, post: IDENTITY_POST }),
  diffs: { ilm: () => ({ pre: { a: 'diff', b: null, c: [0, 1, 0, 0] }, blur: false, post: IDENTITY_POST }) },
});

/** H(I): a blurred field. */
export const BlurredFieldModel = defineModel({
  name: 'BlurredFieldModel',
  aliases: ['blurred-field'],
  varmap: { H: 'psf', I: 'ilm' },
  expressions: { full: 'H(I)', dI: 'H(dI)' },
  full: () => ({ pre: { a: 'ilm', b: null, c: [0, 1, 0, 0] }, blur: true, post: IDENTITY_POST }),
  diffs: { ilm: () => ({ pre: { a: 'diff', b: null, c: [0, 1, 0, 0] }, blur: true, post: IDENTITY_POST }) },
});

/** P: the platonic image alone. */
export const ParticlesOnlyModel = defineModel({
  name: 'ParticlesOnlyModel',
  aliases: ['particles-only'],
  varmap: { P: 'obj' },
  expressions: { full: 'P', dP: 'dP' },
  full: () => ({ pre: { a: 'obj', b: null, c: [0, 1, 0, 0] }, blur: false, post: IDENTITY_POST }),
  diffs: { obj: () => ({ pre: { a: 'diff', b: null, c: [0, 1, 0, 0] }, blur: false, post: IDENTITY_POST }) },
});

/** I·(1 + c·H(P)) + B: brightfield, particles as a contrast modulation of the illumination. */
export const BrightfieldImageModel = defineModel({
  name: 'BrightfieldImageModel',
  aliases: ['brightfield'],
  varmap: { B: 'bkg', I: 'ilm', H: 'psf', P: 'obj', c: 'contrast' },
  scalars: ['contrast'],
  expressions: { full: 'I*(1+c*H(P)) + B', dI: 'dI*(1+c*H(P))', dP: 'I*c*H(dP)', dc: 'I*dc*H(P)', dB: 'dB' },
  full: (s) => ({ pre: { a: 'obj', b: null, c: [0, 1, 0, 0] }, blur: true, post: { a: 'ilm', b: 'bkg', d: [0, s('contrast'), 1, 1] } }),
  diffs: {
    ilm: (s) => ({ pre: { a: 'obj', b: null, c: [0, 1, 0, 0] }, blur: true, post: { a: 'diff', b: null, d: [0, s('contrast'), 1, 0] } }),
    obj: (s) => ({ pre: { a: 'diff', b: null, c: [0, 1, 0, 0] }, blur: true, post: { a: 'ilm', b: null, d: [0, s('contrast'), 0, 0] } }),
    bkg: () => ({ pre: { a: 'diff', b: null, c: [0, 1, 0, 0] }, blur: false, post: IDENTITY_POST }),
  },
});

/** I·P + B: particles lit by the illumination, no blur. */
export const IlluminatedParticlesModel = defineModel({
  name: 'IlluminatedParticlesModel',
  aliases: ['illuminated-particles'],
  varmap: { I: 'ilm', P: 'obj', B: 'bkg' },
  expressions: { full: 'I*P + B', dI: 'dI*P', dP: 'I*dP', dB: 'dB' },
  full: () => ({ pre: { a: 'ilm', b: 'obj', c: [0, 0, 0, 1] }, blur: false, post: plus('bkg') }),
  diffs: {
    ilm: () => ({ pre: { a: 'diff', b: 'obj', c: [0, 0, 0, 1] }, blur: false, post: IDENTITY_POST }),
    obj: () => ({ pre: { a: 'ilm', b: 'diff', c: [0, 0, 0, 1] }, blur: false, post: IDENTITY_POST }),
    bkg: () => ({ pre: { a: 'diff', b: null, c: [0, 1, 0, 0] }, blur: false, post: IDENTITY_POST }),
  },
});

export const IMAGE_MODELS: readonly ImageModel[] = [
  ConfocalImageModel,
  ConfocalDyedParticlesModel,
  SmoothFieldModel,
  BlurredFieldModel,
  ParticlesOnlyModel,
  BrightfieldImageModel,
  IlluminatedParticlesModel,
];

export const DEFAULT_MODEL = ConfocalImageModel;

/** A model by PERI class name or short name (case-insensitive). */
export function findImageModel(name: string): ImageModel | null {
  const key = name.trim().toLowerCase();
  return IMAGE_MODELS.find((m) => m.name.toLowerCase() === key || m.aliases.some((a) => a === key)) ?? null;
}

export function imageModel(name: string): ImageModel {
  const m = findImageModel(name);
  if (!m) {
    throw new PeriValueError(`unknown image model '${name}'; expected one of ${IMAGE_MODELS.map((x) => x.name).join(', ')}`);
  }
  return m;
}
