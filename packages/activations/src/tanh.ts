import { defineActivation } from './activation';

/** Hyperbolic tangent: tanh x, f' = 1 − f² (https://en.wikipedia.org/wiki/Hyperbolic_functions). */
export const tanh = defineActivation({
  name: 'tanh',
  description: 'Hyperbolic tangent: tanh x',
  reference: 'https://en.wikipedia.org/wiki/Hyperbolic_functions',
  // Math.tanh saturates to ±1 without overflow.
  forward: (x) => Math.tanh(x),
  derivative(x) {
    // NOTE: 1 − y² cancels to 0 for |x| > 19. 1 − tanh² x = 4z/(1+z)² with z = e^(−2|x|) is the
    // same function without the cancellation, and z can only underflow (to 0), never overflow.
    const z = Math.exp(-2 * Math.abs(x));
    return (4 * z) / ((1 + z) * (1 + z));
  },
});
