/**
 * Test helper: the components of PERI's synthetic state (synthetic/synthetic_truth.json) at its
 * truth: spheres + slab (obj), LegendrePoly2P1D ilm (3,3,3) and bkg (2,2,2), offset; pad 24.
 */
import { ComponentCollection } from '../collection';
import { LegendrePoly2P1D } from '../fields/poly2p1d';
import { GlobalScalar } from '../fields/global-scalar';
import { Slab } from '../objects/slab';
import { PlatonicSpheresCollection } from '../objects/spheres';
import { Tile } from '../tile';
import { readPeriJson } from './shared-data';

export interface SyntheticTruth {
  image_shape_zyx: [number, number, number];
  pad: number;
  padded_shape_zyx: [number, number, number];
  positions_zyx: [number, number, number][];
  radii: number[];
  params: Record<string, number>;
  global_params: Record<string, number>;
}

export function readSyntheticTruth(): SyntheticTruth {
  return readPeriJson<SyntheticTruth>('synthetic/synthetic_truth.json');
}

export function buildSyntheticComponents(truth: SyntheticTruth) {
  const g = truth.global_params;
  const spheres = new PlatonicSpheresCollection(truth.positions_zyx, truth.radii, { zscale: g.zscale });
  const slab = new Slab({ zpos: g['slab-zpos'], angles: [g['slab-theta'], g['slab-phi']] });
  const obj = new ComponentCollection([spheres, slab], 'obj');
  const ilm = new LegendrePoly2P1D({ order: [3, 3, 3], category: 'ilm' });
  const bkg = new LegendrePoly2P1D({ order: [2, 2, 2], category: 'bkg' });
  const offset = new GlobalScalar('offset', g.offset);
  for (const field of [ilm, bkg]) {
    const names = field.params;
    names.forEach((n) => {
      if (!(n in g)) throw new Error(`synthetic truth lacks ${n}`);
    });
    field.setValues(names, names.map((n) => g[n]));
  }
  const shape = new Tile(truth.padded_shape_zyx);
  const inner = shape.pad(-truth.pad);
  for (const c of [obj, ilm, bkg, offset]) c.setShape(shape, inner);
  return { spheres, slab, obj, ilm, bkg, offset, shape, inner };
}
