import { describe, expect, it } from 'vitest';
import { keepAlive } from './keep-alive';

describe('keepAlive', () => {
  it('returns its argument and keeps it through garbage collections', async () => {
    const gc = (globalThis as { gc?: () => void }).gc;
    expect(gc).toBeTypeOf('function'); // vitest.config.ts runs the tests with --expose-gc
    const refs = (() => {
      const kept = { kept: true };
      expect(keepAlive(kept)).toBe(kept);
      return [new WeakRef(kept), new WeakRef({ kept: false })];
    })();
    for (let i = 0; i < 3; i++) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      gc!();
    }
    expect(refs[0]!.deref()).toEqual({ kept: true });
    // The control: an object nobody keeps is collected, so the check above can fail.
    expect(refs[1]!.deref()).toBeUndefined();
  });
});
