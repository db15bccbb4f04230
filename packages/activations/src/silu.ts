import { defineActivation } from './activation';
import { sigmoid } from './sigmoid';

/**
 * Sigmoid linear unit (swish): x·σ(x); f' = σ(1 + x(1 − σ))
 * (Elfwing et al. 2017, https://arxiv.org/abs/1702.03118).
 */
export const silu = defineActivation({
  name: 'silu',
  description: 'Sigmoid linear unit (swish): x·σ(x)',
  reference: 'https://arxiv.org/abs/1702.03118',
  // The stable σ of sigmoid.ts, so no input overflows.
  // NOTE: at −Infinity, x·σ(x) would be −∞·0 = NaN; the limit is 0.
  forward: (x) => (x === -Infinity ? 0 : x * sigmoid.forward(x)),
  derivative(x) {
    // NOTE: at ±Infinity, x·σ(−x) would be ±∞·0 = NaN; the limits of f' are 0 and 1.
    if (x === -Infinity) return 0;
    if (x === Infinity) return 1;
    const z = Math.exp(-Math.abs(x));
    const s = x >= 0 ? 1 / (1 + z) : z / (1 + z);
    // NOTE: 1 − σ(x) = σ(−x), computed directly: the subtraction would lose digits for x > 0.
    const sNeg = x >= 0 ? z / (1 + z) : 1 / (1 + z);
    return s * (1 + x * sNeg);
  },
});
