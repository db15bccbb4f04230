import type { DatasetDefinition } from './dataset-definition';
import { createRandom } from './random';

const perCircle = 16;
const innerRadius = 0.5;
const noise = 0.05;

/**
 * Two concentric circles, made like scikit-learn's `make_circles(32, factor=0.5, noise=0.05)`:
 * evenly spaced angles, Gaussian noise from the seed. Outer circle −1, inner circle +1.
 */
export const circles: DatasetDefinition = {
  name: 'circles',
  description: 'Two circles: 32 points in 2-D (radii 1 and 0.5, noise 0.05), targets ±1',
  generate(seed) {
    const random = createRandom(seed);
    const xs: number[][] = [];
    const ys: number[] = [];
    for (const [radius, target] of [
      [1, -1],
      [innerRadius, 1],
    ] as const) {
      for (let i = 0; i < perCircle; i++) {
        const angle = (2 * Math.PI * i) / perCircle;
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
