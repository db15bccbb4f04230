import type { DatasetDefinition } from './dataset-definition';

/**
 * The XOR truth table: inputs 0/1, target +1 when exactly one input is 1, else −1 (±1 targets like
 * the original's). Fixed: the seed is ignored. Not linearly separable, so 'identity' cannot fit it.
 */
export const xor: DatasetDefinition = {
  name: 'xor',
  description: 'XOR truth table: 2 inputs in {0, 1}, target +1 when they differ, else -1',
  generate: () => ({
    xs: [
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ],
    ys: [-1, 1, 1, -1],
  }),
};
