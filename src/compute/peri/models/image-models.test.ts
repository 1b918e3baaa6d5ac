import { describe, expect, it } from 'vitest';
import { AnisotropicGaussianXYZ } from '../psfs/gaussian';
import { Tile } from '../tile';
import { lcg, maxAbs } from '../state/testing';
import { evaluateStageCpu } from './evaluate.cpu';
import { IMAGE_MODELS, findImageModel, imageModel, type ImageModel } from './image-models';

const TILE = new Tile([10, 12, 14]);

function psf(): AnisotropicGaussianXYZ {
  const p = new AnisotropicGaussianXYZ({ sigmas: [1.6, 1.0, 1.2] });
  p.setShape(TILE, TILE);
  return p;
}

function randomField(seed: number, lo: number, hi: number): Float32Array {
  const r = lcg(seed);
  return Float32Array.from({ length: TILE.volume }, () => lo + (hi - lo) * r());
}

const SCALARS: Record<string, number> = { offset: 0.13, contrast: -0.4 };
const scalar = (c: string) => SCALARS[c];

function fieldsOf(model: ImageModel, seed: number): Map<string, Float32Array> {
  const m = new Map<string, Float32Array>();
  Object.values(model.varmap)
    .filter((c) => c !== 'psf' && !model.scalars.includes(c))
    .forEach((c, k) => m.set(c, randomField(seed + k, 0, 1)));
  return m;
}

function full(model: ImageModel, fields: Map<string, Float32Array>): Float32Array {
  return evaluateStageCpu(model.full(scalar), TILE, (r) => fields.get(r)!, model.usesPsf ? psf() : null);
}

describe('PERI image models', () => {
  it('are found by class name and PERI short name', () => {
    expect(IMAGE_MODELS.map((m) => m.name)).toEqual([
      'ConfocalImageModel', 'ConfocalDyedParticlesModel', 'SmoothFieldModel', 'BlurredFieldModel',
      'ParticlesOnlyModel', 'BrightfieldImageModel', 'IlluminatedParticlesModel',
    ]);
    expect(findImageModel('confocal-dyedfluid')?.name).toBe('ConfocalImageModel');
    expect(findImageModel('confocal-dyedobjects')?.name).toBe('ConfocalDyedParticlesModel');
    expect(() => imageModel('widefield')).toThrow(/unknown image model 'widefield'; expected one of ConfocalImageModel/);
  });

  it('ConfocalImageModel is H(I(1−P) + C·P) + B', () => {
    const m = imageModel('ConfocalImageModel');
    const f = fieldsOf(m, 1);
    const [I, P, B] = ['ilm', 'obj', 'bkg'].map((c) => f.get(c)!);
    const pre = Float32Array.from(I, (v, i) => v * (1 - P[i]) + SCALARS.offset * P[i]);
    const want = psf().execute(pre, TILE).map((v, i) => v + B[i]);
    expect(maxAbs(full(m, f), want)).toBeLessThan(2e-6);
  });

  it('BrightfieldImageModel is I(1 + c·H(P)) + B and IlluminatedParticlesModel is I·P + B', () => {
    const bf = imageModel('BrightfieldImageModel');
    const f = fieldsOf(bf, 2);
    const [I, P, B] = ['ilm', 'obj', 'bkg'].map((c) => f.get(c)!);
    const hp = psf().execute(P, TILE);
    expect(maxAbs(full(bf, f), I.map((v, i) => v * (1 + SCALARS.contrast * hp[i]) + B[i]))).toBeLessThan(2e-6);
    const ip = imageModel('IlluminatedParticlesModel');
    expect(maxAbs(full(ip, f), I.map((v, i) => v * P[i] + B[i]))).toBeLessThan(1e-6);
  });

  // Every model is linear in each field it has a d-equation for: full(X + dX) − full(X) = d(dX).
  for (const model of IMAGE_MODELS) {
    const cats = Object.values(model.varmap).filter((c) => model.diff(c, scalar));
    it(`${model.name}: the d-equations of ${cats.join(', ')} equal the change of the full expression`, () => {
      expect(cats.length).toBeGreaterThan(0);
      cats.forEach((cat, k) => {
        const f0 = fieldsOf(model, 10 + k);
        const d = randomField(50 + k, -0.2, 0.2);
        const f1 = new Map(f0);
        f1.set(cat, f0.get(cat)!.map((v, i) => v + d[i]));
        const change = full(model, f1).map((v, i) => v - full(model, f0)[i]);
        const diff = evaluateStageCpu(model.diff(cat, scalar)!, TILE, (r) => (r === 'diff' ? d : f1.get(r)!), model.usesPsf ? psf() : null);
        expect(maxAbs(diff, change)).toBeLessThan(3e-6);
      });
    });
  }

  it('ConfocalDyedParticlesModel has no ilm d-equation (PERI keys it dS), so ilm changes take the full path', () => {
    expect(imageModel('ConfocalDyedParticlesModel').diff('ilm', scalar)).toBeNull();
    expect(imageModel('ConfocalImageModel').diff('offset', scalar)).toBeNull();
  });
});
