import { defineActivation } from './activation';

/**
 * Heaviside step: 1 if x >= 0, else 0; f' = 0
 * (https://en.wikipedia.org/wiki/Heaviside_step_function).
 */
export const heaviside = defineActivation({
  name: 'heaviside',
  description: 'Heaviside step: 1 if x >= 0, else 0',
  reference: 'https://en.wikipedia.org/wiki/Heaviside_step_function',
  // NOTE: H(0) = 1 by convention (PyTorch's heaviside(x, 1)); `x >= 0` alone would map NaN to 0.
  forward: (x) => (x >= 0 ? 1 : x < 0 ? 0 : Number.NaN),
  // NOTE: 0 everywhere, even at the jump, so no gradient flows through it (it cannot learn).
  derivative: (x) => (Number.isNaN(x) ? Number.NaN : 0),
});
