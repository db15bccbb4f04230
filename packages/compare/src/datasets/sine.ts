import type { DatasetDefinition } from './dataset-definition';
import { createRandom, linspace } from './random';

const count = 32;
const noise = 0.05;

/**
 * A regression: y = sin(x) + Gaussian noise (from the seed) at 32 evenly spaced x in [−π, π].
 * NOTE: a squashing output (sigmoid: (0, 1), heaviside: {0, 1}) cannot reach targets down to −1, so
 * this dataset asks for an 'identity' output layer; the hidden layers apply the compared activation.
 */
export const sine: DatasetDefinition = {
  name: 'sine',
  description:
    'Sine regression: y = sin(x) + noise 0.05 at 32 points in [-pi, pi], identity output',
  outputActivation: 'identity',
  generate(seed) {
    const random = createRandom(seed);
    const xs = linspace(-Math.PI, Math.PI, count).map((x) => [x]);
    const ys = xs.map(([x]) => Math.sin(x!) + noise * random.normal());
    return { xs, ys };
  },
};
