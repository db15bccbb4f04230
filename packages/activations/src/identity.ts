import { defineActivation } from './activation';

/** Identity: f(x) = x, f'(x) = 1 (https://en.wikipedia.org/wiki/Identity_function). */
export const identity = defineActivation({
  name: 'identity',
  description: 'Identity: x',
  reference: 'https://en.wikipedia.org/wiki/Identity_function',
  forward: (x) => x,
  // NOTE: a constant derivative would hide a NaN input; NaN in gives NaN out.
  derivative: (x) => (Number.isNaN(x) ? Number.NaN : 1),
});
