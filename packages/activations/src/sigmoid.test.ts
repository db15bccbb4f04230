import { describe, expect, it } from 'vitest';
import { sigmoid } from './sigmoid';
import { expectClose, type ReferenceRow } from './test-support';

// [x, f(x), f'(x)] from scripts/reference-values.py: mpmath 1.3.0 at 50 significant digits,
// rounded to the nearest double. Independent of this code (different formulas, exact arithmetic).
const reference: ReferenceRow[] = [
  [-40, 4.248354255291589e-18, 4.248354255291589e-18],
  [-20, 2.0611536181902037e-9, 2.061153613941849e-9],
  [-5, 0.0066928509242848554, 0.006648056670790155],
  [-1.5, 0.18242552380635635, 0.14914645207033286],
  [-0.25, 0.4378234991142019, 0.24613408273759835],
  [1e-10, 0.500000000025, 0.25],
  [0.5, 0.6224593312018546, 0.2350037122015945],
  [1, 0.7310585786300049, 0.19661193324148185],
  [3, 0.9525741268224333, 0.04517665973091213],
  [20, 0.9999999979388464, 2.061153613941849e-9],
  [40, 1.0, 4.248354255291589e-18],
];

describe('sigmoid', () => {
  it.each(reference)('matches mpmath at x = %d', (x, f, derivative) => {
    const y = sigmoid.forward(x);
    expectClose(y, f);
    expectClose(sigmoid.derivative(x, y), derivative);
  });

  it('is 1/2 with slope 1/4 at 0', () => {
    expect(sigmoid.forward(0)).toBe(0.5);
    expect(sigmoid.derivative(0, 0.5)).toBe(0.25);
  });

  it('neither overflows nor loses tiny outputs far out', () => {
    expect(sigmoid.forward(1000)).toBe(1);
    expect(sigmoid.forward(-1000)).toBe(0);
    expect(sigmoid.derivative(1000, 1)).toBe(0);
    expect(sigmoid.derivative(-1000, 0)).toBe(0);
    // e^-740 ≈ 4.2e-322 is subnormal; the naive 1/(1 + e^740) would give 1/Infinity = 0.
    expect(sigmoid.forward(-740)).toBeGreaterThan(0);
    // Where y rounds to 1, the derivative keeps its digits (y(1 - y) would be 0).
    expectClose(sigmoid.derivative(40, 1), 4.248354255291589e-18);
  });

  it('propagates NaN', () => {
    expect(sigmoid.forward(Number.NaN)).toBeNaN();
    expect(sigmoid.derivative(Number.NaN, Number.NaN)).toBeNaN();
  });
});
