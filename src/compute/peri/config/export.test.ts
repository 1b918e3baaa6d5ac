import { describe, expect, it } from 'vitest';
import { createState } from '../state/create';
import { rawImage } from '../state/raw-image';
import { smallConfig, smallState, SMALL_SHAPE } from '../state/testing';
import { Tile } from '../tile';
import { unitSuffix } from './export';

describe('particle exports', () => {
  it('JSON: image shape, crop, voxel size, units and per-particle z, y, x, a, in-image flag', () => {
    const st = smallState();
    st.setErrorBars({ 'sph-0-z': 0.02, 'sph-0-a': 0.005 });
    const ex = st.exportParticles('json');
    expect(ex.format).toBe('lucid.peri.particles');
    expect(ex.image.shape).toEqual(SMALL_SHAPE);
    expect(ex.image.voxel_size).toEqual({ z: 0.1125, y: 0.125, x: 0.125, unit: 'µm' });
    expect(ex.units).toEqual({ position: 'px', radius: 'px (x pixels)', physical: 'µm' });
    expect(ex.count).toBe(5);
    const p0 = ex.particles[0];
    expect([p0.z, p0.y, p0.x, p0.a]).toEqual([7.2, 10.6, 11.3, 3.1]);
    expect(p0.physical!.z).toBeCloseTo(7.2 * 0.1125, 12);
    expect(p0.physical!.a).toBeCloseTo(3.1 * 0.125, 12);
    expect(p0.errors).toEqual({ z: 0.02, y: null, x: null, a: 0.005 });
    expect(ex.particles[1].errors).toBeNull();
    expect(ex.particles.map((p) => p.in_image)).toEqual([true, true, true, true, false]);
  });

  it('CSV: TrackMate columns in pixels, error and physical columns when known', () => {
    const st = smallState();
    const lines = st.exportParticles('csv').trim().split('\n');
    expect(lines[0]).toBe('ID,POSITION_X,POSITION_Y,POSITION_Z,RADIUS,IN_IMAGE,POSITION_X_UM,POSITION_Y_UM,POSITION_Z_UM,RADIUS_UM');
    expect(lines).toHaveLength(6);
    const row = lines[1].split(',').map(Number);
    expect(row.slice(0, 6)).toEqual([0, 11.3, 10.6, 7.2, 3.1, 1]);
    expect(row[6]).toBeCloseTo(11.3 * 0.125, 12);
    expect(row[8]).toBeCloseTo(7.2 * 0.1125, 12);
    st.setErrorBars({ 'sph-2-x': 0.03 });
    expect(st.exportParticles('csv').split('\n')[0]).toContain('RADIUS,IN_IMAGE,POSITION_X_ERR,POSITION_Y_ERR,POSITION_Z_ERR,RADIUS_ERR,POSITION_X_UM');
  });

  it('without a voxel size only pixels; positions are in file pixels (crop origin added)', () => {
    const full: [number, number, number] = [SMALL_SHAPE[0] + 2, SMALL_SHAPE[1] + 4, SMALL_SHAPE[2]];
    const data = new Float32Array(full[0] * full[1] * full[2]).fill(0.5);
    const image = rawImage({ data, shape: full }, { exposure: [0, 1], tile: new Tile([1, 3, 0], [1 + SMALL_SHAPE[0], 3 + SMALL_SHAPE[1], SMALL_SHAPE[2]]) });
    const st = createState(smallConfig(), image);
    const ex = st.exportParticles('json');
    expect(ex.units.physical).toBeNull();
    expect(ex.particles[0].physical).toBeNull();
    expect([ex.particles[0].z, ex.particles[0].y]).toEqual([8.2, 13.6]);
    expect(ex.image.tile).toEqual({ l: [1, 3, 0], r: [15, 25, 24] });
    expect(st.exportParticles('csv').split('\n')[0]).toBe('ID,POSITION_X,POSITION_Y,POSITION_Z,RADIUS,IN_IMAGE');
  });

  it('unit suffixes are ASCII', () => {
    expect(unitSuffix('µm')).toBe('UM');
    expect(unitSuffix('nm')).toBe('NM');
    expect(unitSuffix(null)).toBe('PHYS');
  });
});
