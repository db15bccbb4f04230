import erfc from '@stdlib/math-base-special-erfc';
import { defineActivation } from './activation';

/** 1/√(2π), the peak of the standard normal density φ. */
const INV_SQRT_2PI = 0.3989422804014327;

/** Φ(x), the standard normal CDF, as ½·erfc(−x/√2): accurate to the last digits in both tails. */
function normalCdf(x: number): number {
  return 0.5 * erfc(-x * Math.SQRT1_2);
}

/**
 * Gaussian error linear unit, exact form: x·Φ(x) = ½x(1 + erf(x/√2)), f' = Φ(x) + x·φ(x)
 * (Hendrycks & Gimpel 2016, https://arxiv.org/abs/1606.08415).
 */
export const gelu = defineActivation({
  name: 'gelu',
  description: 'Gaussian error linear unit: x·Φ(x) = x(1 + erf(x/√2))/2',
  reference: 'https://arxiv.org/abs/1606.08415',
  // NOTE: written with erfc, not 1 + erf(x/√2) as PyTorch does: for negative x that sum cancels,
  // and below −3 the tiny result would keep only absolute accuracy (gelu(−20) would be −0).
  // NOTE: at −Infinity, x·Φ(x) would be −∞·0 = NaN; the limit is 0.
  forward: (x) => (x === -Infinity ? 0 : x * normalCdf(x)),
  derivative(x) {
    // NOTE: at ±Infinity, x·φ(x) would be ±∞·0 = NaN; the limits of f' are 0 and 1.
    if (x === -Infinity) return 0;
    if (x === Infinity) return 1;
    const cdf = normalCdf(x);
    // NOTE: φ(x) underflows to 0 for |x| > 38, and x·0 = 0, so f' stays finite at ±1000
    // (x² may even overflow to Infinity: e^−Infinity = 0).
    const pdf = INV_SQRT_2PI * Math.exp(-0.5 * x * x);
    return cdf + x * pdf;
  },
});
