import { defineActivation } from './activation';

/** λ of the SELU paper, 1.0507009873554804934…, rounded to the nearest double. */
const LAMBDA = 1.0507009873554805;
/** α of the SELU paper, 1.6732632423543772848…, rounded to the nearest double. */
const ALPHA = 1.6732632423543772;
/** λ·α, as PyTorch computes it. */
const LAMBDA_ALPHA = LAMBDA * ALPHA;

/**
 * Scaled exponential linear unit: λx if x > 0, else λα(e^x − 1); f' = λ if x > 0, else λα·e^x
 * (Klambauer et al. 2017, https://arxiv.org/abs/1706.02515).
 */
export const selu = defineActivation({
  name: 'selu',
  description: 'Scaled exponential linear unit: λx if x > 0, else λα(e^x − 1)',
  reference: 'https://arxiv.org/abs/1706.02515',
  // NOTE: e^x − 1 cancels near 0 (x = 1e-10 would keep 7 digits); expm1 keeps all of them.
  forward: (x) => (x > 0 ? LAMBDA * x : LAMBDA_ALPHA * Math.expm1(x)),
  // NOTE: f' jumps at 0 (λα ≈ 1.7581 on the left, λ on the right); we use λα there, as PyTorch.
  derivative: (x) => (x > 0 ? LAMBDA : LAMBDA_ALPHA * Math.exp(x)),
});
