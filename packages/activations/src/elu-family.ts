import { defineActivation } from './activation';
import { defineActivationFamily } from './activation-family';

/**
 * Exponential linear unit by α: `elu(1)` is x if x > 0, else α(e^x − 1); f' = 1 if x > 0, else
 * α·e^x (Clevert et al. 2016, https://arxiv.org/abs/1511.07289, where α > 0 sets the value the
 * negative side saturates to, −α).
 */
export const eluFamily = defineActivationFamily({
  name: 'elu',
  description: 'Exponential linear unit with α: x if x > 0, else α(e^x − 1)',
  reference: 'https://arxiv.org/abs/1511.07289',
  parameters: [{ name: 'alpha', exclusiveMinimum: 0 }],
  build: ([alpha], name) =>
    defineActivation({
      name,
      description: `Exponential linear unit: x if x > 0, else ${alpha}(e^x − 1)`,
      reference: 'https://arxiv.org/abs/1511.07289',
      // NOTE: e^x − 1 cancels near 0; expm1 keeps every digit.
      forward: (x) => (x > 0 ? x : alpha! * Math.expm1(x)),
      // NOTE: f' jumps at 0 unless α = 1; we use the left side α there, as PyTorch does.
      derivative: (x) => (x > 0 ? 1 : alpha! * Math.exp(x)),
    }),
});
