import { describe, expect, it } from 'vitest';
import { actionForKey, KEY_BINDINGS, SHIFT_FACTOR } from './bindings';

const key = (k: string, mods: Partial<{ shiftKey: boolean; ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) =>
  actionForKey({ key: k, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe('key bindings', () => {
  it('follows the Neuroglancer / Fiji keys for slices and cursor', () => {
    expect(key(',')).toEqual({ action: 'z-prev', step: 1 });
    expect(key('.')).toEqual({ action: 'z-next', step: 1 });
    expect(key('>', { shiftKey: true })).toEqual({ action: 'z-next', step: SHIFT_FACTOR });
    expect(key('ArrowUp')).toEqual({ action: 'y-prev', step: 1 });
    expect(key('ArrowRight', { shiftKey: true })).toEqual({ action: 'x-next', step: SHIFT_FACTOR });
    expect(key('?', { shiftKey: true })).toEqual({ action: 'toggle-help', step: 1 });
    expect(key('b')).toEqual({ action: 'toggle-scale-bar', step: 1 });
  });

  it('leaves browser shortcuts and unknown keys alone', () => {
    expect(key('r', { ctrlKey: true })).toBeNull();
    expect(key('o', { metaKey: true })).toBeNull();
    expect(key('q')).toBeNull();
  });

  it('binds every key to one action only', () => {
    const seen = new Map<string, string>();
    for (const b of KEY_BINDINGS) {
      for (const k of b.keys) {
        expect(seen.get(k), `key ${k}`).toBeUndefined();
        seen.set(k, b.action);
      }
    }
  });
});
