import { describe, expect, it } from 'vitest';
import { createAbortFlag, linkAbortFlag, raiseAbortFlag } from './shared-abort';

describe('shared abort flag', () => {
  it('makes a signal aborted as soon as the flag is raised, without a message, and fires its listeners', () => {
    const flag = createAbortFlag()!;
    expect(flag).toBeInstanceOf(Int32Array);
    const c = new AbortController();
    linkAbortFlag(c, flag);
    let fired = 0;
    c.signal.addEventListener('abort', () => fired++);
    expect(c.signal.aborted).toBe(false);
    raiseAbortFlag(flag);
    expect(c.signal.aborted).toBe(true);
    expect(c.signal.aborted).toBe(true);
    expect(fired).toBe(1);
  });

  it('ignores anything that is not a shared flag, and a plain abort still works', () => {
    const c = new AbortController();
    linkAbortFlag(c, new Int32Array(1));
    linkAbortFlag(c, 'nope');
    expect(c.signal.aborted).toBe(false);
    c.abort();
    expect(c.signal.aborted).toBe(true);
  });
});
