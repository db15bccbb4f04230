import type { DatasetDefinition } from './dataset-definition';
import { createRandom } from './random';

/** How far each arm winds, in turns. */
const turns = 1.75;

/**
 * Two interleaved spiral arms (Lang & Witbrock's two-spirals problem, as in TensorFlow
 * Playground): point i of an arm at radius r = i / n and angle 2π · turns · r, the second arm
 * turned by π, plus Gaussian noise from the seed. First arm −1, second +1.
 */
export const spiral: DatasetDefinition = {
  name: 'spiral',
  description: 'Two spirals: 64 points in 2-D (two arms of 1.75 turns, noise 0.03), targets ±1',
  defaults: { samples: 64, noise: 0.03 },
  generate(seed, { samples, noise }) {
    const random = createRandom(seed);
    const first = Math.ceil(samples / 2);
    const xs: number[][] = [];
    const ys: number[] = [];
    for (const [turn, target, count] of [
      [0, -1, first],
      [Math.PI, 1, samples - first],
    ] as const) {
      for (let i = 0; i < count; i++) {
        const radius = (i + 1) / count;
        const angle = 2 * Math.PI * turns * radius + turn;
        xs.push([
          radius * Math.sin(angle) + noise * random.normal(),
          radius * Math.cos(angle) + noise * random.normal(),
        ]);
        ys.push(target);
      }
    }
    return { xs, ys };
  },
};
