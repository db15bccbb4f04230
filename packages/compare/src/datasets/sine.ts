import type { DatasetDefinition } from './dataset-definition';
import { createRandom, linspace } from './random';

/**
 * A regression: y = sin(x) + Gaussian noise (from the seed) at evenly spaced x in [−π, π].
 * NOTE: a squashing output (sigmoid: (0, 1), heaviside: {0, 1}) cannot reach targets down to −1, so
 * this dataset asks for an 'identity' output layer; the hidden layers apply the compared activation.
 */
export const sine: DatasetDefinition = {
  name: 'sine',
  description:
    'Sine regression: y = sin(x) + noise 0.05 at 32 points in [-pi, pi], identity output',
  outputActivation: 'identity',
  defaults: { samples: 32, noise: 0.05 },
  generate(seed, { samples, noise }) {
    const random = createRandom(seed);
    const xs = linspace(-Math.PI, Math.PI, samples).map((x) => [x]);
    const ys = xs.map(([x]) => Math.sin(x!) + noise * random.normal());
    return { xs, ys };
  },
};
