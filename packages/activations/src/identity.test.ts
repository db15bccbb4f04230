import { describe, expect, it } from 'vitest';
import { identity } from './identity';

// Exact by definition: f(x) = x and f'(x) = 1 are representable for every double.
describe('identity', () => {
  it.each([-1000, -2.5, -0, 0, 1e-300, 3, 1000])('returns x with slope 1 at x = %d', (x) => {
    expect(identity.forward(x)).toBe(x);
    expect(identity.derivative(x, x)).toBe(1);
  });

  it('propagates NaN, derivative included', () => {
    expect(identity.forward(Number.NaN)).toBeNaN();
    expect(identity.derivative(Number.NaN, Number.NaN)).toBeNaN();
  });
});
