/** PeriState.probe: a change measured and taken back (finite differences). */
import { describe, expect, it } from 'vitest';
import { smallState } from './testing';

describe('PeriState.probe', () => {
  it('undoes a local particle update exactly: model, residuals, error, platonic field, values', () => {
    const st = smallState();
    st.update(['sph-1-x', 'sph-1-a'], [19.2, 2.7]); // leaves float32 round-off a second update would not undo
    const model = st.paddedModel.slice();
    const residuals = st.residuals.slice();
    const field = st.spheres!.fieldView().slice();
    const [error, values] = [st.error, st.values];
    for (const [name, dl] of [['sph-0-x', 2e-5], ['sph-1-a', 2e-5], ['sph-3-y', 0.7], ['sph-4-z', -1.3]] as const) {
      const seen = st.probe([name], [st.getValue(name) + dl], (out) => {
        expect(out.kind).toBe('local');
        expect(st.getValue(name)).toBe(values[st.params.indexOf(name)] + dl);
        return st.error;
      });
      expect(seen).not.toBe(error);
      expect(st.error).toBe(error);
      expect(st.values).toEqual(values);
      expect(st.residuals).toEqual(residuals);
      expect(st.paddedModel).toEqual(model);
      expect(st.spheres!.fieldView()).toEqual(field);
    }
    // after a probe, updates go on as usual
    st.update('sph-0-x', 11.9);
    const e = st.error;
    st.reset();
    expect(Math.abs(st.error - e)).toBeLessThan(1e-6 * e);
  });

  it('updates back what is not a particle position or radius (and when it throws)', () => {
    const st = smallState();
    const [error, offset] = [st.error, st.getValue('offset')];
    expect(st.probe(['offset'], [offset + 0.1], () => st.getValue('offset'))).toBeCloseTo(offset + 0.1, 12);
    expect(st.getValue('offset')).toBe(offset);
    expect(Math.abs(st.error - error)).toBeLessThan(1e-9 * error);
    const x = st.getValue('sph-2-x');
    expect(() => st.probe(['sph-2-x'], [x + 1], () => { throw new Error('read failed'); })).toThrow('read failed');
    expect(st.getValue('sph-2-x')).toBe(x);
    expect(st.error).toBe(error);
    expect(() => st.probe(['sph-2-x'], [Number.NaN], () => 0)).toThrow(/must be finite/);
  });
});
