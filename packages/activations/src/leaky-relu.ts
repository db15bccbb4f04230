import { defineActivation } from './activation';

/**
 * Leaky ReLU: x if x > 0, else 0.01x; f' = 1 if x > 0, else 0.01
 * (Maas et al. 2013, https://ai.stanford.edu/~amaas/papers/relu_hybrid_icml2013_final.pdf).
 * For another slope use `leakyReluWithSlope`.
 */
export const leakyRelu = defineActivation({
  name: 'leakyRelu',
  description: 'Leaky ReLU: x if x > 0, else 0.01x',
  reference: 'https://ai.stanford.edu/~amaas/papers/relu_hybrid_icml2013_final.pdf',
  forward: (x) => (x > 0 ? x : 0.01 * x),
  // NOTE: not differentiable at 0; we use the left slope 0.01 there, as PyTorch does.
  derivative: (x) => (x > 0 ? 1 : x <= 0 ? 0.01 : Number.NaN),
});
