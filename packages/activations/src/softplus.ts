import { defineActivation } from './activation';
import { sigmoid } from './sigmoid';

/**
 * Softplus: ln(1 + e^x), f' = σ(x), a smooth ReLU (Dugas et al. 2001,
 * https://proceedings.neurips.cc/paper/2000/hash/44968aece94f667e4095002d140b5896-Abstract.html).
 */
export const softplus = defineActivation({
  name: 'softplus',
  description: 'Softplus: ln(1 + e^x)',
  reference:
    'https://proceedings.neurips.cc/paper/2000/hash/44968aece94f667e4095002d140b5896-Abstract.html',
  // NOTE: ln(1 + e^x) overflows for x > 709 and returns 0 instead of e^x for x < −37;
  // max(x, 0) + log1p(e^−|x|) is the same function with neither problem.
  forward: (x) => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))),
  derivative: (x) => sigmoid.forward(x),
});
