import { defineActivation } from './activation';

/** Gaussian: e^(−x²/2), f' = −x·f (https://en.wikipedia.org/wiki/Gaussian_function). */
export const gaussian = defineActivation({
  name: 'gaussian',
  description: 'Gaussian: e^(-x²/2)',
  reference: 'https://en.wikipedia.org/wiki/Gaussian_function',
  // NOTE: for |x| > 38.6 the result underflows to 0, and for |x| > 1.3e154 x² overflows to
  // Infinity; e^−Infinity is still 0, so the output stays finite.
  forward: (x) => Math.exp(-0.5 * x * x),
  // In terms of the output: no second exp. y = 0 in the tails makes −x·0 = ∓0.
  // NOTE: at ±Infinity, −x·y would be ∓∞·0 = NaN; the limit is 0.
  derivative: (x, y) => (x === Infinity || x === -Infinity ? 0 : -x * y),
});
