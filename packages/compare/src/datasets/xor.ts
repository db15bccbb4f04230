import type { DatasetDefinition } from './dataset-definition';
import { createRandom } from './random';

const corners = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
] as const;

/**
 * The XOR truth table: inputs 0/1, target +1 when exactly one input is 1, else −1 (±1 targets like
 * the original's). By default exactly the four rows (no noise, so the seed changes nothing); with
 * more samples, sample i sits at corner i mod 4 plus Gaussian noise. Not linearly separable, so
 * 'identity' cannot fit it.
 */
export const xor: DatasetDefinition = {
  name: 'xor',
  description: 'XOR truth table: 2 inputs in {0, 1}, target +1 when they differ, else -1',
  defaults: { samples: 4, noise: 0 },
  generate(seed, { samples, noise }) {
    const random = createRandom(seed);
    const xs: number[][] = [];
    const ys: number[] = [];
    for (let i = 0; i < samples; i++) {
      const [a, b] = corners[i % 4]!;
      xs.push(noise === 0 ? [a, b] : [a + noise * random.normal(), b + noise * random.normal()]);
      ys.push(a !== b ? 1 : -1);
    }
    return { xs, ys };
  },
};
