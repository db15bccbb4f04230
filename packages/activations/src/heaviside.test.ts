import { describe, expect, it } from 'vitest';
import { heaviside } from './heaviside';

// Exact by definition.
describe('heaviside', () => {
  it.each([
    [-1000, 0],
    [-1e-300, 0],
    [1e-300, 1],
    [2, 1],
    [1000, 1],
  ])('at x = %d is %d with slope 0', (x, f) => {
    expect(heaviside.forward(x)).toBe(f);
    expect(heaviside.derivative(x, f)).toBe(0);
  });

  it('is 1 at 0 and at -0 (the convention), with slope 0', () => {
    expect(heaviside.forward(0)).toBe(1);
    expect(heaviside.forward(-0)).toBe(1);
    expect(heaviside.derivative(0, 1)).toBe(0);
  });

  it('propagates NaN instead of mapping it to 0', () => {
    expect(heaviside.forward(Number.NaN)).toBeNaN();
    expect(heaviside.derivative(Number.NaN, Number.NaN)).toBeNaN();
  });
});
