/**
 * The particle bookkeeping under PlatonicSpheresCollection: positions (unpadded pixels, z y x),
 * radii, zscale and PERI's parameter names for them, with no drawing. Names follow the particle
 * order, so deleting rows re-indexes them as in PERI.
 */
import { checkUpdateArgs } from '../component';
import { PeriParamError, PeriValueError } from '../errors';
import { particleParams, particlePosParams, particleRadParams } from '../params';
import type { Vec3 } from '../tile';
import { ZSCALE_PARAM, parseParticleParam } from '../params';
import { parseSphereParam, readParticleValue, sphereParamList, writeParticleValues, type SphereParam } from './sphere-params';
import { checkPositions, checkRadii, checkZscale, type ParticleIndex } from './spheres-options';

export abstract class SphereList {
  protected pos: Vec3[];
  protected rad: number[];
  protected zscale: number;
  private paramList: string[] = [];

  constructor(
    pos: readonly (readonly number[])[],
    rad: number | readonly number[],
    zscale: number,
    readonly paramPrefix: string,
    readonly grouping: 'particle' | 'parameter',
  ) {
    this.pos = checkPositions(pos);
    this.rad = checkRadii(rad, this.pos.length);
    this.zscale = checkZscale(zscale);
    this.setupParams();
  }

  get N(): number {
    return this.pos.length;
  }

  get params(): string[] {
    return [...this.paramList];
  }

  get values(): number[] {
    return this.getValues(this.paramList);
  }

  getValues(params: readonly string[]): number[] {
    return params.map((p) => {
      const q = this.parse(p);
      return q === 'zscale' ? this.zscale : readParticleValue(q, this.pos, this.rad);
    });
  }

  /** Stores values without redrawing (PERI's `set_values`). */
  setValues(params: readonly string[], values: readonly number[]): void {
    checkUpdateArgs(params, values);
    const parsed = params.map((p) => this.parse(p));
    parsed.forEach((q, i) => {
      if (q === 'zscale') this.zscale = checkZscale(values[i]);
    });
    writeParticleValues(parsed, values, this.pos, this.rad);
  }

  /** Whether `name` is a position or radius of one of these particles (not zscale). */
  isParticleParam(name: string): boolean {
    if (name === ZSCALE_PARAM) return false;
    const q = parseParticleParam(name);
    return q !== null && q.prefix === this.paramPrefix && q.index < this.N;
  }

  positions(): Vec3[] {
    return this.pos.map((p) => [...p] as Vec3);
  }

  radii(): number[] {
    return [...this.rad];
  }

  paramParticle(ind: ParticleIndex): string[] {
    return particleParams(this.indices(ind), this.paramPrefix);
  }

  paramParticlePos(ind: ParticleIndex): string[] {
    return particlePosParams(this.indices(ind), this.paramPrefix);
  }

  paramParticleRad(ind: ParticleIndex): string[] {
    return particleRadParams(this.indices(ind), this.paramPrefix);
  }

  paramPositions(): string[] {
    return this.paramParticlePos(this.pos.map((_, i) => i));
  }

  paramRadii(): string[] {
    return this.paramParticleRad(this.pos.map((_, i) => i));
  }

  /** Index of the particle whose centre is closest to x (unpadded coordinates). */
  closestParticle(x: readonly number[]): number {
    if (this.N === 0) throw new PeriValueError('closestParticle: the collection has no particles');
    let best = 0;
    let bestD = Infinity;
    this.pos.forEach((p, i) => {
      const d = (p[0] - x[0]) ** 2 + (p[1] - x[1]) ** 2 + (p[2] - x[2]) ** 2;
      if (d < bestD) [best, bestD] = [i, d];
    });
    return best;
  }

  /** Appends rows with radius 0 and renames; returns their indices. */
  protected appendRows(pos: readonly (readonly number[])[]): number[] {
    const rows = checkPositions(pos);
    const inds = rows.map((_, k) => this.N + k);
    this.pos.push(...rows);
    this.rad.push(...rows.map(() => 0));
    this.setupParams();
    return inds;
  }

  /** Deletes rows and renames the rest (`sph-k-*` then names a different particle). */
  protected deleteRows(inds: readonly number[]): void {
    const gone = new Set(inds);
    const keep = (_: unknown, i: number) => !gone.has(i);
    this.pos = this.pos.filter(keep);
    this.rad = this.rad.filter(keep);
    this.setupParams();
  }

  protected parse(name: string): SphereParam {
    return parseSphereParam(name, this.paramPrefix, this.N);
  }

  protected indices(ind: ParticleIndex): number[] {
    const list = typeof ind === 'number' ? [ind] : [...ind];
    list.forEach((i) => this.checkIndex(i));
    return list;
  }

  protected checkIndex(i: number): void {
    if (!Number.isInteger(i) || i < 0 || i >= this.N) {
      throw new PeriParamError(`particle index ${i} is out of range (N=${this.N})`);
    }
  }

  private setupParams(): void {
    this.paramList = sphereParamList(this.N, this.paramPrefix, this.grouping);
  }
}
