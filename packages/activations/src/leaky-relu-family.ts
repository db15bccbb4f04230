import { defineActivationFamily } from './activation-family';
import { leakyReluWithSlope } from './leaky-relu-with-slope';

/**
 * Leaky ReLU by slope: `leakyRelu(0.2)` is x if x > 0, else 0.2x (Maas et al. 2013,
 * https://ai.stanford.edu/~amaas/papers/relu_hybrid_icml2013_final.pdf). The slope is from 0
 * (relu) to 1 (identity). Members are `leakyReluWithSlope(slope, 'leakyRelu(<slope>)')`; the
 * plain built-in `leakyRelu` (slope 0.01) keeps its own name.
 */
export const leakyReluFamily = defineActivationFamily({
  name: 'leakyRelu',
  description: 'Leaky ReLU with slope a: x if x > 0, else a·x',
  reference: 'https://ai.stanford.edu/~amaas/papers/relu_hybrid_icml2013_final.pdf',
  parameters: [{ name: 'slope', minimum: 0, maximum: 1 }],
  build: ([slope], name) => leakyReluWithSlope(slope!, name),
});
