import { describe, expect, it } from 'vitest';
import { tanh } from './tanh';
import { expectClose, type ReferenceRow } from './test-support';

// [x, f(x), f'(x)] from scripts/reference-values.py: mpmath 1.3.0 at 50 significant digits,
// rounded to the nearest double. Independent of this code (different formulas, exact arithmetic).
const reference: ReferenceRow[] = [
  [-40, -1.0, 7.21940555138166e-35],
  [-20, -1.0, 1.6993417021166355e-17],
  [-5, -0.9999092042625951, 0.0001815832309438067],
  [-1.5, -0.9051482536448664, 0.18070663892364852],
  [-0.25, -0.24491866240370913, 0.940014848806378],
  [1e-10, 1e-10, 1.0],
  [0.5, 0.46211715726000974, 0.7864477329659274],
  [1, 0.7615941559557649, 0.4199743416140261],
  [3, 0.9950547536867305, 0.00986603716544019],
  [20, 1.0, 1.6993417021166355e-17],
  [40, 1.0, 7.21940555138166e-35],
];

describe('tanh', () => {
  it.each(reference)('matches mpmath at x = %d', (x, f, derivative) => {
    const y = tanh.forward(x);
    expectClose(y, f);
    expectClose(tanh.derivative(x, y), derivative);
  });

  it('is 0 with slope 1 at 0, and odd', () => {
    expect(tanh.forward(0)).toBe(0);
    expect(tanh.derivative(0, 0)).toBe(1);
    expect(tanh.forward(-0.7)).toBe(-tanh.forward(0.7));
  });

  it('saturates without overflow at ±1000, where 1 - y² would be exactly 0', () => {
    expect(tanh.forward(1000)).toBe(1);
    expect(tanh.forward(-1000)).toBe(-1);
    expect(tanh.derivative(1000, 1)).toBe(0);
    expect(tanh.derivative(-1000, -1)).toBe(0);
  });

  it('propagates NaN', () => {
    expect(tanh.forward(Number.NaN)).toBeNaN();
    expect(tanh.derivative(Number.NaN, Number.NaN)).toBeNaN();
  });
});
