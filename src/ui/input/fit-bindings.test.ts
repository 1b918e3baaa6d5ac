import { describe, expect, it } from 'vitest';
import { KEY_BINDINGS } from './bindings';
import { FIT_KEY_BINDINGS, fitActionForKey } from './fit-bindings';

const key = (k: string, mods: Partial<{ ctrl: boolean; shift: boolean; meta: boolean; alt: boolean }> = {}) => ({
  key: k, ctrlKey: !!mods.ctrl, shiftKey: !!mods.shift, metaKey: !!mods.meta, altKey: !!mods.alt,
});

describe('fit key bindings', () => {
  it("map PERI's OrthoManipulator keys, either case", () => {
    expect(['v', 'A', 'r', 'G', 'e', 'q', 'C', 'w'].map((k) => fitActionForKey(key(k)))).toEqual([
      'mode-view', 'mode-add', 'mode-remove', 'mode-grab', 'mode-optimize', 'cycle-view', 'cycle-component', 'toggle-fourier',
    ]);
  });

  it('undo with Ctrl+z (or ⌘z), redo with Ctrl+Shift+z or Ctrl+y; plain z, y and Alt do nothing', () => {
    expect(fitActionForKey(key('z', { ctrl: true }))).toBe('undo');
    expect(fitActionForKey(key('z', { meta: true }))).toBe('undo');
    expect(fitActionForKey(key('Z', { ctrl: true, shift: true }))).toBe('redo');
    expect(fitActionForKey(key('y', { ctrl: true }))).toBe('redo');
    expect(fitActionForKey(key('z'))).toBeNull();
    expect(fitActionForKey(key('a', { ctrl: true }))).toBeNull();
    expect(fitActionForKey(key('a', { alt: true }))).toBeNull();
  });

  it('list every key once, and say which viewer keys they shadow', () => {
    const combos = FIT_KEY_BINDINGS.flatMap((b) => b.keys.map((k) => `${b.ctrl ? 'C' : ''}${b.shift ? 'S' : ''}${k}`));
    expect(new Set(combos).size).toBe(combos.length);
    const shadowed = KEY_BINDINGS.filter((b) => b.keys.some((k) => FIT_KEY_BINDINGS.some((f) => !f.ctrl && f.keys.includes(k)))).map((b) => b.action);
    expect(shadowed).toEqual(['reset-view', 'toggle-crosshair']);
  });
});
