import { describe, expect, it } from 'vitest';
import { relu } from './relu';

// Exact by definition.
describe('relu', () => {
  it.each([
    [-1000, 0, 0],
    [-0.5, 0, 0],
    [1e-300, 1e-300, 1],
    [3.25, 3.25, 1],
    [1000, 1000, 1],
  ])('at x = %d is %d with slope %d', (x, f, derivative) => {
    expect(relu.forward(x)).toBe(f);
    expect(relu.derivative(x, f)).toBe(derivative);
  });

  it("is 0 at 0 with slope 0 (the convention, as PyTorch's)", () => {
    expect(relu.forward(0)).toBe(0);
    expect(relu.derivative(0, 0)).toBe(0);
    expect(relu.derivative(-0, 0)).toBe(0);
  });

  it('propagates NaN instead of mapping it to 0', () => {
    expect(relu.forward(Number.NaN)).toBeNaN();
    expect(relu.derivative(Number.NaN, Number.NaN)).toBeNaN();
  });
});
