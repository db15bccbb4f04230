import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initialParameters } from './initialization';

describe('initialParameters', () => {
  it('pins the first numbers of seed 0 (a change of platform or of pure-rand must not move them)', () => {
    // Computed independently with NumPy 2.4: MT19937 with `_legacy_seeding(0)` (init_genrand),
    // raw outputs r0, r1, … ; u = (r0 & 0x3ffffff)·2^-26 + (r1 & 0x7ffffff)·2^-53 ; 2u − 1.
    expect(initialParameters(3, [2], 'uniform', 0).slice(0, 6)).toEqual([
      -0.7518716761163555, 0.5442387168557588, 0.15371142191469178, 0.74504670834707,
      -0.772185982643417, -0.32555325924710443,
    ]);
  });

  it('gives the same numbers for the same seed, in any order, and different numbers for different seeds', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        (s, t) => {
          const a = initialParameters(2, [3, 1], 'uniform', s);
          expect(initialParameters(2, [3, 1], 'uniform', s)).toEqual(a);
          if (s !== t) expect(initialParameters(2, [3, 1], 'uniform', t)).not.toEqual(a);
          // Back to s after t: the same numbers again (the last seed's generator is reused).
          expect(initialParameters(2, [3, 1], 'uniform', s)).toEqual(a);
        },
      ),
      { numRuns: 50 },
    );
  });

  it("'uniform' draws every weight and bias in the open interval (−1, 1)", () => {
    const all = [0, 1, 2, 3].flatMap((seed) => initialParameters(10, [50, 20], 'uniform', seed));
    expect(all).toHaveLength(4 * (50 * 11 + 20 * 51));
    expect(all.every((p) => p > -1 && p < 1)).toBe(true);
    // Spread over the interval, not stuck in a corner: both signs and values near the ends.
    expect(Math.min(...all)).toBeLessThan(-0.99);
    expect(Math.max(...all)).toBeGreaterThan(0.99);
  });

  it.each([
    ['xavier', (fanIn: number, fanOut: number) => Math.sqrt(6 / (fanIn + fanOut))],
    ['he', (fanIn: number) => Math.sqrt(6 / fanIn)],
  ] as const)(
    "'%s' scales each layer's weights by its fans and zeroes the biases",
    (init, limit) => {
      const params = initialParameters(8, [4, 2], init, 7);
      const layer1 = params.slice(0, 4 * 9);
      const layer2 = params.slice(4 * 9);
      const weights = (layer: number[], fanIn: number) =>
        layer.filter((_, i) => i % (fanIn + 1) !== fanIn);
      const biases = (layer: number[], fanIn: number) =>
        layer.filter((_, i) => i % (fanIn + 1) === fanIn);
      expect([...biases(layer1, 8), ...biases(layer2, 4)].every((b) => b === 0)).toBe(true);
      const w1 = weights(layer1, 8);
      const w2 = weights(layer2, 4);
      expect(Math.max(...w1.map(Math.abs))).toBeLessThan(limit(8, 4));
      expect(Math.max(...w2.map(Math.abs))).toBeLessThan(limit(4, 2));
      // The same random stream as 'uniform', scaled: the first weight is limit × (first uniform draw).
      expect(w1[0]).toBe(limit(8, 4) * initialParameters(8, [4, 2], 'uniform', 7)[0]!);
    },
  );
});
