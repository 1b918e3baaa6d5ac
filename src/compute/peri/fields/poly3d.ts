/**
 * PERI's Polynomial3D and LegendrePoly3D: F = Σ c_ijk · B_i(z) B_j(y) B_k(x), parameters
 * `{c}-{i}-{j}-{k}` over range(oz)×range(oy)×range(ox). Coordinates over the padded grid: index/N
 * (power) or 2·index/N − 1 (Legendre). Expanded as Σ_i B_i(z)·[Σ_jk c_ijk B_j(y) B_k(x)].
 */
import { poly3DParam } from '../params';
import { basisTable, gridCoords, type BasisKind } from './basis';
import type { SeparableField } from './separable-field.cpu';
import { SeparableComponent, checkOrder, type Order3 } from './separable-component';

export interface Poly3DOptions {
  /** Number of terms along (z, y, x); default (1, 1, 1). */
  order?: Order3;
  /** Initial value of the constant term (PERI ignores 0). */
  constval?: number;
  category?: string;
}

abstract class PolyField3D extends SeparableComponent {
  readonly order: [number, number, number];

  constructor(
    private readonly kind: BasisKind,
    private readonly className: string,
    opts: Poly3DOptions,
  ) {
    const order = checkOrder(opts.order ?? [1, 1, 1], className, 1);
    const category = opts.category ?? 'ilm';
    const names: string[] = [];
    for (let i = 0; i < order[0]; i++)
      for (let j = 0; j < order[1]; j++) for (let k = 0; k < order[2]; k++) names.push(poly3DParam(category, i, j, k));
    const values = names.map((_, n) => (n === 0 && opts.constval ? opts.constval : 0));
    super(category, names, values);
    this.order = order;
  }

  separable(): SeparableField {
    const shape = this.requireShape().shape;
    const [oz, oy, ox] = this.order;
    const coords = this.kind === 'legendre' ? 'legendre' : 'unit';
    const bz = basisTable(this.kind, oz, gridCoords(shape[0], coords));
    const by = basisTable(this.kind, oy, gridCoords(shape[1], coords));
    const bx = basisTable(this.kind, ox, gridCoords(shape[2], coords));
    const values = this.values;
    const xy = bz.map((_, i) => {
      const plane = new Float64Array(shape[1] * shape[2]);
      for (let j = 0; j < oy; j++) {
        for (let k = 0; k < ox; k++) {
          const c = values[(i * oy + j) * ox + k];
          if (c !== 0) addOuter(plane, c, by[j], bx[k]);
        }
      }
      return plane;
    });
    return { shape, xy, z: bz, scale: 1, offset: 0 };
  }

  protected describe(): string {
    return `${this.className} '${this.category}' ${this.order.join('×')}`;
  }
}

/** plane[y, x] += c · u[y] · v[x] */
export function addOuter(plane: Float64Array, c: number, u: Float64Array, v: Float64Array): void {
  const nx = v.length;
  for (let y = 0; y < u.length; y++) {
    const cu = c * u[y];
    for (let x = 0; x < nx; x++) plane[y * nx + x] += cu * v[x];
  }
}

export class Polynomial3D extends PolyField3D {
  constructor(opts: Poly3DOptions = {}) {
    super('power', 'Polynomial3D', opts);
  }
}

export class LegendrePoly3D extends PolyField3D {
  constructor(opts: Poly3DOptions = {}) {
    super('legendre', 'LegendrePoly3D', opts);
  }
}
