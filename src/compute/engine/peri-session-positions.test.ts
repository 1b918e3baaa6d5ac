import { describe, expect, it } from 'vitest';
import { parsePositions } from './peri-session-positions';

describe('parsePositions', () => {
  it("reads PERI's particle-positions layout with its radius guess", () => {
    const p = parsePositions(JSON.stringify({ convention: 'zyx', radius_guess_px: 5, positions: [[1, 2, 3], [4.5, 5, 6]] }), 'pp.json');
    expect(p).toEqual({ pos: [[1, 2, 3], [4.5, 5, 6]], rad: null, radiusGuess: 5, format: 'PERI particle positions' });
  });

  it('reads bare lists, positions_zyx with radii, particle objects and sph-i keys', () => {
    expect(parsePositions('[[1,2,3,4],[5,6,7,8]]', 'a.json')).toMatchObject({ pos: [[1, 2, 3], [5, 6, 7]], rad: [4, 8] });
    expect(parsePositions('{"positions_zyx": [[1,2,3]], "radii": [2.5]}', 'b.json')).toMatchObject({ pos: [[1, 2, 3]], rad: [2.5] });
    const lucid = { format: 'lucid.peri.particles', particles: [{ index: 0, z: 1, y: 2, x: 3, a: 4.5 }] };
    expect(parsePositions(JSON.stringify(lucid), 'c.json')).toMatchObject({ pos: [[1, 2, 3]], rad: [4.5], format: 'Lucid particle export' });
    const dict = { 'sph-1-z': 4, 'sph-1-y': 5, 'sph-1-x': 6, 'sph-1-a': 2, 'sph-0-z': 1, 'sph-0-y': 2, 'sph-0-x': 3, 'sph-0-a': 1, 'ilm-scale': 1 };
    expect(parsePositions(JSON.stringify(dict), 'd.json')).toMatchObject({ pos: [[1, 2, 3], [4, 5, 6]], rad: [1, 2] });
  });

  it('reads CSV with TrackMate or z,y,x headers, and without a header', () => {
    const tm = 'ID,POSITION_X,POSITION_Y,POSITION_Z,RADIUS,IN_IMAGE\n0,3,2,1,5,1\n1,6,5,4,4.5,0\n';
    expect(parsePositions(tm, 'a.csv')).toMatchObject({ pos: [[1, 2, 3], [4, 5, 6]], rad: [5, 4.5] });
    expect(parsePositions('z;y;x\n1;2;3\n', 'b.csv')).toMatchObject({ pos: [[1, 2, 3]], rad: null });
    expect(parsePositions('# comment\n1, 2, 3\n4, 5, 6\n', 'c.csv')).toMatchObject({ pos: [[1, 2, 3], [4, 5, 6]], format: 'CSV (z, y, x)' });
  });

  it('refuses malformed files, naming the file and the place', () => {
    expect(() => parsePositions('{"positions": [[1, 2]]}', 'p.json')).toThrow(/p\.json: positions\[0\]: expected \[z, y, x\] or \[z, y, x, a\], got 2 numbers/);
    expect(() => parsePositions('{"positions": [[1, "x", 2]]}', 'p.json')).toThrow(/expected a number, got "x"/);
    expect(() => parsePositions('{"positions": [1, 2', 'p.json')).toThrow(/not valid JSON/);
    expect(() => parsePositions('{"hello": 1}', 'p.json')).toThrow(/found no positions/);
    expect(() => parsePositions('z,y,x\n1,2,oops\n', 'p.csv')).toThrow(/p\.csv: line 2, x: expected a number, got "oops"/);
    expect(() => parsePositions('1,2\n', 'p.csv')).toThrow(/got 2 columns/);
    expect(() => parsePositions('[[1,2,3,-1]]', 'p.json')).toThrow(/radius must be ≥ 0/);
    expect(() => parsePositions('', 'p.csv')).toThrow(/empty/);
  });
});
