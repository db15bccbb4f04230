import { describe, expect, it } from 'vitest';
import { silu } from './silu';
import { expectClose, type ReferenceRow } from './test-support';

// [x, f(x), f'(x)] from scripts/reference-values.py: mpmath 1.3.0 at 50 significant digits,
// rounded to the nearest double. Independent of this code (different formulas, exact arithmetic).
const reference: ReferenceRow[] = [
  [-40, -1.6993417021166355e-16, -1.6568581595637197e-16],
  [-20, -4.122307236380407e-8, -3.9161918660646786e-8],
  [-5, -0.03346425462142428, -0.02654743242966592],
  [-1.5, -0.2736382857095345, -0.041294154299142946],
  [-0.25, -0.10945587477855047, 0.37628997842980233],
  [1e-10, 5.00000000025e-11, 0.50000000005],
  [0.5, 0.3112296656009273, 0.7399611873026518],
  [1, 0.7310585786300049, 0.9276705118714867],
  [3, 2.8577223804672998, 1.0881041060151697],
  [20, 19.99999995877693, 1.0000000391619186],
  [40, 40.0, 1.0000000000000002],
];

describe('silu', () => {
  it.each(reference)('matches mpmath at x = %d', (x, f, derivative) => {
    const y = silu.forward(x);
    expectClose(y, f);
    expectClose(silu.derivative(x, y), derivative);
  });

  it('is 0 with slope 1/2 at 0', () => {
    expect(silu.forward(0)).toBe(0);
    expect(silu.derivative(0, 0)).toBe(0.5);
  });

  it('is finite at ±1000', () => {
    expect(silu.forward(1000)).toBe(1000);
    expect(silu.forward(-1000)).toBe(-0);
    expect(silu.derivative(1000, 1000)).toBe(1);
    expect(silu.derivative(-1000, -0)).toBe(-0);
  });

  it('propagates NaN', () => {
    expect(silu.forward(Number.NaN)).toBeNaN();
    expect(silu.derivative(Number.NaN, Number.NaN)).toBeNaN();
  });
});
