import { describe, expect, it } from 'vitest';
import { gelu } from '../src/gelu';

// The build bundles stdlib's erfc from each package's implementation file rather than its entry
// (tsup.config.ts, stdlibMainFiles). This checks the built gelu against the source's, whose erfc
// comes from node_modules through the entries: the same numbers, bit for bit. (turbo builds the
// package before testing it.)
const bundle = (await import(new URL('../dist/index.js', import.meta.url).href)) as {
  gelu: typeof gelu;
};

// Every branch of erfc (|x| below 0.84375, to 1.25, to 1/0.35, to 6, to 28, beyond) on both
// sides, through gelu's x·½erfc(−x/√2), and the special values.
const points: number[] = [0, -0, 5e-324, -5e-324, 1e-300, -1e-300, 1e300, -1e300];
for (let x = -45; x <= 45; x += 0.0137) points.push(x, x * 1e-9);
points.push(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY);

describe('the built gelu (bundled erfc)', () => {
  it('matches the source gelu bit for bit, values and derivatives', () => {
    const differences = points.filter((x) => {
      const y = gelu.forward(x);
      return (
        !Object.is(bundle.gelu.forward(x), y) ||
        !Object.is(bundle.gelu.derivative(x, y), gelu.derivative(x, y))
      );
    });
    expect(differences).toEqual([]);
  });
});
