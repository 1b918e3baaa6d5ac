/**
 * PERI's 2+1-D polynomial fields: F = XY(x, y) ⊙ (1 + Z(z)) with XY = Σ c_ij B_i(x) B_j(y)
 * (parameters `{c}-xy-{i}-{j}`, i < ox the x order, j < oy, x order outer) and
 * Z = Σ_k c_k B_{k+1}(z) (parameters `{c}-z-{k}`, k < oz); ⊙ is '*' (default) or '+'.
 * Polynomial2P1D: powers of index/N; LegendrePoly2P1D: Legendre in 2·index/N − 1;
 * ChebyshevPoly2P1D: Chebyshev on the raw index/N ∈ [0, 1), as PERI (no rescale to [−1, 1]).
 */
import { PeriValueError } from '../errors';
import { polyXYParam, polyZParam } from '../params';
import { basisTable, gridCoords, type BasisKind, type CoordKind } from './basis';
import { addOuter } from './poly3d';
import type { SeparableField } from './separable-field.cpu';
import { SeparableComponent, checkOrder, type Order3 } from './separable-component';

export interface Poly2P1DOptions {
  /** Number of terms along (z, y, x); default (1, 1, 1). */
  order?: Order3;
  /** Initial value of `xy-0-0` (PERI ignores 0). */
  constval?: number;
  operation?: '*' | '+';
  category?: string;
}

abstract class PolyField2P1D extends SeparableComponent {
  readonly order: [number, number, number];
  readonly operation: '*' | '+';

  constructor(
    private readonly kind: BasisKind,
    private readonly coords: CoordKind,
    private readonly className: string,
    opts: Poly2P1DOptions,
  ) {
    const order = checkOrder(opts.order ?? [1, 1, 1], className, 0);
    const operation = opts.operation ?? '*';
    if (operation !== '*' && operation !== '+') {
      throw new PeriValueError(`${className}: operation must be '*' or '+', got '${operation}'`);
    }
    const category = opts.category ?? 'ilm';
    const names: string[] = [];
    for (let i = 0; i < order[2]; i++) for (let j = 0; j < order[1]; j++) names.push(polyXYParam(category, i, j));
    for (let k = 0; k < order[0]; k++) names.push(polyZParam(category, k));
    const values = names.map((_, n) => (n === 0 && opts.constval ? opts.constval : 0));
    super(category, names, values);
    this.order = order;
    this.operation = operation;
  }

  /** XY(y, x) as a row-major plane and 1 + Z(z), float64. */
  planes(): { xy: Float64Array; zf: Float64Array } {
    const shape = this.requireShape().shape;
    const [oz, oy, ox] = this.order;
    const bz = basisTable(this.kind, oz + 1, gridCoords(shape[0], this.coords));
    const by = basisTable(this.kind, oy, gridCoords(shape[1], this.coords));
    const bx = basisTable(this.kind, ox, gridCoords(shape[2], this.coords));
    const values = this.values;
    const xy = new Float64Array(shape[1] * shape[2]);
    for (let i = 0; i < ox; i++) {
      for (let j = 0; j < oy; j++) {
        const c = values[i * oy + j];
        if (c !== 0) addOuter(xy, c, by[j], bx[i]);
      }
    }
    const z = new Float64Array(shape[0]);
    for (let k = 0; k < oz; k++) {
      const c = values[ox * oy + k];
      for (let n = 0; n < shape[0]; n++) z[n] += c * bz[k + 1][n];
    }
    return { xy, zf: z.map((v) => 1 + v) };
  }

  separable(): SeparableField {
    const shape = this.requireShape().shape;
    const { xy, zf } = this.planes();
    if (this.operation === '*') return { shape, xy: [xy], z: [zf], scale: 1, offset: 0 };
    const ones = (n: number) => new Float64Array(n).fill(1);
    return { shape, xy: [xy, ones(xy.length)], z: [ones(zf.length), zf], scale: 1, offset: 0 };
  }

  protected describe(): string {
    return `${this.className} '${this.category}' ${this.order.join('×')}`;
  }
}

export class Polynomial2P1D extends PolyField2P1D {
  constructor(opts: Poly2P1DOptions = {}) {
    super('power', 'unit', 'Polynomial2P1D', opts);
  }
}

export class LegendrePoly2P1D extends PolyField2P1D {
  constructor(opts: Poly2P1DOptions = {}) {
    super('legendre', 'legendre', 'LegendrePoly2P1D', opts);
  }
}

export class ChebyshevPoly2P1D extends PolyField2P1D {
  constructor(opts: Poly2P1DOptions = {}) {
    super('chebyshev', 'unit', 'ChebyshevPoly2P1D', opts);
  }
}
