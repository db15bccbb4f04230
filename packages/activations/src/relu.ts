import { defineActivation } from './activation';

/**
 * Rectified linear unit: max(0, x), f' = 1 if x > 0 else 0
 * (Nair & Hinton 2010, https://www.cs.toronto.edu/~hinton/absps/reluICML.pdf).
 */
export const relu = defineActivation({
  name: 'relu',
  description: 'Rectified linear unit: max(0, x)',
  reference: 'https://www.cs.toronto.edu/~hinton/absps/reluICML.pdf',
  // Math.max propagates NaN, where `x > 0 ? x : 0` would turn it into 0.
  forward: (x) => Math.max(x, 0),
  // NOTE: not differentiable at 0; we use 0 there, as PyTorch and TensorFlow do.
  derivative: (x) => (x > 0 ? 1 : x <= 0 ? 0 : Number.NaN),
});
