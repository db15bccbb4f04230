import erf from '@stdlib/math-base-special-erf';
import { defineActivation } from './activation';

/** 1/√(2π), the peak of the standard normal density φ. */
const INV_SQRT_2PI = 0.3989422804014327;

/**
 * Gaussian error linear unit, exact form: x·Φ(x) = ½x(1 + erf(x/√2)), f' = Φ(x) + x·φ(x)
 * (Hendrycks & Gimpel 2016, https://arxiv.org/abs/1606.08415).
 */
export const gelu = defineActivation({
  name: 'gelu',
  description: 'Gaussian error linear unit: x·Φ(x) = x(1 + erf(x/√2))/2',
  reference: 'https://arxiv.org/abs/1606.08415',
  // NOTE: 1 + erf(x/√2) cancels for negative x: below −3 the (tiny) result is right to an
  // absolute |x|·2^−53, not relatively (gelu(−5) to 4e-11; gelu(−20) is −0). As in PyTorch.
  forward: (x) => 0.5 * x * (1 + erf(x * Math.SQRT1_2)),
  derivative(x) {
    const cdf = 0.5 * (1 + erf(x * Math.SQRT1_2));
    // NOTE: φ(x) underflows to 0 for |x| > 38, and x·0 = 0, so f' stays finite at ±1000
    // (x² may even overflow to Infinity: e^−Infinity = 0).
    const pdf = INV_SQRT_2PI * Math.exp(-0.5 * x * x);
    return cdf + x * pdf;
  },
});
