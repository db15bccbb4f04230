import { describe, expect, it } from 'vitest';
import { createRandom } from './random';

describe('createRandom', () => {
  it('repeats its sequence for a seed, and another seed gives another sequence', () => {
    const draw = (seed: number) => Array.from({ length: 5 }, createRandom(seed));
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('stays in [0, 1) with a mean near 1/2', () => {
    const random = createRandom(1);
    let total = 0;
    for (let k = 0; k < 10_000; k++) {
      const u = random();
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
      total += u;
    }
    // The mean of 10,000 uniforms has standard deviation 0.0029: 0.02 is ~7 of them.
    expect(Math.abs(total / 10_000 - 0.5)).toBeLessThan(0.02);
  });
});
