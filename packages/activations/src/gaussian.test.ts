import { describe, expect, it } from 'vitest';
import { gaussian } from './gaussian';
import { expectClose, type ReferenceRow } from './test-support';

// [x, f(x), f'(x)] from scripts/reference-values.py: mpmath 1.3.0 at 50 significant digits,
// rounded to the nearest double. Independent of this code (different formulas, exact arithmetic).
const reference: ReferenceRow[] = [
  [-40, 0.0, 0.0],
  [-20, 1.3838965267367376e-87, 2.767793053473475e-86],
  [-5, 3.726653172078671e-6, 1.8633265860393355e-5],
  [-1.5, 0.32465246735834974, 0.4869787010375246],
  [-0.25, 0.9692332344763441, 0.24230830861908603],
  [1e-10, 1.0, -1e-10],
  [0.5, 0.8824969025845955, -0.4412484512922977],
  [1, 0.6065306597126334, -0.6065306597126334],
  [3, 0.011108996538242306, -0.033326989614726917],
  [20, 1.3838965267367376e-87, -2.767793053473475e-86],
  [40, 0.0, -0.0],
];

describe('gaussian', () => {
  it.each(reference)('matches mpmath at x = %d', (x, f, derivative) => {
    const y = gaussian.forward(x);
    expectClose(y, f);
    expectClose(gaussian.derivative(x, y), derivative);
  });

  it('peaks at 1 with slope 0 at 0', () => {
    expect(gaussian.forward(0)).toBe(1);
    expect(gaussian.derivative(0, 1)).toBe(-0);
  });

  it('underflows to 0, never NaN, at ±1000 and where x² overflows', () => {
    for (const x of [1000, -1000, 1e200, -1e200]) {
      const y = gaussian.forward(x);
      expect(y).toBe(0);
      expect(Math.abs(gaussian.derivative(x, y))).toBe(0);
    }
  });

  it('propagates NaN', () => {
    expect(gaussian.forward(Number.NaN)).toBeNaN();
    expect(gaussian.derivative(Number.NaN, Number.NaN)).toBeNaN();
  });
});
