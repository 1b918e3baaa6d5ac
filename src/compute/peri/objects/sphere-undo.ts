/**
 * What particle updates changed in a PlatonicSpheresCollection, kept so that they can be put back
 * exactly: the field on every box before it was erased or drawn into, and each touched particle's
 * position, radius and drawing record. Finite differences move one particle by dl and back; rolling
 * back restores the same bits without a second update (which would also leave float32 round-off
 * of subtracting and re-adding the sphere). Changes of zscale and added or removed particles are
 * not undoable (`valid` turns false).
 */
import { copyBox, type Tile, type Vec3 } from '../tile';

export interface ParticleRecord<D> {
  pos: Vec3;
  rad: number;
  drawn: D;
}

export class SphereUndoLog<D> {
  valid = true;
  private readonly regions: { box: Tile; values: Float32Array }[] = [];
  readonly particles = new Map<number, ParticleRecord<D>>();

  /** Saves the field on `box` before it changes. */
  saveRegion(field: Float32Array, shape: Tile, box: Tile): void {
    if (box.isEmpty) return;
    const values = new Float32Array(box.volume);
    copyBox(field, shape, values, box, box);
    this.regions.push({ box, values });
  }

  /** Saves particle n as it is before its first change. */
  saveParticle(n: number, record: ParticleRecord<D>): void {
    if (!this.particles.has(n)) this.particles.set(n, { pos: [...record.pos] as Vec3, rad: record.rad, drawn: record.drawn });
  }

  /** Puts the saved regions back, latest first. */
  restoreField(field: Float32Array, shape: Tile): void {
    for (let k = this.regions.length - 1; k >= 0; k--) copyBox(this.regions[k].values, this.regions[k].box, field, shape, this.regions[k].box);
  }
}
