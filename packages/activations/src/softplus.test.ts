import { describe, expect, it } from 'vitest';
import { sigmoid } from './sigmoid';
import { softplus } from './softplus';
import { expectClose, type ReferenceRow } from './test-support';

// [x, f(x), f'(x)] from scripts/reference-values.py: mpmath 1.3.0 at 50 significant digits,
// rounded to the nearest double. Independent of this code (different formulas, exact arithmetic).
const reference: ReferenceRow[] = [
  [-40, 4.248354255291589e-18, 4.248354255291589e-18],
  [-20, 2.061153620314381e-9, 2.0611536181902037e-9],
  [-5, 0.006715348489118068, 0.0066928509242848554],
  [-1.5, 0.2014132779827524, 0.18242552380635635],
  [-0.25, 0.5759394198788436, 0.4378234991142019],
  [1e-10, 0.6931471806099453, 0.500000000025],
  [0.5, 0.9740769841801067, 0.6224593312018546],
  [1, 1.3132616875182228, 0.7310585786300049],
  [3, 3.048587351573742, 0.9525741268224333],
  [20, 20.000000002061153, 0.9999999979388464],
  [40, 40.0, 1.0],
];

describe('softplus', () => {
  it.each(reference)('matches mpmath at x = %d', (x, f, derivative) => {
    const y = softplus.forward(x);
    expectClose(y, f);
    expectClose(softplus.derivative(x, y), derivative);
  });

  it('is ln 2 with slope 1/2 at 0', () => {
    expect(softplus.forward(0)).toBe(Math.LN2);
    expect(softplus.derivative(0, Math.LN2)).toBe(0.5);
  });

  it('neither overflows for large x nor returns 0 for very negative x', () => {
    // ln(1 + e^1000) would be ln(Infinity) = Infinity.
    expect(softplus.forward(1000)).toBe(1000);
    expect(softplus.forward(-1000)).toBe(0);
    // ln(1 + e^-40) would round 1 + 4e-18 to 1 and give 0.
    expectClose(softplus.forward(-40), 4.248354255291589e-18);
  });

  it('has the sigmoid as its derivative', () => {
    for (const x of [-30, -2, 0.3, 7]) {
      expect(softplus.derivative(x, softplus.forward(x))).toBe(sigmoid.forward(x));
    }
  });

  it('propagates NaN', () => {
    expect(softplus.forward(Number.NaN)).toBeNaN();
    expect(softplus.derivative(Number.NaN, Number.NaN)).toBeNaN();
  });
});
