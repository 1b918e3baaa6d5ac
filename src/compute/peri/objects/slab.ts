/**
 * PERI's Slab: a coverslip filling z < zpos, tilted by θ (about x) and φ (about y). Parameters
 * `slab-zpos`, `slab-theta`, `slab-phi`; every change redraws the whole padded grid. The normal is
 * R1(φ)·R0(θ)·(1,0,0) = (cosφ·cosθ, sinθ, −sinφ·cosθ). The pivot is (zpos, Ny_pad//2, Nx_pad//2) +
 * inner.l: PERI adds the pad to the centre of the padded grid, so the xy pivot sits `pad` voxels off
 * centre (this only matters for non-zero angles).
 */
import { MapComponent, fieldOnTile, type FieldComponent } from '../component';
import { slabParams, type SlabParamNames } from '../params';
import { copyTileOut, type Tile, type Vec3 } from '../tile';
import { drawSlabCpu, type SlabGeometry } from './slab.cpu';

export interface SlabOptions {
  zpos?: number;
  /** (theta, phi) in radians. */
  angles?: readonly [number, number];
  paramPrefix?: string;
  category?: string;
}

export class Slab extends MapComponent implements FieldComponent {
  readonly names: SlabParamNames;
  private field: Float32Array | null = null;
  /** The slab drawn on the last tile asked for while the whole-grid field is out of date. */
  private onTile: { tile: Tile; field: Float32Array } | null = null;

  constructor(opts: SlabOptions = {}) {
    const names = slabParams(opts.paramPrefix ?? 'slab');
    const [theta, phi] = opts.angles ?? [0, 0];
    super(opts.category ?? 'obj', [names.zpos, names.theta, names.phi], [opts.zpos ?? 0, theta, phi]);
    this.names = names;
  }

  normal(): Vec3 {
    const t = this.value(this.names.theta);
    const p = this.value(this.names.phi);
    return [Math.cos(p) * Math.cos(t), Math.sin(t), -Math.sin(p) * Math.cos(t)];
  }

  /** The pivot in padded-grid coordinates (needs the shape). */
  pivot(): Vec3 {
    const shape = this.requireShape();
    const l = this._inner!.l;
    return [
      this.value(this.names.zpos) + l[0],
      Math.floor(shape.shape[1] / 2) + l[1],
      Math.floor(shape.shape[2] / 2) + l[2],
    ];
  }

  geometry(): SlabGeometry {
    return { normal: this.normal(), pivot: this.pivot() };
  }

  getUpdateTile(params: readonly string[], values: readonly number[]): Tile | null {
    this.checkOwn(params, values);
    return this.requireShape();
  }

  update(params: readonly string[], values: readonly number[]): void {
    this.setValues(params, values);
    this.field = null;
    this.onTile = null;
  }

  /**
   * The slab on `tile` (a new array). After a change only the tile asked for is drawn (a full
   * model evaluation needs a quarter of the padded grid); the same per-voxel formula either way.
   */
  get(tile?: Tile): Float32Array {
    const shape = this.requireShape();
    if (!tile || tile.equals(shape)) {
      if (!this.field) this.field = drawSlabCpu(this.geometry(), shape);
      return fieldOnTile(this.field, shape, tile);
    }
    const v = this.view(tile);
    return copyTileOut(v.data, v.holder, tile);
  }

  /** The slab readable in place on a region containing `tile` (live array: do not modify). */
  view(tile: Tile): { data: Float32Array; holder: Tile } {
    const shape = this.requireShape();
    if (this.field) return { data: this.field, holder: shape };
    if (!this.onTile || !this.onTile.tile.includes(tile)) this.onTile = { tile, field: drawSlabCpu(this.geometry(), tile) };
    return { data: this.onTile.field, holder: this.onTile.tile };
  }

  protected initialize(): void {
    this.field = null;
    this.onTile = null;
  }

  protected describe(): string {
    return `Slab '${this.names.zpos.replace(/-zpos$/, '')}'`;
  }
}
