import type { DatasetDefinition } from './dataset-definition';
import { createRandom } from './random';

const innerRadius = 0.5;

/**
 * Two concentric circles, made like scikit-learn's `make_circles(samples, factor=0.5, noise)`:
 * evenly spaced angles, Gaussian noise from the seed. Outer circle −1 (the first half), inner +1.
 */
export const circles: DatasetDefinition = {
  name: 'circles',
  description: 'Two circles: 32 points in 2-D (radii 1 and 0.5, noise 0.05), targets ±1',
  defaults: { samples: 32, noise: 0.05 },
  generate(seed, { samples, noise }) {
    const random = createRandom(seed);
    const outer = Math.ceil(samples / 2);
    const xs: number[][] = [];
    const ys: number[] = [];
    for (const [radius, target, count] of [
      [1, -1, outer],
      [innerRadius, 1, samples - outer],
    ] as const) {
      for (let i = 0; i < count; i++) {
        const angle = (2 * Math.PI * i) / count;
        xs.push([
          radius * Math.cos(angle) + noise * random.normal(),
          radius * Math.sin(angle) + noise * random.normal(),
        ]);
        ys.push(target);
      }
    }
    return { xs, ys };
  },
};
