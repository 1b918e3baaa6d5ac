import { describe, expect, it } from 'vitest';
import { parsePositions, PositionsFormatError, radiiFor } from './positions';

describe('positions files', () => {
  it('reads a JSON list of [z, y, x]', () => {
    const p = parsePositions('[[1, 2, 3], [4.5, 5, 6.25]]');
    expect(p.positions).toEqual([[1, 2, 3], [4.5, 5, 6.25]]);
    expect(p.radii).toBeNull();
    expect(radiiFor(p, null)).toBe(5);
    expect(radiiFor(p, 3.5)).toBe(3.5);
  });

  it('reads PERI’s particle_positions.json layout with its radius guess, and per-particle radii', () => {
    const peri = parsePositions(JSON.stringify({ convention: '(z, y, x)', radius_guess_px: 4.5, positions: [[11.98, 17.99, 51.99]] }));
    expect(peri.positions).toEqual([[11.98, 17.99, 51.99]]);
    expect(radiiFor(peri, null)).toBe(4.5);
    const withRadii = parsePositions(JSON.stringify({ positions_zyx: [[1, 2, 3], [4, 5, 6]], radii: [3, 4] }));
    expect(radiiFor(withRadii, null)).toEqual([3, 4]);
  });

  it('reads Lucid’s particle export', () => {
    const text = JSON.stringify({ format: 'lucid.peri.particles', version: 1, particles: [{ index: 0, z: 1, y: 2, x: 3, a: 4.2 }] });
    expect(parsePositions(text)).toEqual({ positions: [[1, 2, 3]], radii: [4.2], radiusGuess: null });
  });

  it('reads CSV without a header (3 or 4 columns), with a z/y/x/r header, TrackMate’s header and spaces', () => {
    expect(parsePositions('1,2,3\n4,5,6\n').positions).toEqual([[1, 2, 3], [4, 5, 6]]);
    expect(parsePositions('# comment\n1, 2, 3, 4.5\n').radii).toEqual([4.5]);
    expect(parsePositions('x,y,z,r\n3,2,1,5\n')).toEqual({ positions: [[1, 2, 3]], radii: [5], radiusGuess: null });
    const trackmate = 'ID,POSITION_X,POSITION_Y,POSITION_Z,RADIUS,IN_IMAGE\n0,30.5,20.25,10,4.9,1\n';
    expect(parsePositions(trackmate)).toEqual({ positions: [[10, 20.25, 30.5]], radii: [4.9], radiusGuess: null });
    expect(parsePositions('1 2 3\n4\t5\t6').positions).toEqual([[1, 2, 3], [4, 5, 6]]);
  });

  it('says what is wrong, where', () => {
    const fails = (text: string, re: RegExp) => {
      expect(() => parsePositions(text, 'p.json')).toThrow(PositionsFormatError);
      expect(() => parsePositions(text, 'p.json')).toThrow(re);
    };
    fails('', /p\.json: the file is empty/);
    fails('[[1, 2, 3], [4, 5]]', /positions\[1\] must be \[z, y, x\]/);
    fails('{"pos": []}', /no "positions" list \(keys: pos\)/);
    fails('{"positions": [[1,2,3]], "radii": [1, 2]}', /one number per position \(1\)/);
    fails('{"positions": [[1,2,3]], "radius_guess_px": -1}', /radius_guess_px must be a number ≥ 0/);
    fails('[1, 2', /not valid JSON/);
    fails('1,2,3\n4,x,6\n', /line 2: column 2 must be a number, got "x"/);
    fails('1,2\n', /needs 3 columns \(z, y, x\) or 4/);
    fails('a,b,c\n1,2,3\n', /must name columns z, y and x/);
    fails('z,y,x\n', /header but no rows/);
  });
});
