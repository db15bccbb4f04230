import { describe, expect, it } from 'vitest';
import { leakyRelu } from './leaky-relu';

// Exact up to the one rounding of 0.01·x, which the expected values repeat.
describe('leakyRelu', () => {
  it.each([
    [-1000, -10, 0.01],
    [-2, -0.02, 0.01],
    [1e-300, 1e-300, 1],
    [3.25, 3.25, 1],
    [1000, 1000, 1],
  ])('at x = %d is %d with slope %d', (x, f, derivative) => {
    expect(leakyRelu.forward(x)).toBe(f);
    expect(leakyRelu.derivative(x, f)).toBe(derivative);
  });

  it('is 0 at 0 with the left slope 0.01 (the convention, as PyTorch)', () => {
    expect(leakyRelu.forward(0)).toBe(0);
    expect(leakyRelu.derivative(0, 0)).toBe(0.01);
  });

  it('propagates NaN', () => {
    expect(leakyRelu.forward(Number.NaN)).toBeNaN();
    expect(leakyRelu.derivative(Number.NaN, Number.NaN)).toBeNaN();
  });
});
