import type { DatasetDefinition } from './dataset-definition';
import { createRandom, linspace } from './random';

/**
 * Two interleaving half circles, made like scikit-learn's `make_moons(samples, noise)`: evenly
 * spaced angles, Gaussian noise from the seed. Upper moon −1 (the first half), lower moon +1.
 */
export const moons: DatasetDefinition = {
  name: 'moons',
  description: 'Two moons: 32 points in 2-D (16 per moon, noise 0.1), targets ±1',
  defaults: { samples: 32, noise: 0.1 },
  generate(seed, { samples, noise }) {
    const random = createRandom(seed);
    const upper = Math.ceil(samples / 2);
    const xs: number[][] = [];
    const ys: number[] = [];
    for (const angle of linspace(0, Math.PI, upper)) {
      xs.push([
        Math.cos(angle) + noise * random.normal(),
        Math.sin(angle) + noise * random.normal(),
      ]);
      ys.push(-1);
    }
    for (const angle of linspace(0, Math.PI, samples - upper)) {
      xs.push([
        1 - Math.cos(angle) + noise * random.normal(),
        0.5 - Math.sin(angle) + noise * random.normal(),
      ]);
      ys.push(1);
    }
    return { xs, ys };
  },
};
