import { InvalidArgumentError } from '@mg/engine';
import { type Activation, defineActivation } from './activation';

/**
 * A leaky ReLU with another slope for x <= 0, under its own name (default `leakyRelu(<slope>)`),
 * e.g. `registry.register(leakyReluWithSlope(0.2))`. The built-in `leakyRelu` (slope 0.01) is
 * unchanged. Like it, the derivative at 0 is the left slope.
 * @param slope a finite number (usually between 0 and 1)
 * @param name the registry key; defaults to `leakyRelu(<slope>)`
 */
export function leakyReluWithSlope(slope: number, name = `leakyRelu(${slope})`): Activation {
  if (typeof slope !== 'number' || !Number.isFinite(slope)) {
    throw new InvalidArgumentError({
      argument: 'slope',
      method: 'leakyReluWithSlope',
      expected: 'a finite number',
      received: slope,
    });
  }
  if (typeof name !== 'string' || name.trim() === '') {
    throw new InvalidArgumentError({
      argument: 'name',
      method: 'leakyReluWithSlope',
      expected: 'a non-empty string',
      received: name,
    });
  }
  return defineActivation({
    name,
    description: `Leaky ReLU: x if x > 0, else ${slope}x`,
    reference: 'https://ai.stanford.edu/~amaas/papers/relu_hybrid_icml2013_final.pdf',
    // NOTE: with |slope| > 1 the output can overflow for x near -Number.MAX_VALUE (never at ±1000).
    forward: (x) => (x > 0 ? x : slope * x),
    derivative: (x) => (x > 0 ? 1 : x <= 0 ? slope : Number.NaN),
  });
}
